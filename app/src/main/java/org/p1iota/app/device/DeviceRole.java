package org.p1iota.app.device;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;

import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.pairing.ChallengeBook;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.app.device.scope.ScopeChannels;
import org.p1iota.app.device.scope.ScopedPublisher;
import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleBeans;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * The {@code device} role: the Raspberry Pi on the meter. Opens its secrets (seed, pairing code; created
 * on first start, 0600), the durable spool and its state, and binds the beans {@code routes/device.yaml}
 * calls: {@code meterIntake}, {@code dataChannelWorker}, {@code pairingInbox}, {@code householdEvents},
 * plus {@code deviceProperties} ({@code {{device.inbox}}}) and {@code dataChannelSideKey} (the data
 * channel's key when the channel is first created; afterwards the channel's own state file wins).
 */
public final class DeviceRole implements Role {

    public static final String NAME = "device";
    /** The default MAM security level of a new data channel ({@code device.channel.security}). */
    public static final int SECURITY = DeviceSettings.DEFAULT_CHANNEL_SECURITY;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void bind(RoleSettings roleSettings, RoleBeans beans) throws Exception {
        DeviceSettings settings = DeviceSettings.of(roleSettings);
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        SecretStore secrets = SecretStore.open(settings.dataDirectory(), random);
        Seed seed = secrets.seed();
        String address = InboxAddress.of(seed);
        SideKeys sideKeys = new SideKeys(random);

        DeviceState state;
        if (Files.exists(settings.stateFile())) {
            state = DeviceState.open(settings.stateFile(), null, null);
        } else {
            String firstKey = sideKeys.next();
            String firstRoot = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.RESTRICTED, firstKey,
                    settings.channelSecurity())).root();
            state = DeviceState.open(settings.stateFile(), firstKey, firstRoot);
        }
        DurableSpool spool = beans.closeOnStop(DurableSpool.open(settings.spoolDirectory()));
        KeyDelivery keyDelivery = new KeyDelivery(address, new ProtocolCodec(), PostQuantumEnvelopes.sealer());
        // one restricted channel per scope granted other than the full one (docs/protocol.md, "Scopes")
        ScopedPublisher scoped = new ScopedPublisher(address, ScopeChannels.open(settings.dataDirectory().resolve(
                "scope-channels.json"), settings.dataDirectory().resolve("mam"), seed, settings.channelSecurity()),
                keyDelivery, sideKeys);
        DeviceHouseholdEvents household = new DeviceHouseholdEvents(address, state, keyDelivery, sideKeys, scoped);
        DevicePairing pairing = new DevicePairing(address, secrets.pairingCode(), new ChallengeBook(random, clock), clock, random);

        beans.bind("deviceProperties", new DeviceProperties(address));
        beans.bind("dataChannelSideKey", state.sideKey());
        beans.bind("deviceState", state);
        beans.bind("deviceSpool", spool);
        beans.bind("meterIntake", new MeterIntake(spool, settings.batchSize()));
        beans.bind("householdEvents", household);
        beans.bind("pairingInbox", new PairingInbox(pairing, state,
                new ClaimRateLimiter(settings.claimBurst(), settings.claimsPerHour(), clock)));
        beans.bind("dataChannelWorker", new DataChannelWorker(address, spool, state, household, keyDelivery,
                settings.batchSize(), settings.batchMaxWait(), clock, scoped));
    }
}
