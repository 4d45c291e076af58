package org.p1iota.app.myhome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
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
import org.p1iota.app.myhome.energy.OwnIdentity;
import org.p1iota.app.web.ConsentLinkEndpoint;
import org.p1iota.app.web.ConsentLinkException;
import org.p1iota.app.web.VerifiedProvider;
import org.p1iota.app.web.WebJson;

/**
 * {@code GET /api/policies}, {@code POST /api/policies} (grant a verified consent link: AUTHORIZED)
 * and {@code DELETE /api/policies/{id}} (revoke: AUTHORIZATION_REVOKED), one method per verb of
 * routes/myhome.yaml.
 */
public final class PolicyApi {

    private final EventStore store;
    private final MyHomeCommands commands;
    private final ConsentLinkEndpoint consentLink;

    private final OwnIdentity own;

    public PolicyApi(EventStore store, MyHomeCommands commands, ConsentLinkEndpoint consentLink, OwnIdentity own) {
        this.own = own;
        this.store = store;
        this.commands = commands;
        this.consentLink = consentLink;
    }

    /** {@code GET /api/policies}: the policies in force. */
    public void list(Exchange exchange) throws ConsentLinkException {
        ApiRequests.answer(store, exchange, () -> {
            MyHomeState state = store.state();
            WebJson.respond(exchange, 200, state.activePolicies().stream()
                    // My Home's own reading of its devices is no provider the household granted
                    .filter(p -> !own.owns(p.provider())).map(p -> policyJson(state, p)).toList());
        });
    }

    /** {@code POST /api/policies}: verifies the link again (the page's word is not enough), then publishes AUTHORIZED. */
    public void grant(Exchange exchange) throws ConsentLinkException {
        ApiRequests.answer(store, exchange, () -> authorize(exchange));
    }

    /** {@code DELETE /api/policies/{id}}: AUTHORIZATION_REVOKED. */
    public void revoke(Exchange exchange, @Header("id") String policyId) throws ConsentLinkException {
        ApiRequests.answer(store, exchange, () -> revokePolicy(exchange, policyId));
    }

    private void authorize(Exchange exchange) throws ApiRefusal, EventChannelException, ConsentLinkException {
        JsonNode body = ApiRequests.jsonBody(exchange);
        String device = ApiRequests.text(body, "device");
        if (device == null || device.isBlank()) {
            throw new ApiRefusal(400, "bad_request", "Choose the device whose data the provider may read.");
        }
        VerifiedProvider provider = consentLink.verifyBody(exchange);
        if (provider == null) {
            return; // refused: verifyBody answered with the reason
        }
        alreadyGranted(store.state(), provider.link().requestId());
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

    /**
     * A consent request granted once is not granted again (for this or another device): the answer
     * says so in words, instead of the command's "already granted for device ABC…" with the address.
     */
    private static void alreadyGranted(MyHomeState state, String requestId) throws ApiRefusal {
        Optional<ConsentPolicy> granted = state.activePolicies().stream()
                .filter(p -> p.provider().consentRequestId().equals(requestId)).findFirst();
        if (granted.isPresent()) {
            ConsentPolicy policy = granted.get();
            String device = state.device(policy.device()).map(d -> d.name()).orElse("your device");
            throw new ApiRefusal(409, "already_granted", "You already granted this request on " + policy.since()
                    + ": " + policy.provider().name() + " reads " + device + ". Nothing changed.");
        }
    }

    /**
     * A step before the deny of an already granted link (routes/myhome.yaml): "no" would send the
     * provider to "you did not share" while it keeps receiving. Refused with 409; revoke instead.
     */
    public void refuseDenyWhenGranted(Exchange exchange) throws EventChannelException {
        store.useContext(exchange.getContext());
        String requestId = null;
        try {
            JsonNode body = ApiRequests.jsonBody(exchange);
            requestId = ApiRequests.text(body, "requestId");
        } catch (ApiRefusal notJson) {
            return; // the deny step answers malformed bodies itself
        }
        try {
            if (requestId != null) {
                alreadyGranted(store.state(), requestId);
            }
        } catch (ApiRefusal refusal) {
            ApiRequests.refuse(exchange, new ApiRefusal(409, "already_granted", refusal.getMessage()
                    + " To stop sharing, revoke it on the Policies page."));
        }
    }

    private void revokePolicy(Exchange exchange, String policyId) throws ApiRefusal, EventChannelException {
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
