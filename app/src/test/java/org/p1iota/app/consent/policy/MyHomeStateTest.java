package org.p1iota.app.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p1iota.app.consent.policy.PolicyFixtures.GARAGE;
import static org.p1iota.app.consent.policy.PolicyFixtures.METER;
import static org.p1iota.app.consent.policy.PolicyFixtures.provider;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;

class MyHomeStateTest {

    static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void everyEventAppliedTwiceChangesNothingTheSecondTime() {
        List<ChannelEvent> events = List.of(
                new DeviceAdded(METER, "Meter", T),
                new Authorized("policy-0001", METER, provider("Wattt", "req-0001"), "advice", T),
                new AuthorizationRevoked("policy-0001", METER, T.plusSeconds(5)),
                new DeviceDeleted(METER, T.plusSeconds(9)));
        MyHomeState state = MyHomeState.empty();
        for (ChannelEvent event : events) {
            MyHomeState once = state.apply(event);
            MyHomeState twice = once.apply(event);
            assertThat(twice.devices()).isEqualTo(once.devices());
            assertThat(twice.policies()).isEqualTo(once.policies());
            state = once;
        }
    }

    @Test
    void eventsThatMakeNoSenseAreSkippedAndCounted() {
        MyHomeState state = MyHomeState.fold(List.of(
                new Authorized("policy-0001", METER, provider("Wattt", "req-0001"), "advice", T), // unknown device
                new DeviceDeleted(METER, T),                                                   // unknown device
                new DeviceAdded(METER, "Meter", T),
                new AuthorizationRevoked("policy-0009", METER, T),                             // unknown policy
                new Authorized("policy-0002", METER, provider("Wattt", "req-0002"), "advice", T),
                new AuthorizationRevoked("policy-0002", GARAGE, T)));                          // wrong device
        assertThat(state.skippedEvents()).isEqualTo(4);
        assertThat(state.appliedEvents()).isEqualTo(2);
        assertThat(state.activePolicies()).extracting(ConsentPolicy::id).containsExactly("policy-0002");
    }

    @Test
    void aPolicyIdIsNeverReused() {
        MyHomeState state = MyHomeState.fold(List.of(
                new DeviceAdded(METER, "Meter", T),
                new Authorized("policy-0001", METER, provider("Wattt", "req-0001"), "advice", T),
                new AuthorizationRevoked("policy-0001", METER, T),
                new Authorized("policy-0001", METER, provider("Evil", "req-0666"), "everything", T)));
        assertThat(state.activePolicies()).isEmpty();
        assertThat(state.policy("policy-0001").orElseThrow().policy().provider().name()).isEqualTo("Wattt");
    }

    @Test
    void renamingKeepsTheFirstPairingTime() {
        MyHomeState state = MyHomeState.fold(List.of(new DeviceAdded(METER, "Meter", T),
                new DeviceAdded(METER, "Kitchen meter", T.plusSeconds(60))));
        assertThat(state.device(METER).orElseThrow()).isEqualTo(new DeviceRecord(METER, "Kitchen meter", T, null));
    }
}
