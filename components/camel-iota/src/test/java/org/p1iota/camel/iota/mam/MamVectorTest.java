package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of the public vectors: created payload == mam.js payload, and both references' payloads parse. */
class MamVectorTest {

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        MamVectors.load().get("cases").forEach(c -> all.add(Arguments.of(c.get("id").asText(), c)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void createsEveryPayloadOfTheCaseBitForBit(String id, JsonNode vectorCase) throws MamException {
        MamChannel channel = null;
        for (JsonNode m : vectorCase.get("messages")) {
            JsonNode s = m.get("state");
            ChannelState expectedState = ChannelState.of(m.get("seed").asText(), MamMode.parse(m.get("mode").asText()),
                    MamVectors.text(m, "sideKey"), m.get("security").asInt(), s.get("start").asLong(),
                    s.get("index").asInt(), s.get("count").asInt(), s.get("nextCount").asInt());
            if (channel == null) {
                channel = new MamChannel(expectedState);
            } else {
                // the channel advanced by itself; only a rotation changes the key from outside
                assertThat(channel.state().withSideKey(MamVectors.text(m, "sideKey"))).isEqualTo(expectedState);
                channel.moveTo(expectedState);
            }
            assertThat(channel.state().keyIndex()).isEqualTo(m.get("keyIndex").asLong());
            CreatedMessage created = channel.create(m.get("message").asText());
            String where = id + "#" + m.get("seq").asInt();
            assertThat(created.root()).as(where + " root").isEqualTo(m.get("root").asText());
            assertThat(created.address()).as(where + " address").isEqualTo(m.get("address").asText());
            assertThat(created.nextRoot()).as(where + " nextRoot").isEqualTo(m.get("nextRoot").asText());
            MamVectors.assertSameTrytes(where + " payload", created.payload(), m.get("payload").asText());
            channel.advance();
            JsonNode after = m.get("stateAfter");
            assertThat(channel.state().start()).as(where + " start after").isEqualTo(after.get("start").asLong());
            assertThat(channel.state().index()).as(where + " index after").isEqualTo(after.get("index").asInt());
        }
        assertThat(channel.state().start()).isEqualTo(vectorCase.get("finalState").get("start").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesThePayloadsOfBothReferences(String id, JsonNode vectorCase) throws MamException {
        for (JsonNode m : vectorCase.get("messages")) {
            for (String field : List.of("payload", "payloadMamClient")) {
                MamMessage parsed = MamParser.parse(m.get(field).asText(), m.get("root").asText(), MamVectors.text(m, "sideKey"));
                assertThat(parsed.message()).as(id + " " + field).isEqualTo(m.get("message").asText());
                assertThat(parsed.nextRoot()).as(id + " " + field).isEqualTo(m.get("nextRoot").asText());
            }
        }
    }

    @Test
    void coversTheWholeFile() {
        int messages = 0;
        for (JsonNode c : MamVectors.load().get("cases")) {
            messages += c.get("messages").size();
        }
        assertThat(MamVectors.load().get("cases")).hasSize(13);
        assertThat(messages).isEqualTo(41);
    }
}
