package org.p1iota.app.consent.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.MessageType;
import org.p1iota.app.consent.secrets.PairingCode;

/**
 * Pairing version 2's crypto (docs/protocol.md, "Pairing crypto, version 2"). The known answers were
 * computed outside Java first (Python's {@code cryptography}: HKDF-SHA256 and AESGCM) and pinned here.
 */
class PairingSealTest {

    static final String DEVICE = "DEVICE" + "9".repeat(75);
    static final String MY_HOME = "MYHOME" + "9".repeat(75);

    private final SecureRandom random = new SecureRandom();

    @Test
    void keysAreStableAcrossReleases() throws Exception {
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(PairingSeal.derive(code, DEVICE, MessageType.CLAIM_DEVICE)))
                .isEqualTo("744056b383b237ec5c3f744b01315c481523fdaa79131e57cfdc8d767aab1911");
        assertThat(hex.formatHex(PairingSeal.derive(code, DEVICE, MessageType.CHALLENGE)))
                .isEqualTo("053f5adc48b1bbec678b3b6e7a38855d60c0ac25905aad1bb2363f3dbc3ea0d6");
        assertThat(hex.formatHex(PairingSeal.derive(code, DEVICE, MessageType.ANSWER_CHALLENGE)))
                .isEqualTo("5c1dbba51de294e963ea7cccca11d16ce6236f215390ddc8b9505e336b933bd5");
        assertThat(hex.formatHex(PairingSeal.derive(code, DEVICE, MessageType.CLAIM_RESULT)))
                .isEqualTo("91eb859ca5b5e51c02e1d970e1b9f75c3becc172bb86ed3814d106ef22c009bc");
    }

    @Test
    void aSealedClaimIsStableAcrossReleases() throws Exception {
        // nonce 00 01 .. 0b: pins the content's JSON, the associated data and the wire form
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        PairingSeal seal = new PairingSeal(code, DEVICE);
        ClaimContent content = new ClaimContent("claim-0001-vector", MY_HOME, Instant.parse("2026-12-07T17:00:00Z"));
        assertThat(new String(PairingSeal.contentJson(content), StandardCharsets.US_ASCII)).isEqualTo(
                "{\"claimId\":\"claim-0001-vector\",\"replyTo\":\"" + MY_HOME + "\",\"createdAt\":\"2026-12-07T17:00:00Z\"}");
        byte[] nonce = new byte[PairingSeal.NONCE_BYTES];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) i;
        }
        String sealed = seal.seal(MessageType.CLAIM_DEVICE, PairingSeal.contentJson(content), nonce);
        assertThat(sealed).isEqualTo(KNOWN_SEALED_CLAIM);
        assertThat(seal.open(new ClaimDevice(KNOWN_SEALED_CLAIM))).contains(content);
    }

    @Test
    void aBoxOpensOnlyWithTheSameCodeDeviceAndType() throws Exception {
        PairingCode code = PairingCode.generate(random);
        PairingSeal seal = new PairingSeal(code, DEVICE);
        ClaimContent content = new ClaimContent("claim-0002-random", MY_HOME, Instant.now());
        ClaimDevice claim = seal.claim(content, random);
        assertThat(seal.open(claim)).contains(content);
        assertThat(seal.claim(content, random).sealed()).as("fresh nonce").isNotEqualTo(claim.sealed());

        assertThat(new PairingSeal(PairingCode.generate(random), DEVICE).open(claim)).isEmpty();
        assertThat(new PairingSeal(code, "OTHER" + "9".repeat(76)).open(claim)).isEmpty();
        assertThat(seal.open(new Challenge(claim.sealed()))).as("another type").isEmpty();
        String s = claim.sealed();
        char flipped = s.charAt(40) == 'A' ? 'B' : 'A';
        assertThat(seal.open(new ClaimDevice(s.substring(0, 40) + flipped + s.substring(41)))).isEmpty();
        assertThat(seal.open(new ClaimDevice("short"))).isEmpty();
        assertThat(seal.open(new ClaimDevice("A".repeat(101)))).as("not base64 of whole bytes").isEmpty();
        // sealed with the right key, but not a claim's content: ignored too
        String notAClaim = seal.seal(MessageType.CLAIM_DEVICE, "{\"claimId\":\"x\"}".getBytes(StandardCharsets.US_ASCII),
                new byte[PairingSeal.NONCE_BYTES]);
        assertThat(seal.open(new ClaimDevice(notAClaim))).isEmpty();
    }

    @Test
    void everyContentHasExactlyTheFieldsOfItsSchema() throws Exception {
        Path schemas = null;
        for (Path dir = Path.of("").toAbsolutePath(); schemas == null && dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/schemas/v2"))) {
                schemas = dir.resolve("docs/schemas/v2");
            }
        }
        assertThat(schemas).as("docs/schemas/v2").isNotNull();
        Instant at = Instant.parse("2026-12-07T17:00:00Z");
        Map<MessageType, Object> contents = Map.of(
                MessageType.CLAIM_DEVICE, new ClaimContent("claim-0001", MY_HOME, at),
                MessageType.CHALLENGE, new ChallengeContent("claim-0001", "C".repeat(80) + "9", at),
                MessageType.ANSWER_CHALLENGE, new AnswerContent("claim-0001", "C".repeat(80) + "9", "R".repeat(81)),
                MessageType.CLAIM_RESULT, ResultContent.nok("claim-0001", ClaimResult.Rejection.CHALLENGE_EXPIRED));
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<MessageType, Object> content : contents.entrySet()) {
            JsonNode schema = json.readTree(schemas.resolve(content.getKey().schemaName() + ".schema.json").toFile())
                    .path("$defs").path("content");
            JsonNode sample = json.readTree(PairingSeal.contentJson(content.getValue()));
            List<String> fields = new ArrayList<>();
            sample.fieldNames().forEachRemaining(fields::add);
            List<String> documented = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            assertThat(fields).as(content.getKey() + " content fields, in order").isEqualTo(documented);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertThat(fields).as(content.getKey() + " required fields").containsAll(required);
        }
    }

    static final String KNOWN_SEALED_CLAIM = "AAECAwQFBgcICQoLCQmgSLmErhO9jdn8FrP1ycnvCIzi0x5yOKqAsZrcK6RutrSHFxVirNNyJB_nnJW8i7IPstEW-2OoZEp4T6ce0cnKPVLSMiM7rHx_twQMkpsDtJkUrdCD7-ZmD2MeDRWJlo2dezF3xorhNgo_WPok_IvwvSWWmk01oY3jUdGmJnHy19PCbc1dlum38gKXmW1a82pCtF9p8WSPFxF60L3CVybvkIRyWcMNYZBjTTmfL0U";
}
