package org.p1iota.app.myhome;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.GrantRequest;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.consent.policy.ScopeParameters;
import org.p1iota.app.web.ConsentLinkEndpoint;
import org.p1iota.app.web.ConsentLinkException;
import org.p1iota.app.web.VerifiedProvider;
import org.p1iota.app.web.WebJson;

/**
 * {@code GET /api/policies}, {@code POST /api/policies} (grant a verified consent link: AUTHORIZED)
 * and {@code DELETE /api/policies/{id}} (revoke: AUTHORIZATION_REVOKED).
 */
public final class PolicyApi {

    private final EventStore store;
    private final MyHomeCommands commands;
    private final ConsentLinkEndpoint consentLink;

    public PolicyApi(EventStore store, MyHomeCommands commands, ConsentLinkEndpoint consentLink) {
        this.store = store;
        this.commands = commands;
        this.consentLink = consentLink;
    }

    public void policies(Exchange exchange) throws ConsentLinkException {
        store.useContext(exchange.getContext());
        String method = ApiRequests.method(exchange);
        String tail = ApiRequests.tail(exchange);
        try {
            if (tail.isEmpty() && method.equals("GET")) {
                MyHomeState state = store.state();
                WebJson.respond(exchange, 200, state.activePolicies().stream().map(p -> policyJson(state, p)).toList());
            } else if (tail.isEmpty() && method.equals("POST")) {
                grant(exchange);
            } else if (!tail.isEmpty() && !tail.contains("/") && method.equals("DELETE")) {
                revoke(exchange, tail);
            } else if (tail.contains("/")) {
                throw ApiRequests.notFound();
            } else {
                throw ApiRequests.methodNotAllowed();
            }
        } catch (ApiRefusal refusal) {
            ApiRequests.refuse(exchange, refusal);
        } catch (EventChannelException e) {
            ApiRequests.nodeUnreachable(exchange, e);
        }
    }

    /** Verifies the link again (the page's word is not enough), then publishes AUTHORIZED. */
    private void grant(Exchange exchange) throws ApiRefusal, EventChannelException, ConsentLinkException {
        JsonNode body = ApiRequests.jsonBody(exchange);
        String device = ApiRequests.text(body, "device");
        if (device == null || device.isBlank()) {
            throw new ApiRefusal(400, "bad_request", "Choose the device whose data the provider may read.");
        }
        VerifiedProvider provider = consentLink.verifyBody(exchange);
        if (provider == null) {
            return; // refused: verifyBody answered with the reason
        }
        ProviderIdentity identity;
        try {
            identity = new ProviderIdentity(provider.name(), provider.origin(), provider.link().requestId(),
                    provider.link().inbox(), provider.link().publicKey(), provider.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(502, "provider_metadata_invalid", "The provider's published details cannot be recorded: " + e.getMessage());
        }
        // from the link's fragment, which only the household's browser saw; not part of the public metadata
        // the scope and period the link asks for, and what the household chose (narrower or the same)
        GrantRequest request;
        try {
            Scope requested = ScopeParameters.scope(ApiRequests.text(body, "resolution"), ApiRequests.text(body, "categories"));
            request = new GrantRequest(device.strip(), identity, provider.link().goal(), ApiRequests.text(body, "grantSecret"),
                    requested, ScopeParameters.duration(ApiRequests.text(body, "duration")),
                    ScopeParameters.choice(requested, ApiRequests.text(body, "grantResolution"),
                            ApiRequests.text(body, "grantCategories")),
                    ScopeParameters.duration(ApiRequests.text(body, "grantDuration")));
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(400, "bad_request", e.getMessage());
        }
        try {
            Authorized authorized = store.execute(state -> commands.grant(state, request));
            consentLink.granted(exchange, authorized.policyId());
        } catch (CommandRefusedException e) {
            throw ApiRequests.refusal(e);
        }
    }

    private void revoke(Exchange exchange, String policyId) throws ApiRefusal, EventChannelException {
        try {
            AuthorizationRevoked revoked = store.execute(state -> commands.revoke(state, policyId));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", revoked.policyId());
            answer.put("revokedAt", revoked.at().toString());
            WebJson.respond(exchange, 200, answer);
        } catch (CommandRefusedException e) {
            throw ApiRequests.refusal(e);
        }
    }

    static Map<String, Object> policyJson(MyHomeState state, ConsentPolicy policy) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", policy.provider().name());
        provider.put("origin", policy.provider().origin());
        provider.put("fingerprint", policy.provider().fingerprint());
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("address", policy.device());
        device.put("name", state.device(policy.device()).map(d -> d.name()).orElse(policy.device()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", policy.id());
        json.put("goal", policy.goal());
        json.put("provider", provider);
        json.put("device", device);
        json.put("requestId", policy.provider().consentRequestId());
        json.put("since", policy.since().toString());
        json.put("scope", scopeJson(policy.scope()));
        json.put("until", policy.until() == null ? null : policy.until().toString());
        json.put("ended", policy.endedBy(java.time.Instant.now()));
        return json;
    }

    /** The scope as the pages show it: the machine names and the plain words. */
    static Map<String, Object> scopeJson(Scope scope) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("resolution", scope.resolution().name());
        json.put("categories", scope.categories().stream().map(Enum::name).toList());
        json.put("full", scope.isFull());
        json.put("words", scope.words());
        return json;
    }

}
