package org.p1iota.app.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * The parameters of a provider's consent link, {@code /new-policy?requestId=&inbox=&publicKey=&goal=&returnUrl=},
 * checked for form only: whether the provider really owns the address and key is for
 * {@link ProviderVerifier}.
 *
 * @param requestId the provider's id of this consent request (8 to 64 base64url characters)
 * @param inbox     the provider's inbox address, 81 trytes
 * @param publicKey the provider's envelope public key, unpadded base64url
 * @param goal      what the provider says it will do with the data, shown to the household
 * @param returnUrl where the household returns after Grant or Deny; its origin is the provider's
 */
public record ConsentLink(String requestId, String inbox, String publicKey, String goal, URI returnUrl) {

    public static final int MAX_GOAL = 500;
    public static final int MAX_PUBLIC_KEY = 4096;
    public static final int MAX_RETURN_URL = 2000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern ADDRESS = Pattern.compile("[9A-Z]{81}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    /** Reads and checks the link's query parameters. */
    public static ConsentLink fromParameters(Map<String, String> parameters) throws ConsentLinkException {
        String requestId = required(parameters, "requestId");
        if (!ID.matcher(requestId).matches()) {
            throw malformed("requestId must be 8 to 64 characters of A-Z a-z 0-9 _ -");
        }
        String inbox = required(parameters, "inbox");
        if (!ADDRESS.matcher(inbox).matches()) {
            throw malformed("inbox must be an address of 81 trytes (9, A-Z)");
        }
        String publicKey = required(parameters, "publicKey");
        if (publicKey.length() > MAX_PUBLIC_KEY || !BASE64URL.matcher(publicKey).matches()) {
            throw malformed("publicKey must be 1 to " + MAX_PUBLIC_KEY + " characters of unpadded base64url");
        }
        String goal = required(parameters, "goal").strip();
        if (goal.isEmpty() || goal.length() > MAX_GOAL || goal.chars().anyMatch(Character::isISOControl)) {
            throw malformed("goal must be 1 to " + MAX_GOAL + " characters without control characters");
        }
        return new ConsentLink(requestId, inbox, publicKey, goal, returnUrl(required(parameters, "returnUrl")));
    }

    /** The provider's web origin: {@code scheme://host[:port]}, the port only when not the default. */
    public String origin() {
        return originOf(returnUrl);
    }

    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static URI returnUrl(String text) throws ConsentLinkException {
        if (text.length() > MAX_RETURN_URL) {
            throw malformed("returnUrl is longer than " + MAX_RETURN_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw malformed("returnUrl is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ConsentLinkException(Reason.RETURN_URL_NOT_HTTP,
                    "The link's return URL (returnUrl) must be an http or https address of the provider's site, without user name.");
        }
        if (uri.getRawFragment() != null) {
            throw malformed("returnUrl must not carry a #fragment");
        }
        return uri;
    }

    private static String required(Map<String, String> parameters, String name) throws ConsentLinkException {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw malformed("the link has no " + name);
        }
        return value;
    }

    private static ConsentLinkException malformed(String message) {
        return new ConsentLinkException(Reason.MALFORMED, "This consent link is damaged: " + message + ".");
    }
}
