package org.p1iota.app.consent.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a provider draws for each consent request and hands only to the household (in the
 * consent link's fragment, never in its public metadata); My Home records it in AUTHORIZED on its
 * private event channel, so only the granted device learns it. The device proves with it that its
 * key delivery is the granted one: {@link #proof} is HMAC-SHA256 under the secret over a domain label
 * and everything the delivery says (request, policy, device, data root, side key). Anyone else who
 * knows the request's inbox and public key can seal keys, but not prove them.
 */
public final class GrantSecret {

    /** 256 random bits, unpadded base64url. */
    public static final int LENGTH = 43;
    static final String DOMAIN = "p1-iota key delivery v2";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private GrantSecret() {
    }

    public static String generate(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return ENCODER.encodeToString(secret);
    }

    /** Whether {@code text} has the form of a grant secret or a proof (43 characters of base64url, 256 bits). */
    public static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The device's proof for one delivery; the fields are joined with a byte none of them can contain. */
    public static String proof(String secret, String consentRequestId, String policyId, String device, String dataRoot,
            String sideKey) {
        if (!wellFormed(secret)) {
            throw new IllegalArgumentException("a grant secret is " + LENGTH + " characters of base64url");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
            for (String part : new String[] {DOMAIN, consentRequestId, policyId, device, dataRoot, sideKey}) {
                mac.update(part.getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) 0);
            }
            return ENCODER.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Checks a proof in constant time. */
    public static boolean verify(String secret, String proof, String consentRequestId, String policyId, String device,
            String dataRoot, String sideKey) {
        if (!wellFormed(secret) || !wellFormed(proof)) {
            return false;
        }
        byte[] expected = proof(secret, consentRequestId, policyId, device, dataRoot, sideKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
    }
}
