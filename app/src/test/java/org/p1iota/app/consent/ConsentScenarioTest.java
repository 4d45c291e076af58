package org.p1iota.app.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.Outgoing;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.pairing.ChallengeBook;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.pairing.MyHomePairingSession;
import org.p1iota.app.consent.pairing.PairedHome;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.DeviceAuthorizations;
import org.p1iota.app.consent.policy.GrantRequest;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;

/**
 * The whole consent story with the domain classes alone, the way the routes will drive them: every
 * message goes through the codec as it would through the tangle, the event channel is a list.
 * Pair (wrong code, then right), grant two providers, revoke one, delete the device.
 */
class ConsentScenarioTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final ProtocolCodec inbox = ProtocolCodec.forInbox();
    private final ProtocolCodec channel = new ProtocolCodec();
    private final List<ChannelEvent> eventChannel = new ArrayList<>();

    @Test
    void pairGrantRevokeDelete() throws Exception {
        // first start of both roles
        SecretStore deviceSecrets = SecretStore.open(data.resolve("device"), random);
        SecretStore homeSecrets = SecretStore.open(data.resolve("myhome"), random);
        String device = InboxAddress.of(deviceSecrets.seed());
        String home = InboxAddress.of(homeSecrets.seed());
        String eventRoot = Seed.generate(random).trytes(); // stands for the MAM channel's root
        DevicePairing devicePairing = new DevicePairing(device, deviceSecrets.pairingCode(), new ChallengeBook(random, clock), clock,
                random);

        // a mistyped code: the claim does not open on the device, which stays silent; nothing learnt, nothing published
        MyHomePairingSession wrong = MyHomePairingSession.start(device,
                org.p1iota.app.consent.secrets.PairingCode.generate(random), home, eventRoot, clock, Duration.ofMinutes(10), random);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pair(devicePairing, wrong))
                .isInstanceOf(org.p1iota.app.consent.pairing.PairingException.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(wrong.failure()).contains(MyHomePairingSession.Failure.NO_CHALLENGE);

        // the code from the device's label
        MyHomePairingSession right = MyHomePairingSession.start(device, deviceSecrets.pairingCode(), home, eventRoot,
                clock, Duration.ofMinutes(10), random);
        PairedHome paired = pair(devicePairing, right).pairedHome().orElseThrow();
        assertThat(right.state()).isEqualTo(MyHomePairingSession.State.PAIRED);
        assertThat(paired).isEqualTo(new PairedHome(home, eventRoot));

        MyHomeCommands commands = new MyHomeCommands(clock, random);
        publish(commands.addDevice(state(), device, "Meter cupboard"));

        // two providers ask for consent; the household grants both
        EnvelopeKeyPair watttKeys = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        EnvelopeKeyPair solarKeys = EnvelopeKeys.generate(EnvelopeScheme.NTRU_HPS_2048_677);
        String watttSecret = GrantSecret.generate(random);
        String solarSecret = GrantSecret.generate(random);
        Authorized wattt = publish(commands.grant(state(), new GrantRequest(device, provider("Wattt", "req-wattt", watttKeys), "advice",
                watttSecret)));
        Authorized solar = publish(commands.grant(state(), new GrantRequest(device, provider("Solar", "req-solar", solarKeys), "forecast",
                solarSecret)));

        // the device follows the channel and carries out what its view decides
        DeviceAuthorizations view = DeviceAuthorizations.initial(device);
        KeyDelivery delivery = new KeyDelivery(device, channel, PostQuantumEnvelopes.sealer());
        SideKeys sideKeys = new SideKeys(random);
        String sideKey = sideKeys.next();
        String nextRoot = Seed.generate(random).trytes(); // stands for the data channel's next root
        List<Outgoing> sent = new ArrayList<>();
        for (ChannelEvent event : eventChannel) {
            DeviceAuthorizations.Step step = view.apply(event);
            view = step.next();
            for (DeviceAction action : step.actions()) {
                sent.add(delivery.mamData((DeviceAction.DeliverKeys) action, nextRoot, sideKey));
            }
        }
        assertThat(sent).extracting(Outgoing::sendTo).containsExactly(wattt.provider().inbox(), solar.provider().inbox());

        ProviderKeys watttSide = new ProviderKeys("req-wattt", watttSecret, channel, PostQuantumEnvelopes.opener(watttKeys));
        ProviderKeys solarSide = new ProviderKeys("req-solar", solarSecret, channel, PostQuantumEnvelopes.opener(solarKeys));
        ChannelKeys watttGot = watttSide.open(inbox.decode(inbox.encode(sent.get(0).message()), MamData.class));
        ChannelKeys solarGot = solarSide.open(inbox.decode(inbox.encode(sent.get(1).message()), MamData.class));
        assertThat(watttGot.sideKey()).isEqualTo(sideKey).isEqualTo(solarGot.sideKey());
        assertThat(watttGot.dataRoot()).isEqualTo(nextRoot);
        assertThat(watttGot.device()).isEqualTo(device);
        assertThat(inbox.encode(sent.get(0).message())).doesNotContain(eventRoot).doesNotContain(device);
        MamData solarsMessage = (MamData) sent.get(1).message();
        assertThatThrownBy(() -> watttSide.open(solarsMessage)).isInstanceOf(ProviderKeys.RejectedKeysException.class);

        // the household revokes Wattt: the device rotates for Solar alone
        DeviceAuthorizations.Step revoked = view.apply(publish(commands.revoke(state(), wattt.policyId())));
        view = revoked.next();
        String newKey = sideKeys.next();
        KeyRotation rotation = channel.decode(channel.encode(
                delivery.keyRotation((DeviceAction.RotateSideKey) revoked.actions().get(0), newKey)), KeyRotation.class);
        assertThat(solarSide.open(rotation, solar.policyId()).orElseThrow().sideKey()).isEqualTo(newKey);
        assertThat(watttSide.open(rotation, wattt.policyId())).isEmpty();
        assertThat(view.authorizedProviders()).extracting(p -> p.id()).containsExactly(solar.policyId());

        // deleting the device ends Solar's policy too; the rotation reaches nobody
        DeviceAuthorizations.Step deleted = view.apply(publish(commands.deleteDevice(state(), device)));
        KeyRotation last = delivery.keyRotation((DeviceAction.RotateSideKey) deleted.actions().get(0), sideKeys.next());
        assertThat(last.keys()).isEmpty();
        assertThat(solarSide.open(last, solar.policyId())).isEmpty();
        assertThat(state().activePolicies()).isEmpty();
        // a device restarting replays the channel to the same view, without repeating actions
        assertThat(DeviceAuthorizations.replay(device, eventChannel)).isEqualTo(deleted.next());
    }

    private DevicePairing.Verdict pair(DevicePairing device, MyHomePairingSession home) throws Exception {
        ClaimDevice claim = inbox.decode(inbox.encode(home.claim()), ClaimDevice.class);
        Challenge challenge = inbox.decode(inbox.encode(device.onClaim(claim).message()), Challenge.class);
        AnswerChallenge answer = inbox.decode(inbox.encode(home.onChallenge(challenge)), AnswerChallenge.class);
        DevicePairing.Verdict verdict = device.onAnswer(answer);
        home.onResult(inbox.decode(inbox.encode(verdict.result()), ClaimResult.class));
        return verdict;
    }

    private MyHomeState state() {
        return MyHomeState.fold(eventChannel);
    }

    @SuppressWarnings("unchecked")
    private <E extends ChannelEvent> E publish(E event) throws Exception {
        E fromChannel = (E) channel.decode(channel.encode(event), ChannelEvent.class);
        eventChannel.add(fromChannel);
        return fromChannel;
    }

    private ProviderIdentity provider(String name, String requestId, EnvelopeKeyPair keys) throws Exception {
        String inboxAddress = InboxAddress.of(Seed.generate(random));
        return new ProviderIdentity(name, "https://" + name.toLowerCase() + ".example", requestId, inboxAddress,
                keys.publicKey().toBase64Url(), PostQuantumEnvelopes.fingerprint(keys.publicKey().toBase64Url()));
    }
}
