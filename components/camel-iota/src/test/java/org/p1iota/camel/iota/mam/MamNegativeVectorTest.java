package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The 32 negative vectors and the quirks: rejected with the expected reason, or accepted where every reference accepts. */
class MamNegativeVectorTest {

    /** The independent re-implementation's error names, as recorded in the vectors, and ours. */
    private static final Map<String, MamException.Reason> SPEC_REASONS = Map.of(
            "INVALID_TRYTES", MamException.Reason.INVALID_TRYTES,
            "PASCAL_UNTERMINATED", MamException.Reason.PASCAL_UNTERMINATED,
            "PAYLOAD_TOO_SHORT", MamException.Reason.OUT_OF_BOUNDS,
            "INVALID_HASH_SECURITY", MamException.Reason.INVALID_HASH_SECURITY,
            "INVALID_SIGNATURE_ROOT_MISMATCH", MamException.Reason.INVALID_SIGNATURE);

    static Stream<Arguments> negatives() {
        List<Arguments> all = new ArrayList<>();
        MamVectors.load().get("negative").forEach(n -> all.add(Arguments.of(n.get("id").asText(), n)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void rejectsOrAcceptsLikeEveryReference(String id, JsonNode negative) throws MamException {
        String payload = negative.get("payload").asText();
        String root = negative.get("root").asText();
        String sideKey = MamVectors.text(negative, "sideKey");
        if (negative.get("expectedJava").asText().startsWith("accept")) {
            MamMessage parsed = MamParser.parse(payload, root, sideKey);
            assertThat(parsed.message()).isEqualTo(negative.get("expected").get("message").asText());
            assertThat(parsed.nextRoot()).isEqualTo(negative.get("expected").get("nextRoot").asText());
        } else {
            MamException rejected = catchThrowableOfType(MamException.class, () -> MamParser.parse(payload, root, sideKey));
            assertThat(rejected).as(id).isNotNull();
            MamException.Reason expected = SPEC_REASONS.get(negative.get("results").get("spec").get("error").asText());
            if (negative.get("kind").asText().equals("flip-header")) {
                // a damaged header can be impossible (negative length, length not in whole trytes): this
                // parser says so before unmasking, where the independent one only fails at the hash check
                assertThat(rejected.reason()).as(id + ": " + rejected.getMessage())
                        .isIn(expected, MamException.Reason.OUT_OF_BOUNDS);
            } else {
                assertThat(rejected.reason()).as(id + ": " + rejected.getMessage()).isEqualTo(expected);
            }
        }
    }

    @Test
    void coversAllNegatives() {
        assertThat(MamVectors.load().get("negative")).hasSize(32);
    }

    private static JsonNode quirk(String id) {
        for (JsonNode q : MamVectors.load().get("quirks")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no quirk " + id);
    }

    @Test
    void emptyMessageOfMamClientParsesToEmpty() throws MamException {
        JsonNode q = quirk("quirk-empty-message");
        MamMessage parsed = MamParser.parse(q.get("payloadMamClient").asText(), q.get("root").asText(), null);
        assertThat(parsed.message()).isEmpty();
        assertThat(parsed.nextRoot()).isEqualTo(q.get("nextRoot").asText());
    }

    @Test
    void sideKeysArePaddedWithNines() throws MamException {
        JsonNode q = quirk("quirk-sidekey-padding");
        assertThat(MamTrytes.padSideKey("BANANA")).isEqualTo(MamTrytes.padSideKey("BANANA999")).hasSize(81);
        String seed = q.get("seed").asText();
        String message = q.get("message").asText();
        String payload = q.get("payloadShortKey").asText();
        for (String key : new String[] {"BANANA", "BANANA999"}) {
            MamChannel channel = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, key, 1));
            MamVectors.assertSameTrytes(key, channel.create(message).payload(), payload);
            assertThat(MamParser.parse(payload, channel.root(), key).message()).isEqualTo(message);
        }
    }

    @Test
    void countsTheReferencesGetWrongAreRefused() {
        String seed = quirk("quirk-count3").get("seed").asText();
        MamException three = catchThrowableOfType(MamException.class,
                () -> ChannelState.of(seed, MamMode.PUBLIC, null, 1, 0, 0, 3, 3));
        assertThat(three.reason()).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(three.getMessage()).contains("power of two");
        MamException mixed = catchThrowableOfType(MamException.class,
                () -> ChannelState.of(seed, MamMode.PUBLIC, null, 1, 0, 0, 2, 1));
        assertThat(mixed.reason()).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(mixed.getMessage()).contains("must be equal");
    }

    @Test
    void firstMessageOfTheCount2Quirk() throws MamException {
        // the count-2 tree itself is right in both references: same root here, and its first payload parses
        JsonNode q = quirk("quirk-count2-nextCount1");
        JsonNode first = q.get("messages").get(0);
        MamChannel channel = new MamChannel(ChannelState.of(q.get("seed").asText(), MamMode.PUBLIC, null, 1, 0, 0, 2, 2));
        assertThat(channel.root()).isEqualTo(first.get("root").asText());
        MamMessage parsed = MamParser.parse(first.get("payload").asText(), first.get("root").asText(), null);
        assertThat(parsed.message()).isEqualTo(first.get("message").asText());
        assertThat(parsed.nextRoot()).isEqualTo(first.get("nextRoot").asText());
    }
}
