package org.p1iota.camel.p1.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keys of an encrypted P1 port (Luxembourg Smarty, Austrian meters): the 16-byte AES key the grid
 * operator hands out, and the authentication data. Never logged: {@link #toString()} hides them.
 *
 * @param encryptionKey  AES-128 key (16 bytes)
 * @param authentication either a 16-byte authentication key (the frame's security control byte is put
 *                       in front, giving the AAD {@code 0x30 || key}) or the complete AAD
 */
public record DlmsKeys(byte[] encryptionKey, byte[] authentication) {

    /** The authentication key Smarty meters use unless the operator says otherwise. */
    public static final byte[] DEFAULT_AUTHENTICATION_KEY = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

    public DlmsKeys {
        if (encryptionKey == null || encryptionKey.length != 16) {
            throw new IllegalArgumentException("the P1 decryption key must be 16 bytes (32 hex digits)");
        }
        encryptionKey = encryptionKey.clone();
        authentication = authentication == null ? DEFAULT_AUTHENTICATION_KEY.clone() : authentication.clone();
    }

    /**
     * Keys from hex text; {@code aadHex} may be null (default authentication key).
     *
     * @throws IllegalArgumentException when the text is not hex or the key not 16 bytes
     */
    public static DlmsKeys fromHex(String keyHex, String aadHex) {
        HexFormat hex = HexFormat.of();
        try {
            return new DlmsKeys(hex.parseHex(keyHex.trim()), aadHex == null ? null : hex.parseHex(aadHex.trim()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the P1")) {
                throw e;
            }
            throw new IllegalArgumentException("P1 key and AAD must be hex digits");
        }
    }

    /** The additional authenticated data for a frame with the given security control byte. */
    byte[] aad(byte securityControl) {
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
                && Arrays.equals(k.authentication, authentication);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encryptionKey) * 31 + Arrays.hashCode(authentication);
    }

    @Override
    public String toString() {
        return "DlmsKeys[hidden]";
    }
}
