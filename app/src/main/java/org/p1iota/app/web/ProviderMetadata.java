package org.p1iota.app.web;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * What a provider publishes at {@code {origin}/.well-known/p1-iota-provider.json}: its name and the
 * inbox address and public key a consent link must name. The fingerprint is
 * {@link #fingerprintOf(String)} of the key, the same computation as the envelope key's
 * {@code fingerprint()}.
 *
 * @param name                 shown to the household, at most 64 characters
 * @param inboxAddress         81 trytes
 * @param publicKey            unpadded base64url (scheme byte + raw key)
 * @param publicKeyFingerprint five groups of four hex digits joined by '-'
 * @param scheme               the envelope scheme's name, e.g. {@code NTRU-HPS-2048-677}
 */
public record ProviderMetadata(String name, String inboxAddress, String publicKey, String publicKeyFingerprint,
        String scheme) {

    public static final String PATH = "/.well-known/p1-iota-provider.json";
    private static final int FINGERPRINT_BYTES = 10;
    private static final Pattern ADDRESS = Pattern.compile("[9A-Z]{81}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,4096}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{4}(-[0-9a-f]{4}){4}");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z0-9-]{1,32}");

    public ProviderMetadata {
        require(name != null && !name.isBlank() && name.length() <= 64 && name.chars().noneMatch(Character::isISOControl),
                "name must be 1 to 64 characters without control characters");
        require(inboxAddress != null && ADDRESS.matcher(inboxAddress).matches(), "inboxAddress must be 81 trytes");
        require(publicKey != null && BASE64URL.matcher(publicKey).matches(),
                "publicKey must be 1 to 4096 characters of unpadded base64url");
        require(publicKeyFingerprint != null && FINGERPRINT.matcher(publicKeyFingerprint).matches(),
                "publicKeyFingerprint must be five groups of four lower-case hex digits joined by '-'");
        require(scheme != null && SCHEME.matcher(scheme).matches(), "scheme must be a name such as NTRU-HPS-2048-677");
    }

    /** The metadata for a key, its fingerprint computed. */
    public static ProviderMetadata of(String name, String inboxAddress, String publicKey, String scheme) {
        return new ProviderMetadata(name, inboxAddress, publicKey, fingerprintOf(publicKey), scheme);
    }

    /** First 10 bytes of SHA-256 over the decoded key, as {@code 3f2a-91c0-...} (five groups). */
    public static String fingerprintOf(String publicKeyBase64Url) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(publicKeyBase64Url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not base64url", e);
        }
        String hex = HexFormat.of().formatHex(Secrets.sha256(key), 0, FINGERPRINT_BYTES);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            grouped.append(i == 0 ? "" : "-").append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    /** Parses the published JSON; unknown fields are ignored, missing or malformed ones refused. */
    static ProviderMetadata parse(byte[] json) throws ConsentLinkException {
        try {
            JsonNode root = WebJson.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ConsentLinkException(Reason.METADATA_INVALID, "The provider's metadata is not a JSON object.");
            }
            return new ProviderMetadata(text(root, "name"), text(root, "inboxAddress"), text(root, "publicKey"),
                    text(root, "publicKeyFingerprint"), text(root, "scheme"));
        } catch (IOException e) {
            throw new ConsentLinkException(Reason.METADATA_INVALID, "The provider's metadata is not valid JSON.", e);
        } catch (IllegalArgumentException e) {
            throw new ConsentLinkException(Reason.METADATA_INVALID, "The provider's metadata is invalid: " + e.getMessage() + ".", e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
