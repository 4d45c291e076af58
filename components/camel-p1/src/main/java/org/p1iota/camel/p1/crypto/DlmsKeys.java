package org.p1iota.camel.p1.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys of an encrypted P1 port (Luxembourg Smarty, Austrian meters): the 16-byte AES key the grid
 * operator hands out, and the authentication data. Never logged: {@link #toString()} hides them.
 * <p>
 * Most meters authenticate each frame with the AAD {@code security control || authentication key};
 * some send frames authenticated with no additional data at all. Unless the user names the AAD, both
 * are tried (the standard one first), so such a meter works without anyone having to know about it.
 *
 * @param encryptionKey  AES-128 key (16 bytes)
 * @param authentication a 16-byte authentication key (the frame's security control byte is put in
 *                       front, giving the AAD {@code 0x30 || key}), the complete AAD, or empty for
 *                       frames authenticated with no additional data
 * @param orWithoutAad   also accept frames authenticated with no additional data
 */
public record DlmsKeys(byte[] encryptionKey, byte[] authentication, boolean orWithoutAad) {

    /** The authentication key Smarty meters use unless the operator says otherwise. */
    public static final byte[] DEFAULT_AUTHENTICATION_KEY = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
    /** What a user writes for "frames carry no additional authenticated data". */
    public static final String NO_AAD = "none";

    private static final byte[] EMPTY = new byte[0];

    public DlmsKeys {
        if (encryptionKey == null || encryptionKey.length != 16) {
            throw new IllegalArgumentException("the P1 decryption key must be 16 bytes (32 hex digits)");
        }
        encryptionKey = encryptionKey.clone();
        authentication = authentication == null ? DEFAULT_AUTHENTICATION_KEY.clone() : authentication.clone();
        orWithoutAad = orWithoutAad && authentication.length > 0;
    }

    /**
     * Keys from hex text. {@code aadHex} null: the default authentication key, and frames without AAD
     * as well; {@value #NO_AAD}: frames without AAD only; hex: exactly that authentication key or AAD.
     *
     * @throws IllegalArgumentException when the text is not hex or the key not 16 bytes
     */
    public static DlmsKeys fromHex(String keyHex, String aadHex) {
        HexFormat hex = HexFormat.of();
        byte[] key;
        try {
            key = hex.parseHex(keyHex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the P1 decryption key must be 32 hex digits");
        }
        if (aadHex == null || aadHex.isBlank()) {
            return new DlmsKeys(key, null, true);
        }
        if (NO_AAD.equalsIgnoreCase(aadHex.trim())) {
            return new DlmsKeys(key, EMPTY, false);
        }
        try {
            return new DlmsKeys(key, hex.parseHex(aadHex.trim()), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the P1 AAD must be hex digits (32 for an authentication key) or '"
                    + NO_AAD + "'");
        }
    }

    /**
     * The additional authenticated data to try, in order, for a frame with the given security
     * control byte.
     */
    List<byte[]> aadCandidates(byte securityControl) {
        byte[] first = aad(securityControl);
        return orWithoutAad ? List.of(first, EMPTY) : List.of(first);
    }

    private byte[] aad(byte securityControl) {
        if (authentication.length != 16) {
            return authentication.clone();
        }
        byte[] aad = new byte[17];
        aad[0] = securityControl;
        System.arraycopy(authentication, 0, aad, 1, 16);
        return aad;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DlmsKeys k && Arrays.equals(k.encryptionKey, encryptionKey)
                && Arrays.equals(k.authentication, authentication) && k.orWithoutAad == orWithoutAad;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(encryptionKey) * 31 + Arrays.hashCode(authentication)) * 31 + Boolean.hashCode(orWithoutAad);
    }

    @Override
    public String toString() {
        return "DlmsKeys[hidden]";
    }
}
