package org.p1iota.app.consent.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/** Protocol ids (claims, policies): 128 random bits as 22 characters of unpadded base64url. */
public final class RandomIds {

    private RandomIds() {
    }

    public static String of(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
