package org.p1iota.app.myhome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.myhome.energy.OwnIdentity;
import org.p1iota.app.web.WebJson;

/** {@code GET /api/events?after=&limit=}: the event channel as an audit trail people can read, oldest first. */
public final class EventApi {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    private final EventStore store;
    private final OwnIdentity own;

    public EventApi(EventStore store, OwnIdentity own) {
        this.store = store;
        this.own = own;
    }

    public void events(Exchange exchange) {
        store.useContext(exchange.getContext());
        Map<String, String> query = ApiRequests.query(exchange);
        int after;
        int limit;
        try {
            after = Integer.parseInt(query.getOrDefault("after", "0"));
            limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            ApiRequests.refuse(exchange, new ApiRefusal(400, "bad_request", "after and limit must be whole numbers."));
            return;
        }
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            ApiRequests.refuse(exchange, new ApiRefusal(400, "bad_request", "after must be 0 or more, limit 1 to " + MAX_LIMIT + "."));
            return;
        }
        try {
            EventStore.Snapshot snapshot = store.snapshot();
            List<Map<String, Object>> events = snapshot.events().stream().filter(e -> e.sequence() > after).limit(limit)
                    .map(e -> eventJson(snapshot.state(), e, own)).toList();
            WebJson.respond(exchange, 200, events);
        } catch (EventChannelException e) {
            ApiRequests.nodeUnreachable(exchange, e);
        }
    }

    static Map<String, Object> eventJson(MyHomeState state, RecordedEvent recorded, OwnIdentity own) {
        ChannelEvent event = recorded.event();
        String device = device(event);
        String deviceName = state.device(device).map(d -> d.name()).orElse(device);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", recorded.sequence());
        json.put("type", event.messageType().name());
        json.put("at", at(event));
        json.put("device", device);
        json.put("deviceName", deviceName);
        boolean ownAccess = isOwn(state, event, own);
        json.put("title", title(event, ownAccess));
        json.put("own", ownAccess);
        json.put("summary", ownAccess ? (event instanceof Authorized
                ? "My Home reads " + deviceName + " itself, to show you your own energy use (no one else sees it)"
                : "My Home stopped reading " + deviceName) : summary(state, event, deviceName));
        if (event instanceof Authorized authorized) {
            json.put("policyId", authorized.policyId());
        } else if (event instanceof AuthorizationRevoked revoked) {
            json.put("policyId", revoked.policyId());
        }
        return json;
    }

    /** My Home's own grant of a device (or its end): shown in the trail, not among the providers. */
    private static boolean isOwn(MyHomeState state, ChannelEvent event, OwnIdentity own) {
        if (event instanceof Authorized e) {
            return own.owns(e.provider());
        }
        if (event instanceof AuthorizationRevoked e) {
            return state.policy(e.policyId()).map(p -> own.owns(p.policy().provider())).orElse(false);
        }
        return false;
    }

    /** A heading in plain words; {@code type} stays the protocol's name for programs. */
    private static String title(ChannelEvent event, boolean ownAccess) {
        if (event instanceof DeviceAdded) {
            return "Device paired";
        } else if (event instanceof DeviceDeleted) {
            return "Device removed";
        } else if (event instanceof Authorized) {
            return ownAccess ? "My Home reads your meter" : "Access granted";
        }
        return ownAccess ? "My Home stopped reading" : "Access revoked";
    }

    private static String device(ChannelEvent event) {
        if (event instanceof DeviceAdded e) {
            return e.device();
        } else if (event instanceof DeviceDeleted e) {
            return e.device();
        } else if (event instanceof Authorized e) {
            return e.device();
        }
        return ((AuthorizationRevoked) event).device();
    }

    private static String at(ChannelEvent event) {
        if (event instanceof DeviceAdded e) {
            return e.at().toString();
        } else if (event instanceof DeviceDeleted e) {
            return e.at().toString();
        } else if (event instanceof Authorized e) {
            return e.since().toString();
        }
        return ((AuthorizationRevoked) event).at().toString();
    }

    /** One sentence per event; the pages insert it as text, never as markup. */
    private static String summary(MyHomeState state, ChannelEvent event, String deviceName) {
        if (event instanceof DeviceAdded e) {
            return "Paired " + e.name();
        } else if (event instanceof DeviceDeleted) {
            return "Removed " + deviceName + "; every provider reading it lost access";
        } else if (event instanceof Authorized e) {
            return e.provider().name() + " (" + e.provider().origin() + ") may read " + deviceName + ": " + e.goal();
        }
        AuthorizationRevoked revoked = (AuthorizationRevoked) event;
        String provider = state.policy(revoked.policyId())
                .map(p -> p.policy().provider().name() + " (" + p.policy().provider().origin() + ")").orElse("a provider");
        return "Revoked: " + provider + " may no longer read " + deviceName;
    }
}
