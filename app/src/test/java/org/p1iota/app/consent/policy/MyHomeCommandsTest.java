package org.p1iota.app.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.p1iota.app.consent.policy.PolicyFixtures.GARAGE;
import static org.p1iota.app.consent.policy.PolicyFixtures.METER;
import static org.p1iota.app.consent.policy.PolicyFixtures.SECRET;
import static org.p1iota.app.consent.policy.PolicyFixtures.provider;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.TestClock;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.policy.CommandRefusedException.Reason;

/** Commands write events; folding them back (through the codec, as from the channel) gives the state. */
class MyHomeCommandsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final MyHomeCommands commands = new MyHomeCommands(clock, new SecureRandom());
    private final ProtocolCodec codec = new ProtocolCodec();
    private final List<ChannelEvent> channel = new ArrayList<>();
    private MyHomeState state = MyHomeState.empty();

    @Test
    void pairGrantRevokeDelete() throws Exception {
        publish(commands.addDevice(state, METER, " Meter cupboard "));
        publish(commands.addDevice(state, GARAGE, "Garage"));
        Authorized wattt = publish(commands.grant(state, new GrantRequest(METER, provider("Wattt Insights", "req-wattt-1"), "advice", SECRET)));
        Authorized other = publish(commands.grant(state, new GrantRequest(METER, provider("Solar Co", "req-solar-1"), "forecast", SECRET)));
        Authorized garage = publish(commands.grant(state, new GrantRequest(GARAGE, provider("Solar Co", "req-solar-2"), "forecast", SECRET)));
        assertThat(wattt.policyId()).hasSize(22).isNotEqualTo(other.policyId());
        assertThat(wattt.grantSecret()).isEqualTo(SECRET);
        assertThat(wattt.toString()).doesNotContain(SECRET);
        assertThat(state.device(METER).orElseThrow().name()).isEqualTo("Meter cupboard");
        assertThat(state.activePoliciesOf(METER)).extracting(ConsentPolicy::id).containsExactly(wattt.policyId(), other.policyId());

        clock.advance(Duration.ofHours(1));
        publish(commands.revoke(state, wattt.policyId()));
        assertThat(state.policy(wattt.policyId()).orElseThrow().status()).isEqualTo(PolicyRecord.Status.REVOKED);
        assertThat(state.policy(wattt.policyId()).orElseThrow().endedAt()).isEqualTo(clock.instant());
        assertThat(state.activePoliciesOf(METER)).extracting(ConsentPolicy::id).containsExactly(other.policyId());

        publish(commands.deleteDevice(state, METER));
        assertThat(state.activeDevices()).extracting(DeviceRecord::address).containsExactly(GARAGE);
        assertThat(state.policy(other.policyId()).orElseThrow().status()).isEqualTo(PolicyRecord.Status.DEVICE_DELETED);
        assertThat(state.policy(wattt.policyId()).orElseThrow().status()).as("stays revoked").isEqualTo(PolicyRecord.Status.REVOKED);
        assertThat(state.activePolicies()).extracting(ConsentPolicy::id).containsExactly(garage.policyId());

        // a restart, or a second My Home with the same seed, folds the same channel to the same state
        assertThat(MyHomeState.fold(channel)).isEqualTo(state);
        assertThat(state.skippedEvents()).isZero();
    }

    @Test
    void refusesWhatMakesNoSense() throws Exception {
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET)),
                Reason.UNKNOWN_DEVICE);
        assertRefused(() -> commands.deleteDevice(state, METER), Reason.UNKNOWN_DEVICE);
        assertRefused(() -> commands.revoke(state, "no-such-policy"), Reason.UNKNOWN_POLICY);
        assertRefused(() -> commands.addDevice(state, METER, "   "), Reason.INVALID_INPUT);
        assertRefused(() -> commands.addDevice(state, METER, "x".repeat(65)), Reason.INVALID_INPUT);

        publish(commands.addDevice(state, METER, "Meter"));
        assertRefused(() -> commands.addDevice(state, METER, "Meter"), Reason.DEVICE_ALREADY_PAIRED);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "", SECRET)),
                Reason.INVALID_INPUT);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, null, "advice", SECRET)), Reason.INVALID_INPUT);
        // a link without its grant secret (or a mangled one): the device could not prove its delivery
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", null)),
                Reason.INVALID_INPUT);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", "short")),
                Reason.INVALID_INPUT);
        Authorized granted = publish(commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET)));
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET)),
                Reason.ALREADY_GRANTED);
        publish(commands.revoke(state, granted.policyId()));
        assertRefused(() -> commands.revoke(state, granted.policyId()), Reason.ALREADY_REVOKED);

        publish(commands.deleteDevice(state, METER));
        assertRefused(() -> commands.deleteDevice(state, METER), Reason.DEVICE_DELETED);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-2"), "advice", SECRET)),
                Reason.DEVICE_DELETED);
        // pairing again brings the device back, without its old policies
        publish(commands.addDevice(state, METER, "Meter again"));
        assertThat(state.isActiveDevice(METER)).isTrue();
        assertThat(state.activePoliciesOf(METER)).isEmpty();
    }

    @Test
    void theHouseholdNarrowsTheScopeAndPeriodButNeverWidensThem() throws Exception {
        publish(commands.addDevice(state, METER, "Meter"));
        Scope asked = Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY, Scope.Category.GAS);
        Duration month = Duration.ofDays(30);
        // finer resolution, another category, a longer or endless period: refused, nothing written
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET,
                asked, month, Scope.of(Scope.Resolution.TELEGRAM, Scope.Category.ENERGY), null)), Reason.INVALID_INPUT);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET,
                asked, month, Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY, Scope.Category.IDENTITY), null)),
                Reason.INVALID_INPUT);
        assertRefused(() -> commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice", SECRET,
                asked, month, null, Duration.ofDays(31))), Reason.INVALID_INPUT);
        // coarser, fewer, shorter: recorded as granted
        Authorized narrowed = publish(commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-1"), "advice",
                SECRET, asked, month, Scope.of(Scope.Resolution.DAY, Scope.Category.ENERGY), Duration.ofDays(7))));
        assertThat(narrowed.scope()).isEqualTo(Scope.of(Scope.Resolution.DAY, Scope.Category.ENERGY));
        assertThat(narrowed.until()).isEqualTo(narrowed.since().plus(Duration.ofDays(7)));
        // nothing chosen: as asked; no scope asked: the full scope, no end
        Authorized asAsked = publish(commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-2"), "advice",
                SECRET, asked, month, null, null)));
        assertThat(asAsked.grantedScope()).isEqualTo(asked);
        assertThat(asAsked.until()).isEqualTo(asAsked.since().plus(month));
        Authorized full = publish(commands.grant(state, new GrantRequest(METER, provider("Wattt", "req-wattt-3"), "advice", SECRET)));
        assertThat(full.grantedScope().isFull()).isTrue();
        assertThat(full.until()).isNull();
        assertThat(state.policy(narrowed.policyId()).orElseThrow().policy().scope()).isEqualTo(narrowed.scope());
    }

    private interface Command {
        Object run() throws CommandRefusedException;
    }

    private void assertRefused(Command command, Reason reason) {
        MyHomeState before = state;
        assertThatThrownBy(command::run).isInstanceOf(CommandRefusedException.class)
                .satisfies(e -> assertThat(((CommandRefusedException) e).reason()).as(e.getMessage()).isEqualTo(reason));
        assertThat(state).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private <E extends ChannelEvent> E publish(E event) throws Exception {
        E fromChannel = (E) codec.decode(codec.encode(event), ChannelEvent.class);
        channel.add(fromChannel);
        state = state.apply(fromChannel);
        return fromChannel;
    }
}
