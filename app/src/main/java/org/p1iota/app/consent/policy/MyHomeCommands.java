package org.p1iota.app.consent.policy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.policy.CommandRefusedException.Reason;
import org.p1iota.app.consent.secrets.RandomIds;

/**
 * My Home's commands: each checks the current {@link MyHomeState} and returns the one event to
 * publish, or refuses with a reason. Nothing changes until the event is on the channel and folded
 * back into the state.
 */
public final class MyHomeCommands {

    private final Clock clock;
    private final SecureRandom random;

    public MyHomeCommands(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Pairing finished: the device joins the household. */
    public DeviceAdded addDevice(MyHomeState state, String device, String name) throws CommandRefusedException {
        if (state.isActiveDevice(device)) {
            throw new CommandRefusedException(Reason.DEVICE_ALREADY_PAIRED,
                    "device " + device + " is already paired; delete it first to pair it again");
        }
        return valid(() -> new DeviceAdded(device, name == null ? null : name.strip(), clock.instant()));
    }

    /** Grants a provider access to a device's data: a new policy with a fresh random id. */
    public Authorized grant(MyHomeState state, GrantRequest request) throws CommandRefusedException {
        requireActiveDevice(state, request.device());
        if (!GrantSecret.wellFormed(request.grantSecret())) {
            // without it the device cannot prove its key delivery, and the provider would refuse it
            throw new CommandRefusedException(Reason.INVALID_INPUT, "the consent link carries no valid grant secret"
                    + " (#grantSecret=, " + GrantSecret.LENGTH + " characters); ask the provider for a new link");
        }
        boolean granted = state.activePoliciesOf(request.device()).stream()
                .anyMatch(p -> request.provider() != null
                        && p.provider().consentRequestId().equals(request.provider().consentRequestId()));
        if (granted) {
            throw new CommandRefusedException(Reason.ALREADY_GRANTED,
                    "this consent request is already granted for device " + request.device());
        }
        Scope scope = grantedScope(request);
        Duration duration = grantedDuration(request);
        Instant since = clock.instant();
        return valid(() -> new Authorized(RandomIds.of(random), request.device(), request.provider(),
                request.goal() == null ? null : request.goal().strip(), since, request.grantSecret(), scope,
                duration == null ? null : since.plus(duration)));
    }

    /** The household may narrow what the provider asked for (coarser, fewer categories), never widen it. */
    private static Scope grantedScope(GrantRequest request) throws CommandRefusedException {
        Scope requested = request.requestedScope() == null ? Scope.full() : request.requestedScope();
        Scope chosen = request.scope() == null ? requested : request.scope();
        if (!chosen.within(requested)) {
            throw new CommandRefusedException(Reason.INVALID_INPUT, "the scope chosen (" + chosen.words()
                    + ") is wider than the provider asked for (" + requested.words() + "); it can only be narrowed");
        }
        return chosen;
    }

    /** A shorter period than asked for is fine; a longer one, or none when the provider asked for an end, is not. */
    private static Duration grantedDuration(GrantRequest request) throws CommandRefusedException {
        Duration requested = request.requestedDuration();
        Duration chosen = request.duration() == null ? requested : request.duration();
        if (chosen != null && (chosen.isNegative() || chosen.isZero())) {
            throw new CommandRefusedException(Reason.INVALID_INPUT, "the period must be longer than zero");
        }
        if (requested != null && (chosen == null || chosen.compareTo(requested) > 0)) {
            throw new CommandRefusedException(Reason.INVALID_INPUT, "the period chosen is longer than the provider asked"
                    + " for (" + requested + "); it can only be shortened");
        }
        return chosen;
    }

    public AuthorizationRevoked revoke(MyHomeState state, String policyId) throws CommandRefusedException {
        PolicyRecord record = state.policy(policyId).orElseThrow(
                () -> new CommandRefusedException(Reason.UNKNOWN_POLICY, "no policy with id " + policyId));
        if (!record.active()) {
            throw new CommandRefusedException(Reason.ALREADY_REVOKED,
                    "policy " + policyId + " already ended (" + record.status() + " at " + record.endedAt() + ")");
        }
        return new AuthorizationRevoked(policyId, record.policy().device(), clock.instant());
    }

    /** Removes a device; folding the event ends all its policies, so the device rotates its key for nobody. */
    public DeviceDeleted deleteDevice(MyHomeState state, String device) throws CommandRefusedException {
        requireActiveDevice(state, device);
        return new DeviceDeleted(device, clock.instant());
    }

    private static void requireActiveDevice(MyHomeState state, String device) throws CommandRefusedException {
        DeviceRecord record = state.device(device).orElseThrow(
                () -> new CommandRefusedException(Reason.UNKNOWN_DEVICE, "no device " + device + " in this household"));
        if (!record.active()) {
            throw new CommandRefusedException(Reason.DEVICE_DELETED,
                    "device " + device + " was deleted at " + record.deletedAt() + "; pair it again first");
        }
    }

    private interface EventBuilder<E> {
        E build();
    }

    /** The event records check their fields; a bad name or goal becomes a refusal, not a crash. */
    private static <E> E valid(EventBuilder<E> builder) throws CommandRefusedException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandRefusedException(Reason.INVALID_INPUT, e.getMessage());
        }
    }
}
