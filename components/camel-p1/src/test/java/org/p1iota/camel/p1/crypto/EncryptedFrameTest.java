package org.p1iota.camel.p1.crypto;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.parse.Decoded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encrypted samples of the corpus decrypt to their plaintext files, and wrong keys are rejected. */
class EncryptedFrameTest {

    static Stream<Arguments> samples() {
        List<Arguments> samples = new ArrayList<>();
        SharedCorpus.manifest(SharedCorpus.dsmr()).get("encrypted_samples")
                .forEach(s -> samples.add(Arguments.of(s.get("id").asText(), s)));
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decryptsToThePlaintext(String id, JsonNode sample) {
        byte[] frame = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("frame_file").asText()));
        byte[] plaintext = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("plaintext_file").asText()));
        DlmsKeys keys = DlmsKeys.fromHex(sample.get("key_hex").asText(), sample.get("aad_hex").asText());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RejectedFrame> failed = new ArrayList<>();
        DlmsFrameDecryptor decryptor = new DlmsFrameDecryptor(keys, new DlmsFrameDecryptor.Sink() {
            @Override
            public void plaintext(byte[] telegram, long frameOffset) {
                out.writeBytes(telegram);
            }

            @Override
            public void failed(RejectedFrame frame) {
                failed.add(frame);
            }
        });
        // noise before the frame, and the frame in small pieces, as a serial port delivers it
        decryptor.feed(new byte[] {0x00, 0x7F, 0x2F}, 0, 3);
        for (int i = 0; i < frame.length; i += 5) {
            decryptor.feed(frame, i, Math.min(5, frame.length - i));
        }
        decryptor.finish();
        assertThat(failed).isEmpty();
        assertThat(out.toByteArray()).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theDecryptedTelegramIsDecodedWithTheSameCrcPolicy(String id, JsonNode sample) {
        byte[] frame = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("frame_file").asText()));
        DlmsKeys keys = DlmsKeys.fromHex(sample.get("key_hex").asText(), sample.get("aad_hex").asText());
        boolean crcValid = sample.get("plaintext_crc").get("valid").asBoolean();

        Decoded strict = decode(frame, keys, false);
        Decoded lenient = decode(frame, keys, true);
        assertThat(lenient.telegrams).singleElement()
                .satisfies(t -> assertThat(t.crc()).isEqualTo(crcValid ? CrcStatus.VALID : CrcStatus.INVALID))
                .satisfies(t -> assertThat(t.p1Version()).isEqualTo("42"));
        assertThat(strict.telegrams).hasSize(crcValid ? 1 : 0);
        if (!crcValid) {
            assertThat(strict.rejected).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.CRC_MISMATCH));
        }
    }

    @Test
    void aSixteenByteAuthenticationKeyGetsTheSecurityControlByteInFront() {
        JsonNode sample = SharedCorpus.manifest(SharedCorpus.dsmr()).get("encrypted_samples").get(0);
        byte[] frame = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("frame_file").asText()));
        String aadWithoutSc = sample.get("aad_hex").asText().substring(2);
        assertThat(decode(frame, DlmsKeys.fromHex(sample.get("key_hex").asText(), aadWithoutSc), true).telegrams).hasSize(1);
    }

    @Test
    void aWrongKeyIsARejectedFrameNotAnException() {
        JsonNode sample = SharedCorpus.manifest(SharedCorpus.dsmr()).get("encrypted_samples").get(0);
        byte[] frame = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("frame_file").asText()));
        Decoded decoded = decode(frame, DlmsKeys.fromHex("00000000000000000000000000000000", null), true);
        assertThat(decoded.telegrams).isEmpty();
        assertThat(decoded.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.DECRYPTION_FAILED);
            assertThat(r.offset()).isZero();
        });
    }

    @Test
    void framesAuthenticatedWithoutAadDecryptWithTheDefaultKeysAndWithNone() throws Exception {
        JsonNode sample = SharedCorpus.manifest(SharedCorpus.dsmr()).get("encrypted_samples").get(0);
        String key = sample.get("key_hex").asText();
        byte[] standard = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("frame_file").asText()));
        byte[] plaintext = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(sample.get("plaintext_file").asText()));
        byte[] withoutAad = reencryptWithoutAad(standard, plaintext, key);

        assertThat(decode(withoutAad, DlmsKeys.fromHex(key, null), true).telegrams).hasSize(1);
        assertThat(decode(withoutAad, DlmsKeys.fromHex(key, "none"), true).telegrams).hasSize(1);
        assertThat(decode(withoutAad, DlmsKeys.fromHex(key, " NONE "), true).telegrams).hasSize(1);
        // a named AAD is exactly that AAD: the other kind of frame is refused
        assertThat(decode(withoutAad, DlmsKeys.fromHex(key, sample.get("aad_hex").asText()), true).rejected)
                .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.DECRYPTION_FAILED));
        assertThat(decode(standard, DlmsKeys.fromHex(key, "none"), true).rejected)
                .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.DECRYPTION_FAILED));
        // both kinds in one stream, in turn, with the default keys: every frame opens
        byte[] mixed = concat(standard, withoutAad, withoutAad, standard);
        Decoded decoded = decode(mixed, DlmsKeys.fromHex(key, null), true);
        assertThat(decoded.telegrams).hasSize(4);
        assertThat(decoded.rejected).isEmpty();
    }

    @Test
    void anAadThatIsNeitherHexNorNoneSaysWhatIsExpected() {
        assertThatThrownBy(() -> DlmsKeys.fromHex("D491470F47126332B07D1923B3504188", "nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'none'");
    }

    /** The same frame, its ciphertext and tag made anew with AES-128-GCM and no additional data. */
    private static byte[] reencryptWithoutAad(byte[] frame, byte[] plaintext, String keyHex) throws Exception {
        int titleLength = frame[1];
        int header = 2 + titleLength + 3; // tag, title length, title, 0x82 + two length bytes
        byte[] iv = new byte[titleLength + 4];
        System.arraycopy(frame, 2, iv, 0, titleLength);
        System.arraycopy(frame, header + 1, iv, titleLength, 4);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex(keyHex), "AES"), new GCMParameterSpec(96, iv));
        byte[] sealed = cipher.doFinal(plaintext);
        byte[] out = Arrays.copyOf(frame, header + 5 + sealed.length);
        System.arraycopy(sealed, 0, out, header + 5, sealed.length);
        assertThat(out).hasSameSizeAs(frame);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void keysAreNeverPrinted() {
        assertThat(DlmsKeys.fromHex("D491470F47126332B07D1923B3504188", null).toString()).doesNotContain("D491").doesNotContain("d491");
    }

    private static Decoded decode(byte[] frame, DlmsKeys keys, boolean lenient) {
        Decoded decoded = new Decoded();
        EncryptedTelegramDecoder decoder = new EncryptedTelegramDecoder(keys, decoded, lenient, 4096);
        decoder.feed(frame, 0, frame.length);
        decoder.finish();
        return decoded;
    }
}
