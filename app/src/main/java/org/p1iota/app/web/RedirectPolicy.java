package org.p1iota.app.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * The only way My Home sends a browser elsewhere: back to a verified provider's return URL, with
 * the outcome appended ({@code consent=granted|denied&requestId=...}). Any target whose origin is
 * not the verified provider's is refused, so My Home cannot be used as an open redirector.
 */
public final class RedirectPolicy {

    public enum Outcome { GRANTED, DENIED }

    /** Where to send the household after deciding on {@code provider}'s request. */
    public URI returnTo(VerifiedProvider provider, Outcome outcome) throws ConsentLinkException {
        URI base = provider.link().returnUrl();
        String query = (base.getRawQuery() == null ? "" : base.getRawQuery() + "&")
                + "consent=" + outcome.name().toLowerCase(Locale.ROOT)
                + "&requestId=" + URLEncoder.encode(provider.link().requestId(), StandardCharsets.UTF_8);
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        URI target = URI.create(ConsentLink.originOf(base) + path + "?" + query);
        check(target, provider.origin());
        return target;
    }

    /** Refuses {@code target} unless it is an http(s) URL on {@code verifiedOrigin}. */
    public void check(URI target, String verifiedOrigin) throws ConsentLinkException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null
                || target.getRawUserInfo() != null || !ConsentLink.originOf(target).equals(verifiedOrigin)) {
            throw new ConsentLinkException(Reason.REDIRECT_NOT_ALLOWED,
                    "Refused to send you to " + target + ": it is not the verified provider's site " + verifiedOrigin + ".");
        }
    }

    /** Answers {@code 200 {"redirect": url}}: the page's script navigates, after the API call succeeded. */
    public void respond(Exchange exchange, URI target, String verifiedOrigin) throws ConsentLinkException {
        check(target, verifiedOrigin);
        WebJson.respond(exchange, 200, java.util.Map.of("redirect", target.toString()));
    }
}
