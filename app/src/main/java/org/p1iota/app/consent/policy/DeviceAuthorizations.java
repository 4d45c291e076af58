package org.p1iota.app.consent.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.Check;
import org.p1iota.app.consent.message.DeviceAdded;

/**
 * One device's view of My Home's event channel: which providers may currently read its data. Only
 * events naming this device count (the 2018 original let every device react to every AUTHORIZED).
 * Same rules as {@link MyHomeState}, so both sides agree on the active policies. Immutable:
 * {@link #apply} returns the next view and the {@link DeviceAction}s the event calls for;
 * {@link #replay} rebuilds the view from events already acted on (after a restart) without actions.
 * Policy ids are 128 random bits that {@link MyHomeCommands} never reuses; the view remembers the ids
 * of its own device only, so a (buggy or hostile) My Home that reused another device's policy id
 * would be the one case where the two folds differ.
 */
public record DeviceAuthorizations(String device, boolean member, Map<String, ConsentPolicy> active, Set<String> ended) {

    /** The next view and what to do now. */
    public record Step(DeviceAuthorizations next, List<DeviceAction> actions) {
        public Step {
            actions = List.copyOf(actions);
        }
    }

    public DeviceAuthorizations {
        Check.hash("device", device);
        active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
        ended = Collections.unmodifiableSet(new LinkedHashSet<>(ended));
    }

    public static DeviceAuthorizations initial(String device) {
        return new DeviceAuthorizations(device, false, Map.of(), Set.of());
    }

    public static DeviceAuthorizations replay(String device, List<? extends ChannelEvent> events) {
        DeviceAuthorizations view = initial(device);
        for (ChannelEvent event : events) {
            view = view.apply(event).next();
        }
        return view;
    }

    public List<ConsentPolicy> authorizedProviders() {
        return List.copyOf(active.values());
    }

    public Step apply(ChannelEvent event) {
        if (!device.equals(event.device())) {
            return unchanged();
        }
        if (event instanceof DeviceAdded) {
            return new Step(new DeviceAuthorizations(device, true, active, ended), List.of());
        } else if (event instanceof Authorized authorized) {
            return authorize(authorized);
        } else if (event instanceof AuthorizationRevoked revoked) {
            return revoke(revoked);
        }
        return leave();
    }

    private Step authorize(Authorized authorized) {
        if (!member || active.containsKey(authorized.policyId()) || ended.contains(authorized.policyId())) {
            return unchanged();
        }
        ConsentPolicy policy = ConsentPolicy.of(authorized);
        Map<String, ConsentPolicy> next = new LinkedHashMap<>(active);
        next.put(policy.id(), policy);
        return new Step(new DeviceAuthorizations(device, member, next, ended), List.of(new DeviceAction.DeliverKeys(policy)));
    }

    private Step revoke(AuthorizationRevoked revoked) {
        ConsentPolicy policy = active.get(revoked.policyId());
        if (policy == null) {
            return unchanged();
        }
        Map<String, ConsentPolicy> next = new LinkedHashMap<>(active);
        next.remove(policy.id());
        Set<String> nextEnded = new LinkedHashSet<>(ended);
        nextEnded.add(policy.id());
        return new Step(new DeviceAuthorizations(device, member, next, nextEnded),
                List.of(new DeviceAction.RotateSideKey(List.of(policy), List.copyOf(next.values()))));
    }

    /** Deleted from the household: every policy ends; a rotation for nobody, if anyone could read. */
    private Step leave() {
        if (!member) {
            return unchanged();
        }
        Set<String> nextEnded = new LinkedHashSet<>(ended);
        nextEnded.addAll(active.keySet());
        List<DeviceAction> actions = active.isEmpty() ? List.of()
                : List.of(new DeviceAction.RotateSideKey(List.copyOf(active.values()), List.of()));
        return new Step(new DeviceAuthorizations(device, false, Map.of(), nextEnded), actions);
    }

    private Step unchanged() {
        return new Step(this, List.of());
    }
}
