package org.p1iota.app.consent.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;

/**
 * The household's devices and policies, folded from My Home's event channel in channel order. The
 * fold is deterministic and idempotent: the same events give the same state on every restart and on a
 * second My Home with the same seed, and an event applied twice changes nothing the second time. The
 * channel is the truth, so the fold never fails: an event that makes no sense in the state it meets
 * (a policy for an unknown device, a second revocation) is skipped and counted in
 * {@link #skippedEvents()}. {@link MyHomeCommands} only ever writes events that make sense.
 */
public record MyHomeState(Map<String, DeviceRecord> devices, Map<String, PolicyRecord> policies, int appliedEvents,
        int skippedEvents) {

    public MyHomeState {
        devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    public static MyHomeState empty() {
        return new MyHomeState(Map.of(), Map.of(), 0, 0);
    }

    public static MyHomeState fold(List<? extends ChannelEvent> events) {
        MyHomeState state = empty();
        for (ChannelEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public MyHomeState apply(ChannelEvent event) {
        Map<String, DeviceRecord> nextDevices = new LinkedHashMap<>(devices);
        Map<String, PolicyRecord> nextPolicies = new LinkedHashMap<>(policies);
        boolean applied;
        if (event instanceof DeviceAdded added) {
            applied = addDevice(nextDevices, added);
        } else if (event instanceof DeviceDeleted deleted) {
            applied = deleteDevice(nextDevices, nextPolicies, deleted);
        } else if (event instanceof Authorized authorized) {
            applied = authorize(nextPolicies, authorized);
        } else {
            applied = revoke(nextPolicies, (AuthorizationRevoked) event);
        }
        return applied ? new MyHomeState(nextDevices, nextPolicies, appliedEvents + 1, skippedEvents)
                : new MyHomeState(devices, policies, appliedEvents, skippedEvents + 1);
    }

    public Optional<DeviceRecord> device(String address) {
        return Optional.ofNullable(devices.get(address));
    }

    public boolean isActiveDevice(String address) {
        return device(address).map(DeviceRecord::active).orElse(false);
    }

    public List<DeviceRecord> activeDevices() {
        return devices.values().stream().filter(DeviceRecord::active).toList();
    }

    public Optional<PolicyRecord> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    public List<ConsentPolicy> activePolicies() {
        return policies.values().stream().filter(PolicyRecord::active).map(PolicyRecord::policy).toList();
    }

    public List<ConsentPolicy> activePoliciesOf(String device) {
        return activePolicies().stream().filter(p -> p.device().equals(device)).toList();
    }

    /** Re-adding an active device renames it (same event twice: no change); a deleted one comes back. */
    private boolean addDevice(Map<String, DeviceRecord> next, DeviceAdded added) {
        DeviceRecord known = next.get(added.device());
        if (known != null && known.active()) {
            next.put(added.device(), new DeviceRecord(added.device(), added.name(), known.addedAt(), null));
        } else {
            next.put(added.device(), new DeviceRecord(added.device(), added.name(), added.at(), null));
        }
        return true;
    }

    private boolean deleteDevice(Map<String, DeviceRecord> nextDevices, Map<String, PolicyRecord> nextPolicies,
            DeviceDeleted deleted) {
        DeviceRecord known = nextDevices.get(deleted.device());
        if (known == null || !known.active()) {
            return false;
        }
        nextDevices.put(known.address(), new DeviceRecord(known.address(), known.name(), known.addedAt(), deleted.at()));
        nextPolicies.replaceAll((id, record) -> record.active() && record.policy().device().equals(deleted.device())
                ? record.end(PolicyRecord.Status.DEVICE_DELETED, deleted.at()) : record);
        return true;
    }

    private boolean authorize(Map<String, PolicyRecord> next, Authorized authorized) {
        if (!isActiveDevice(authorized.device()) || next.containsKey(authorized.policyId())) {
            return false;
        }
        next.put(authorized.policyId(), new PolicyRecord(ConsentPolicy.of(authorized), PolicyRecord.Status.ACTIVE, null));
        return true;
    }

    private boolean revoke(Map<String, PolicyRecord> next, AuthorizationRevoked revoked) {
        PolicyRecord known = next.get(revoked.policyId());
        if (known == null || !known.active() || !known.policy().device().equals(revoked.device())) {
            return false;
        }
        next.put(revoked.policyId(), known.end(PolicyRecord.Status.REVOKED, revoked.at()));
        return true;
    }
}
