package org.p1iota.app.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.TestClock;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.pairing.ChallengeBook;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.pairing.MyHomePairingSession;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;

/** The device's beans without a node: a public inbox that never crashes, claim flooding, restart without repeated actions. */
class DeviceBeansTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final ProtocolCodec codec = ProtocolCodec.forInbox();
    private final String device = InboxAddress.of(Seed.generate(random));
    private final String home = InboxAddress.of(Seed.generate(random));

    private final PairingCode code = PairingCode.generate(random);

    private PairingInbox inbox(ClaimRateLimiter limiter) throws Exception {
        DeviceState state = DeviceState.open(data.resolve("state.json"), "KEY", "ROOT".repeat(20) + "9");
        return new PairingInbox(new DevicePairing(device, code, new ChallengeBook(random, clock), clock, random), state,
                limiter);
    }

    /** A claim as My Home makes it, with {@code typed} as the pairing code. */
    private ClaimDevice claim(PairingCode typed) {
        return MyHomePairingSession.start(device, typed, home, "ROOT".repeat(20) + "9", clock, Duration.ofMinutes(10), random)
                .claim();
    }

    private Exchange received(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void garbageOnTheInboxIsDroppedAndCounted() throws Exception {
        PairingInbox inbox = inbox(new ClaimRateLimiter(4, 30, clock));
        for (String garbage : new String[] {null, "", "not json", "{\"type\":\"CLAIM_DEVICE\",\"version\":2}", "[1,2]",
                "{\"type\":\"CLAIM_DEVICE\",\"version\":1,\"claimId\":\"abcdefgh\",\"device\":\"" + device + "\"}",
                "x".repeat(20_000)}) {
            Exchange exchange = received(garbage);
            inbox.handle(exchange);
            assertThat(exchange.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).isFalse();
        }
        Exchange otherCode = received(codec.encode(claim(PairingCode.generate(random))));
        inbox.handle(otherCode);
        assertThat(otherCode.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).isFalse();
        assertThat(inbox.droppedMessages()).isEqualTo(8);
        assertThat(inbox.unopenedMessages()).isEqualTo(1);
    }

    @Test
    void foreignClaimsCostNothingAndDoNotCountAgainstTheRateLimit() throws Exception {
        PairingInbox inbox = inbox(new ClaimRateLimiter(4, 30, clock));
        for (int i = 0; i < 50; i++) {
            Exchange foreign = received(codec.encode(claim(PairingCode.generate(random))));
            inbox.handle(foreign);
            assertThat(foreign.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).isFalse();
        }
        assertThat(inbox.unopenedMessages()).isEqualTo(50);
        assertThat(inbox.throttledClaims()).isZero();
        ClaimDevice genuine = claim(code);
        Exchange exchange = received(codec.encode(genuine));
        inbox.handle(exchange);
        assertThat(exchange.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).isTrue();
        assertThat(exchange.getMessage().getHeader("CamelIotaAddress")).isEqualTo(home);
        Exchange replayed = received(codec.encode(genuine));
        inbox.handle(replayed);
        assertThat(replayed.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).as("a replay gets no second challenge").isFalse();
        assertThat(inbox.repliesSent()).isEqualTo(1);
    }

    @Test
    void genuineClaimsAreAnsweredOnlyUpToTheRateLimit() throws Exception {
        PairingInbox inbox = inbox(new ClaimRateLimiter(4, 60, clock));
        int answered = 0;
        for (int i = 0; i < 50; i++) {
            Exchange exchange = received(codec.encode(claim(code)));
            inbox.handle(exchange);
            if (exchange.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)) {
                answered++;
                assertThat(exchange.getMessage().getHeader("CamelIotaAddress")).isEqualTo(home);
                assertThat(exchange.getMessage().getBody(String.class)).startsWith("{\"type\":\"CHALLENGE\"");
            }
        }
        assertThat(answered).isEqualTo(4);
        assertThat(inbox.throttledClaims()).isEqualTo(46);
        clock.advance(Duration.ofMinutes(1)); // 60 an hour: one more
        Exchange later = received(codec.encode(claim(code)));
        inbox.handle(later);
        assertThat(later.getMessage().getHeader(PairingInbox.REPLY, Boolean.class)).isTrue();
    }

    @Test
    void aRestartReplaysTheViewAndAnEventSeenAgainCallsForNothing() throws Exception {
        Path file = data.resolve("state.json");
        KeyDelivery delivery = new KeyDelivery(device, new ProtocolCodec(), PostQuantumEnvelopes.sealer());
        EnvelopeKeyPair keys = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        String publicKey = keys.publicKey().toBase64Url();
        Authorized grant = new Authorized("policy-one-0001", device, new ProviderIdentity("Wattt", "https://wattt.example",
                "req-wattt-1", InboxAddress.of(Seed.generate(random)), publicKey, PostQuantumEnvelopes.fingerprint(publicKey)),
                "advice", clock.instant());
        ProtocolCodec channel = new ProtocolCodec();

        DeviceState state = DeviceState.open(file, "KEY", "ROOT".repeat(20) + "9");
        DeviceHouseholdEvents events = new DeviceHouseholdEvents(device, state, delivery, new SideKeys(random));
        events.onEvent(channel.encode(new DeviceAdded(device, "Meter", clock.instant())));
        events.onEvent(channel.encode(grant));
        assertThat(state.deliveries()).containsExactly("policy-one-0001");

        DeviceState reopened = DeviceState.open(file, null, null); // as after kill -9
        DeviceHouseholdEvents restarted = new DeviceHouseholdEvents(device, reopened, delivery, new SideKeys(random));
        assertThat(restarted.activePolicy("policy-one-0001")).isPresent();
        restarted.onEvent(channel.encode(grant)); // the follower emits it again: it was not confirmed before the crash
        assertThat(reopened.deliveries()).containsExactly("policy-one-0001"); // still the one, not twice
        assertThat(reopened.rotations()).isEmpty();
    }
}
