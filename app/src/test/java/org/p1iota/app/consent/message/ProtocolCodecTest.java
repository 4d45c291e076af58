package org.p1iota.app.consent.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.ProtocolException.Reason;

class ProtocolCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void everyTypeHasASampleAndRoundTrips() throws Exception {
        Map<MessageType, ProtocolMessage> samples = SampleMessages.all();
        assertThat(samples.keySet()).containsExactlyInAnyOrder(MessageType.values());
        for (ProtocolMessage sample : samples.values()) {
            String json = codec.encode(sample);
            assertThat(json).startsWith("{\"type\":\"" + sample.messageType().name() + "\",\"version\":"
                    + sample.messageType().version() + ",");
            assertThat(codec.decode(json)).isEqualTo(sample);
        }
    }

    @Test
    void pairingMessagesAreVersionTwoAndTheFirstVersionIsNoLongerRead() throws Exception {
        for (MessageType type : new MessageType[] {MessageType.CLAIM_DEVICE, MessageType.CHALLENGE,
                MessageType.ANSWER_CHALLENGE, MessageType.CLAIM_RESULT}) {
            assertThat(type.version()).isEqualTo(2);
        }
        assertThat(MessageType.DEVICE_ADDED.version()).isEqualTo(ProtocolMessage.VERSION);
        assertReason("{\"type\":\"CLAIM_DEVICE\",\"version\":1,\"claimId\":\"claim-0001\",\"device\":\""
                + SampleMessages.DEVICE + "\",\"replyTo\":\"" + SampleMessages.MY_HOME + "\"}", Reason.UNSUPPORTED_VERSION);
        assertThat(codec.decode(codec.encode(new ClaimResult(SampleMessages.SEALED)), InboxMessage.class))
                .isEqualTo(new ClaimResult(SampleMessages.SEALED));
    }

    @Test
    void refusesUnknownTypesVersionsAndFields() {
        String claim = codec.encode(SampleMessages.all().get(MessageType.CLAIM_DEVICE));
        assertReason(claim.replace("CLAIM_DEVICE", "CLAIM_EVERYTHING"), Reason.UNKNOWN_TYPE);
        assertReason(claim.replace("\"type\":\"CLAIM_DEVICE\",", ""), Reason.MISSING_TYPE);
        assertReason(claim.replace("\"version\":2", "\"version\":1"), Reason.UNSUPPORTED_VERSION);
        assertReason(claim.replace("\"version\":2", "\"version\":\"2\""), Reason.UNSUPPORTED_VERSION);
        assertReason(claim.replace("\"version\":2,", ""), Reason.MISSING_FIELD);
        assertReason(claim.replace("\"sealed\"", "\"Sealed\""), Reason.MISSING_FIELD);
        assertReason(claim.replace("}", ",\"extra\":true}"), Reason.UNKNOWN_FIELD);
    }

    @Test
    void typesAreVersionedOnTheirOwn() throws Exception {
        // MAM_DATA v1 (fields in clear, no proof inside) is no longer read; v2 says nothing but its envelope
        String mamData = codec.encode(SampleMessages.all().get(MessageType.MAM_DATA));
        assertThat(mamData).isEqualTo("{\"type\":\"MAM_DATA\",\"version\":2,\"envelope\":\"ENVELOPE9TRYTES\"}");
        assertReason(mamData.replace("\"version\":2", "\"version\":1"), Reason.UNSUPPORTED_VERSION);
        assertReason(mamData.replace("{\"type\":\"MAM_DATA\",", "{\"type\":\"MAM_DATA\",\"policyId\":\"policy-0001\","),
                Reason.UNKNOWN_FIELD);
        assertReason(codec.encode(SampleMessages.all().get(MessageType.CHANNEL_KEYS)).replace("\"version\":3", "\"version\":1"),
                Reason.UNSUPPORTED_VERSION);
        // AUTHORIZED v1, granted before v2, is still read (My Home's channel keeps it), without a grant secret
        String authorized = codec.encode(SampleMessages.all().get(MessageType.AUTHORIZED));
        assertThat(authorized).contains("\"version\":3").contains("\"grantSecret\":\"" + SampleMessages.GRANT_SECRET + "\"");
        String v2 = authorized.replaceAll(",\"scope\":\\{[^}]*\\},\"until\":\"[^\"]*\"", "").replace("\"version\":3", "\"version\":2");
        assertThat(codec.decode(v2, Authorized.class).grantedScope()).as("v2: the full scope").isEqualTo(Scope.full());
        assertThat(codec.decode(v2, Authorized.class).until()).isNull();
        String v1 = v2.replace("\"version\":2", "\"version\":1").replace(",\"grantSecret\":\"" + SampleMessages.GRANT_SECRET + "\"", "");
        assertThat(codec.decode(v1, Authorized.class).grantSecret()).isNull();
        // a READINGS whose records hold a category its scope lacks is refused
        String readings = codec.encode(SampleMessages.all().get(MessageType.READINGS));
        assertThat(readings).contains("\"meter\":{");
        assertReason(readings.replace(",\"IDENTITY\"]", "]"), Reason.INVALID_FIELD);
        assertReason(authorized.replace(SampleMessages.GRANT_SECRET, "too-short"), Reason.INVALID_FIELD);
    }

    @Test
    void refusesMissingAndInvalidFields() {
        String authorized = codec.encode(SampleMessages.all().get(MessageType.AUTHORIZED));
        assertReason(authorized.replace("\"goal\":\"Monthly energy advice\",", ""), Reason.MISSING_FIELD);
        assertReason(authorized.replace("\"name\":\"Wattt Insights\",", ""), Reason.INVALID_FIELD);
        assertReason(authorized.replace("\"origin\":\"https://wattt.example\"", "\"origin\":\"javascript:alert(1)\""),
                Reason.INVALID_FIELD);
        assertReason(authorized.replace("\"since\":\"2026-11-25T02:30:00Z\"", "\"since\":1764037800"), Reason.INVALID_FIELD);
        assertReason(authorized.replace("\"since\":\"2026-11-25T02:30:00Z\"", "\"since\":\"yesterday\""), Reason.INVALID_FIELD);
        assertReason(authorized.replace("\"fingerprint\":", "\"colour\":\"red\",\"fingerprint\":"), Reason.UNKNOWN_FIELD);
    }

    @Test
    void refusesCoercedScalars() {
        String data = codec.encode(SampleMessages.all().get(MessageType.DATA));
        assertReason(data.replace("\"sequence\":7", "\"sequence\":\"7\""), Reason.INVALID_FIELD);
        assertReason(data.replace("\"sequence\":7", "\"sequence\":7.5"), Reason.INVALID_FIELD);
        assertReason(data.replace("\"sequence\":7", "\"sequence\":-7"), Reason.INVALID_FIELD);
        String claim = codec.encode(SampleMessages.all().get(MessageType.CLAIM_DEVICE));
        String sealed = "\"sealed\":\"" + SampleMessages.SEALED + "\"";
        assertReason(claim.replace(sealed, "\"sealed\":12345678"), Reason.INVALID_FIELD);
        assertReason(claim.replace(sealed, "\"sealed\":null"), Reason.INVALID_FIELD);
        assertReason(claim.replace(sealed, "\"sealed\":\"not base64url!\""), Reason.INVALID_FIELD);
        assertReason(claim.replace(sealed, "\"sealed\":\"" + "A".repeat(2000) + "\""), Reason.INVALID_FIELD);
    }

    @Test
    void refusesGarbage() {
        assertReason("", Reason.NOT_AN_OBJECT);
        assertReason("null", Reason.NOT_AN_OBJECT);
        assertReason("[1,2,3]", Reason.NOT_AN_OBJECT);
        assertReason("\"CLAIM_DEVICE\"", Reason.NOT_AN_OBJECT);
        assertReason("{\"type\":", Reason.MALFORMED_JSON);
        assertReason("{\"type\":\"DATA\",\"type\":\"DATA\"}", Reason.MALFORMED_JSON);
        assertReason("{\"type\":\"DEVICE_DELETED\"} trailing", Reason.MALFORMED_JSON);
        assertReason("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", Reason.MALFORMED_JSON);
        assertReason("{\"type\":7}", Reason.MISSING_TYPE);
        assertReason("\u0000\u0001\u0002 binary", Reason.MALFORMED_JSON);
    }

    @Test
    void refusesOversizeInputBeforeParsing() throws Exception {
        ProtocolCodec inbox = ProtocolCodec.forInbox();
        String huge = "{\"type\":\"CLAIM_DEVICE\",\"pad\":\"" + "9".repeat(ProtocolCodec.INBOX_MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> inbox.decode(huge)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(Reason.OVERSIZE);
        assertThatThrownBy(() -> inbox.decode(new byte[ProtocolCodec.INBOX_MAX_BYTES + 1]))
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(Reason.OVERSIZE);
        // multi-byte characters count as bytes, not characters
        String wide = "{\"type\":\"" + "\u20ac".repeat(ProtocolCodec.INBOX_MAX_BYTES / 2) + "\"}";
        assertThatThrownBy(() -> inbox.decode(wide))
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(Reason.OVERSIZE);
    }

    @Test
    void decodeWithAnExpectedKindRefusesOtherKinds() {
        String event = codec.encode(SampleMessages.all().get(MessageType.DEVICE_ADDED));
        assertThatThrownBy(() -> codec.decode(event, InboxMessage.class))
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(Reason.UNEXPECTED_TYPE);
    }

    @Test
    void telegramsAreImmutableAndConsecutive() {
        Data data = (Data) SampleMessages.all().get(MessageType.DATA);
        ((com.fasterxml.jackson.databind.node.ObjectNode) data.telegrams().get(0).parsed()).put("changed", 1);
        assertThat(data.telegrams().get(0).parsed().has("changed")).isFalse();
        Telegram t = data.telegrams().get(0);
        assertThatThrownBy(() -> new Data(SampleMessages.DEVICE, java.util.List.of(t, t)))
                .hasMessageContaining("consecutive");
    }

    /** Whatever arrives on an inbox, the codec answers with a message or a ProtocolException, nothing else. */
    @Test
    void mutatedMessagesNeverEscapeAsAnythingButProtocolException() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "{}[]\":,0123456789-.eE9AZaz \\u0000\u00e9\uD83D";
        ProtocolCodec inbox = ProtocolCodec.forInbox();
        int decoded = 0;
        for (ProtocolMessage sample : SampleMessages.all().values()) {
            String json = codec.encode(sample);
            for (int i = 0; i < 500; i++) {
                StringBuilder mutated = new StringBuilder(json);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                try {
                    assertThat(inbox.decode(mutated.toString())).isNotNull();
                    decoded++;
                } catch (ProtocolException expected) {
                    assertThat(expected.reason()).isNotNull();
                }
            }
        }
        assertThat(decoded).as("some mutations (inside free text) are still valid messages").isPositive();
    }

    private void assertReason(String json, Reason reason) {
        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
