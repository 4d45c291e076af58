package org.p1iota.app.consent.message;

import java.util.regex.Pattern;

/**
 * Who a consent policy grants access to, as the household saw it on the consent page.
 *
 * @param name             display name, e.g. "Wattt Insights"
 * @param origin           the provider's web origin ({@code https://host[:port]}), shown to the user
 * @param consentRequestId the provider's id for this consent request, echoed in MAM_DATA
 * @param inbox            the provider's inbox address for this consent request
 * @param publicKey        the provider's envelope public key, unpadded base64url
 * @param fingerprint      the key's short fingerprint as shown to the user (hex groups)
 */
public record ProviderIdentity(String name, String origin, String consentRequestId, String inbox, String publicKey,
        String fingerprint) {

    public static final int MAX_PUBLIC_KEY = 4096;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{4}(-[0-9a-f]{4}){1,15}");

    public ProviderIdentity {
        Check.text("provider.name", name, 64);
        Check.present("provider.origin", origin);
        if (origin.length() > 200 || !ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("provider.origin must be a web origin such as https://example.org");
        }
        Check.id("provider.consentRequestId", consentRequestId);
        Check.hash("provider.inbox", inbox);
        Check.base64url("provider.publicKey", publicKey, MAX_PUBLIC_KEY);
        Check.present("provider.fingerprint", fingerprint);
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("provider.fingerprint must be groups of 4 lower-case hex digits joined by '-'");
        }
    }
}
