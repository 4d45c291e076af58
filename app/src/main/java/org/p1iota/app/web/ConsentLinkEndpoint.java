package org.p1iota.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The consent page's server side.
 * <ul>
 * <li>{@code GET /api/consent-link?requestId=&inbox=&publicKey=&goal=&returnUrl=} ({@link #process}):
 * verifies the link the page was opened with and answers what the page shows (provider name, origin,
 * fingerprint, goal), or the error shape with the refusal's status.</li>
 * <li>{@code POST /api/consent-link/deny} with the link's parameters as JSON ({@link #deny}):
 * answers {@code {"redirect": url}}, the provider's return URL with {@code consent=denied}.</li>
 * <li>For a grant route: {@link #verifyBody} re-verifies the link a grant carries (never trust what
 * the page sends) and leaves the {@link VerifiedProvider} in the exchange property
 * {@value #VERIFIED}; after the policy is published, {@link #granted} answers the redirect.</li>
 * </ul>
 */
public final class ConsentLinkEndpoint implements Processor {

    public static final String VERIFIED = "p1iotaVerifiedProvider";
    private static final int MAX_BODY = 16 * 1024;

    private final ProviderVerifier verifier;
    private final RedirectPolicy redirects = new RedirectPolicy();

    public ConsentLinkEndpoint(ProviderVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Verifies the consent link in a JSON request body ({@code requestId, inbox, publicKey, goal,
     * returnUrl} and whatever else the grant carries) and stores it in {@value #VERIFIED}. On refusal
     * it answers the error shape, stops the route and returns null.
     */
    public VerifiedProvider verifyBody(Exchange exchange) {
        try {
            VerifiedProvider provider = verifier.verify(ConsentLink.fromParameters(bodyParameters(exchange)));
            exchange.setProperty(VERIFIED, provider);
            return provider;
        } catch (ConsentLinkException e) {
            WebJson.fail(exchange, e.reason().status(), e.reason().code(), e.getMessage());
            return null;
        }
    }

    /** {@code POST /api/consent-link/deny}: the way back to the provider, saying no. */
    public void deny(Exchange exchange) throws ConsentLinkException {
        VerifiedProvider provider = verifyBody(exchange);
        if (provider != null) {
            redirects.respond(exchange, redirects.returnTo(provider, RedirectPolicy.Outcome.DENIED), provider.origin());
        }
    }

    /**
     * Answers a successful grant: {@code 201 {"policyId": id, "redirect": url}} with the provider's
     * return URL and {@code consent=granted}. Needs {@link #verifyBody} earlier in the route.
     */
    public void granted(Exchange exchange, String policyId) throws ConsentLinkException {
        VerifiedProvider provider = exchange.getProperty(VERIFIED, VerifiedProvider.class);
        if (provider == null) {
            throw new IllegalStateException("granted() needs verifyBody() earlier in the route");
        }
        java.net.URI target = redirects.returnTo(provider, RedirectPolicy.Outcome.GRANTED);
        redirects.check(target, provider.origin());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policyId", policyId);
        body.put("redirect", target.toString());
        WebJson.respond(exchange, 201, body);
    }

    static Map<String, String> bodyParameters(Exchange exchange) throws ConsentLinkException {
        String body = exchange.getIn().getBody(String.class);
        if (body == null || body.length() > MAX_BODY || !HttpRequests.hasJsonBody(exchange)) {
            throw new ConsentLinkException(ConsentLinkException.Reason.MALFORMED,
                    "Send the consent link's parameters as a JSON object (at most 16 KiB).");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            JsonNode root = WebJson.MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ConsentLinkException(ConsentLinkException.Reason.MALFORMED, "The request body is not a JSON object.");
            }
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getValue().isTextual()) {
                    parameters.put(field.getKey(), field.getValue().asText());
                }
            }
        } catch (java.io.IOException e) {
            throw new ConsentLinkException(ConsentLinkException.Reason.MALFORMED, "The request body is not valid JSON.", e);
        }
        return parameters;
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
