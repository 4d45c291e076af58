package org.p1iota.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code GET /api/consent-link?requestId=&inbox=&publicKey=&goal=&returnUrl=}: verifies the link the
 * consent page was opened with and answers what the page shows (provider name, origin, fingerprint,
 * goal), or the error shape with the refusal's status. The verified provider is left in the exchange
 * property {@value #VERIFIED} for a route that goes on (e.g. a grant).
 */
public final class ConsentLinkEndpoint implements Processor {

    public static final String VERIFIED = "p1iotaVerifiedProvider";

    private final ProviderVerifier verifier;

    public ConsentLinkEndpoint(ProviderVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void process(Exchange exchange) {
        try {
            VerifiedProvider provider = verifier.verify(ConsentLink.fromParameters(HttpRequests.queryParameters(exchange)));
            exchange.setProperty(VERIFIED, provider);
            WebJson.respond(exchange, 200, describe(provider));
        } catch (ConsentLinkException e) {
            WebJson.fail(exchange, e.reason().status(), e.reason().code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "consent_link_malformed", "This consent link is damaged: " + e.getMessage());
        }
    }

    /** The JSON the consent page renders. */
    public static Map<String, Object> describe(VerifiedProvider provider) {
        Map<String, Object> providerJson = new LinkedHashMap<>();
        providerJson.put("name", provider.name());
        providerJson.put("origin", provider.origin());
        providerJson.put("fingerprint", provider.fingerprint());
        providerJson.put("scheme", provider.metadata().scheme());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", providerJson);
        body.put("requestId", provider.link().requestId());
        body.put("goal", provider.link().goal());
        body.put("inbox", provider.link().inbox());
        body.put("returnUrl", provider.link().returnUrl().toString());
        return body;
    }
}
