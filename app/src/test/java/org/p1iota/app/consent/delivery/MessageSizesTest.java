package org.p1iota.app.consent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolMessage;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.secrets.RandomIds;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;

/** The tangle cost of the consent messages, as docs/protocol.md ("Sizes") states it. */
class MessageSizesTest {

    /** Message trytes per transaction, at 2 trytes per JSON byte. */
    static final int BYTES_PER_TRANSACTION = 2187 / 2;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final SecureRandom random = new SecureRandom();
    private final String device = "D".repeat(81);

    @Test
    void transactionsPerMessage() throws Exception {
        assertThat(transactions(org.p1iota.app.consent.pairing.MyHomePairingSession.start(device,
                org.p1iota.app.consent.secrets.PairingCode.generate(random), device, device, java.time.Clock.systemUTC(),
                java.time.Duration.ofMinutes(10), random).claim())).isEqualTo(1);
        for (EnvelopeScheme scheme : EnvelopeScheme.values()) {
            EnvelopeKeyPair keys = EnvelopeKeys.generate(scheme);
            ProviderIdentity provider = new ProviderIdentity("Wattt Insights", "https://wattt.example", RandomIds.of(random),
                    "P".repeat(81), keys.publicKey().toBase64Url(), keys.publicKey().fingerprint());
            Authorized authorized = new Authorized(RandomIds.of(random), device, provider, "Monthly energy advice",
                    Instant.parse("2026-11-25T02:00:00Z"), GrantSecret.generate(random));
            ConsentPolicy policy = ConsentPolicy.of(authorized);
            KeyDelivery delivery = new KeyDelivery(device, codec, PostQuantumEnvelopes.sealer());
            ProtocolMessage mamData = delivery.mamData(new DeviceAction.DeliverKeys(policy), "R".repeat(81), "S".repeat(81))
                    .message();
            ProtocolMessage rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(), List.of(policy)),
                    "S".repeat(81));

            assertThat(transactions(authorized)).as(scheme + " AUTHORIZED").isEqualTo(2);
            assertThat(transactions(mamData)).as(scheme + " MAM_DATA").isEqualTo(3);
            // v2: the clear fields moved inside and the event-channel root left; the proof came in
            assertThat(codec.encode(mamData).length()).as(scheme + " MAM_DATA bytes").isBetween(2300, 2750);
            assertThat(transactions(rotation)).as(scheme + " KEY_ROTATION for one provider").isBetween(2, 3);
        }
    }

    private int transactions(ProtocolMessage message) {
        int bytes = codec.encode(message).length();
        return (bytes + BYTES_PER_TRANSACTION - 1) / BYTES_PER_TRANSACTION;
    }
}
