package org.p1iota.app.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.p1iota.app.consent.policy.PolicyFixtures.GARAGE;
import static org.p1iota.app.consent.policy.PolicyFixtures.METER;
import static org.p1iota.app.consent.policy.PolicyFixtures.provider;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;
import org.p1iota.app.consent.policy.DeviceAction.DeliverKeys;
import org.p1iota.app.consent.policy.DeviceAction.RotateSideKey;

class DeviceAuthorizationsTest {

    static final Instant T = Instant.parse("2026-11-25T02:00:00Z");
    static final Authorized WATTT = new Authorized("policy-wattt", METER, provider("Wattt", "req-0001"), "advice", T);
    static final Authorized SOLAR = new Authorized("policy-solar", METER, provider("Solar", "req-0002"), "forecast", T);
    static final Authorized GARAGE_SOLAR = new Authorized("policy-garage", GARAGE, provider("Solar", "req-0003"), "forecast", T);

    @Test
    void grantsDeliverKeysRevocationsRotateForTheRest() {
        DeviceAuthorizations view = DeviceAuthorizations.initial(METER);
        view = expect(view, new DeviceAdded(METER, "Meter", T));
        view = expect(view, WATTT, new DeliverKeys(ConsentPolicy.of(WATTT)));
        view = expect(view, SOLAR, new DeliverKeys(ConsentPolicy.of(SOLAR)));
        assertThat(view.authorizedProviders()).extracting(p -> p.provider().name()).containsExactly("Wattt", "Solar");

        view = expect(view, new AuthorizationRevoked("policy-wattt", METER, T),
                new RotateSideKey(List.of(ConsentPolicy.of(WATTT)), List.of(ConsentPolicy.of(SOLAR))));
        view = expect(view, new DeviceDeleted(METER, T),
                new RotateSideKey(List.of(ConsentPolicy.of(SOLAR)), List.of()));
        assertThat(view.authorizedProviders()).isEmpty();
        assertThat(view.member()).isFalse();
    }

    @Test
    void eventsAboutOtherDevicesAreIgnored() {
        DeviceAuthorizations view = DeviceAuthorizations.initial(METER);
        view = expect(view, new DeviceAdded(GARAGE, "Garage", T));
        assertThat(view.member()).isFalse();
        view = expect(view, new DeviceAdded(METER, "Meter", T));
        view = expect(view, GARAGE_SOLAR);
        view = expect(view, new AuthorizationRevoked("policy-garage", GARAGE, T));
        view = expect(view, new DeviceDeleted(GARAGE, T));
        assertThat(view.member()).isTrue();
        assertThat(view.authorizedProviders()).isEmpty();
    }

    @Test
    void seeingAnEventAgainDoesNothing() {
        DeviceAuthorizations view = DeviceAuthorizations.replay(METER, List.of(new DeviceAdded(METER, "Meter", T), WATTT));
        view = expect(view, WATTT);
        view = expect(view, new AuthorizationRevoked("policy-wattt", METER, T), new RotateSideKey(List.of(ConsentPolicy.of(WATTT)), List.of()));
        view = expect(view, new AuthorizationRevoked("policy-wattt", METER, T));
        expect(view, WATTT); // a revoked policy never comes back
    }

    @Test
    void grantsBeforeTheDeviceJoinedAreIgnored() {
        expect(DeviceAuthorizations.initial(METER), WATTT);
    }

    /** The device's view and My Home's state agree on the device's active policies after any event sequence. */
    @Test
    void agreesWithMyHomeStateOnRandomChannels() {
        Random random = new Random(42);
        List<ChannelEvent> pool = List.of(new DeviceAdded(METER, "Meter", T), new DeviceAdded(GARAGE, "Garage", T),
                WATTT, SOLAR, GARAGE_SOLAR, new AuthorizationRevoked("policy-wattt", METER, T),
                new AuthorizationRevoked("policy-solar", METER, T), new AuthorizationRevoked("policy-garage", GARAGE, T),
                new DeviceDeleted(METER, T), new DeviceDeleted(GARAGE, T));
        for (int run = 0; run < 500; run++) {
            List<ChannelEvent> channel = new ArrayList<>();
            for (int i = random.nextInt(15); i > 0; i--) {
                channel.add(pool.get(random.nextInt(pool.size())));
            }
            MyHomeState home = MyHomeState.fold(channel);
            for (String device : List.of(METER, GARAGE)) {
                assertThat(DeviceAuthorizations.replay(device, channel).authorizedProviders())
                        .as("channel %s", channel).isEqualTo(home.activePoliciesOf(device));
            }
        }
    }

    @Test
    void sideKeysAre81FreshTrytes() {
        SideKeys keys = new SideKeys(new SecureRandom());
        String a = keys.next();
        assertThat(a).matches("[9A-Z]{81}").isNotEqualTo(keys.next());
    }

    private static DeviceAuthorizations expect(DeviceAuthorizations view, ChannelEvent event, DeviceAction... actions) {
        DeviceAuthorizations.Step step = view.apply(event);
        assertThat(step.actions()).as("actions for %s", event).containsExactly(actions);
        return step.next();
    }
}
