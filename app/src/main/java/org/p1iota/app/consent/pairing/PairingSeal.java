package org.p1iota.app.consent.pairing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.Check;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.MessageType;
import org.p1iota.app.consent.secrets.PairingCode;

/**
 * Seals and opens the pairing messages of version 2 for one device and its pairing code (both ends
 * know both: the device from its data directory, My Home from what the household typed).
 * <ul>
 * <li>key per message type = HKDF-SHA256(IKM = the code's 20 canonical ASCII symbols, salt = the
 * device address's 81 ASCII trytes, info = {@code "p1-iota pairing v2 " + TYPE}), 32 bytes: each
 * direction and purpose has its own key;</li>
 * <li>AES-256-GCM, a fresh random 12-byte nonce, 128-bit tag, associated data =
 * {@code "p1-iota pairing|" + TYPE + "|2|" + device address} (ASCII), so a box cut from one message
 * type, version or device opens nowhere else;</li>
 * <li>plaintext = the content record as compact JSON (its claim id authenticated with it);</li>
 * <li>{@code sealed} = unpadded base64url of nonce ‖ ciphertext ‖ tag.</li>
 * </ul>
 * Opening is one HKDF-free AES-GCM (keys are derived once per instance): cheap enough to try on every
 * message of a public inbox. Anything that does not open, for whatever reason, is {@link Optional#empty()}.
 * Thread-safe.
 */
public final class PairingSeal {

    public static final int VERSION = 2;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = contentMapper();

    private final String deviceAddress;
    private final Map<MessageType, SecretKeySpec> keys = new EnumMap<>(MessageType.class);

    public PairingSeal(PairingCode code, String deviceAddress) {
        this.deviceAddress = Check.hash("device", deviceAddress);
        for (MessageType type : new MessageType[] {MessageType.CLAIM_DEVICE, MessageType.CHALLENGE,
                MessageType.ANSWER_CHALLENGE, MessageType.CLAIM_RESULT}) {
            byte[] key = derive(code, deviceAddress, type);
            keys.put(type, new SecretKeySpec(key, "AES"));
            Arrays.fill(key, (byte) 0);
        }
    }

    public String deviceAddress() {
        return deviceAddress;
    }

    public ClaimDevice claim(ClaimContent content, SecureRandom random) {
        return new ClaimDevice(seal(MessageType.CLAIM_DEVICE, content, random));
    }

    public Challenge challenge(ChallengeContent content, SecureRandom random) {
        return new Challenge(seal(MessageType.CHALLENGE, content, random));
    }

    public AnswerChallenge answer(AnswerContent content, SecureRandom random) {
        return new AnswerChallenge(seal(MessageType.ANSWER_CHALLENGE, content, random));
    }

    public ClaimResult result(ResultContent content, SecureRandom random) {
        return new ClaimResult(seal(MessageType.CLAIM_RESULT, content, random));
    }

    public Optional<ClaimContent> open(ClaimDevice claim) {
        return open(MessageType.CLAIM_DEVICE, claim.sealed(), ClaimContent.class);
    }

    public Optional<ChallengeContent> open(Challenge challenge) {
        return open(MessageType.CHALLENGE, challenge.sealed(), ChallengeContent.class);
    }

    public Optional<AnswerContent> open(AnswerChallenge answer) {
        return open(MessageType.ANSWER_CHALLENGE, answer.sealed(), AnswerContent.class);
    }

    public Optional<ResultContent> open(ClaimResult result) {
        return open(MessageType.CLAIM_RESULT, result.sealed(), ResultContent.class);
    }

    private String seal(MessageType type, Object content, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return seal(type, contentJson(content), nonce);
    }

    /** With a given nonce: for the test vectors only; a nonce must never repeat under a key. */
    String seal(MessageType type, byte[] plaintext, byte[] nonce) {
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, type, nonce).doFinal(plaintext);
            byte[] wire = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, wire, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, wire, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(wire);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java 17 runtime", e);
        }
    }

    private <T> Optional<T> open(MessageType type, String sealed, Class<T> content) {
        byte[] wire;
        try {
            wire = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (wire.length <= NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] plaintext;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, type, Arrays.copyOf(wire, NONCE_BYTES))
                    .doFinal(wire, NONCE_BYTES, wire.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // another code, device or type, or altered: not ours
        }
        try {
            return Optional.of(JSON.readValue(plaintext, content));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // sealed by a holder of the code but not a valid content: ignore it as well
        }
    }

    private Cipher cipher(int mode, MessageType type, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(type), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(type, deviceAddress));
        return cipher;
    }

    static byte[] derive(PairingCode code, String deviceAddress, MessageType type) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(code.canonicalAscii(), deviceAddress.getBytes(StandardCharsets.US_ASCII),
                ("p1-iota pairing v" + VERSION + " " + type.name()).getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    static byte[] associatedData(MessageType type, String deviceAddress) {
        return ("p1-iota pairing|" + type.name() + "|" + VERSION + "|" + deviceAddress).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] contentJson(Object content) {
        try {
            return JSON.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new IllegalStateException("a valid content always encodes", e);
        }
    }

    private static ObjectMapper contentMapper() {
        return JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new SimpleModule("p1iota-pairing-instant")
                        .addSerializer(Instant.class, new JsonSerializer<>() {
                            @Override
                            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                                    throws IOException {
                                generator.writeString(value.toString());
                            }
                        })
                        .addDeserializer(Instant.class, new JsonDeserializer<>() {
                            @Override
                            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                                if (!parser.currentToken().equals(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                                    throw context.wrongTokenException(parser, Instant.class,
                                            com.fasterxml.jackson.core.JsonToken.VALUE_STRING, "an ISO-8601 instant");
                                }
                                return Instant.parse(parser.getText());
                            }
                        }))
                .build();
    }
}
