package org.p1iota.app.consent.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.SideKeys;

class KeyDeliveryTest {

    static final String DEVICE = "DEVICE" + "9".repeat(75);
    static final String NEXT_ROOT = "NEXTROOT" + "N".repeat(73);
    static final String SECRET = GrantSecret.generate(new SecureRandom());
    /** Computed with Python's hmac and hashlib, not with the code under test. */
    static final String PINNED_PROOF = "dFknYpUtpXR0UQf5ci-f1Hy-bbnkoH1zoNsQ7FyavCU";

    private final ProtocolCodec codec = new ProtocolCodec();
    private final SideKeys sideKeys = new SideKeys(new SecureRandom());
    private final KeyDelivery delivery = new KeyDelivery(DEVICE, codec, PostQuantumEnvelopes.sealer());

    @Test
    void mamDataCarriesTheKeysSealedForTheProviderAlone() throws Exception {
        EnvelopeKeyPair wattt = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        EnvelopeKeyPair solar = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        ConsentPolicy policy = policy("policy-wattt", "req-wattt", "WATTT", wattt);
        String sideKey = sideKeys.next();

        Outgoing outgoing = delivery.mamData(new DeviceAction.DeliverKeys(policy), NEXT_ROOT, sideKey);
        assertThat(outgoing.sendTo()).isEqualTo(policy.provider().inbox());
        String wire = codec.encode(outgoing.message());
        // nothing in clear but type, version and the envelope: no request, policy, device or root
        assertThat(wire).doesNotContain(sideKey).doesNotContain(DEVICE).doesNotContain(NEXT_ROOT).doesNotContain("req-wattt")
                .doesNotContain("policy-wattt").doesNotContain(SECRET).startsWith("{\"type\":\"MAM_DATA\",\"version\":2,\"envelope\":");

        MamData received = codec.decode(wire, MamData.class);
        ChannelKeys keys = new ProviderKeys("req-wattt", SECRET, codec, PostQuantumEnvelopes.opener(wattt)).open(received);
        assertThat(keys).isEqualTo(new ChannelKeys("req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, sideKey,
                GrantSecret.proof(SECRET, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, sideKey)));
        assertThat(codec.encode(keys)).doesNotContain("eventChannelRoot");

        assertThatThrownBy(() -> new ProviderKeys("req-wattt", SECRET, codec, PostQuantumEnvelopes.opener(solar)).open(received))
                .isInstanceOf(ProviderKeys.RejectedKeysException.class);
        assertThatThrownBy(() -> new ProviderKeys("req-other", SECRET, codec, PostQuantumEnvelopes.opener(wattt)).open(received))
                .hasMessageContaining("consent request");
        String otherSecret = GrantSecret.generate(new SecureRandom());
        assertThatThrownBy(() -> new ProviderKeys("req-wattt", otherSecret, codec, PostQuantumEnvelopes.opener(wattt)).open(received))
                .hasMessageContaining("not from the granted device");
        assertThatThrownBy(() -> new ProviderKeys("req-wattt", null, codec, PostQuantumEnvelopes.opener(wattt)).open(received))
                .hasMessageContaining("not from the granted device");
    }

    @Test
    void keysSealedWithoutTheGrantSecretAreRefused() throws Exception {
        EnvelopeKeyPair wattt = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        String sideKey = sideKeys.next();
        // a forger knows the inbox and the public key, and guesses or copies everything else
        String guessed = GrantSecret.generate(new SecureRandom());
        for (String proof : List.of(GrantSecret.proof(guessed, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, sideKey),
                GrantSecret.proof(SECRET, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, sideKeys.next()),
                GrantSecret.proof(SECRET, "req-wattt", "policy-other", DEVICE, NEXT_ROOT, sideKey))) {
            ChannelKeys forged = new ChannelKeys("req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, sideKey, proof);
            MamData message = new MamData(PostQuantumEnvelopes.sealer().seal(wattt.publicKey().toBase64Url(), codec.encodeUtf8(forged)));
            assertThatThrownBy(() -> new ProviderKeys("req-wattt", SECRET, codec, PostQuantumEnvelopes.opener(wattt)).open(message))
                    .isInstanceOf(ProviderKeys.RejectedKeysException.class).hasMessageContaining("proof");
        }
        // a policy granted before v2 has no secret: the device delivers nothing rather than something refused
        ConsentPolicy old = new ConsentPolicy("policy-old1", DEVICE, policy("policy-wattt", "req-wattt", "WATTT", wattt).provider(),
                "advice", Instant.EPOCH);
        assertThatThrownBy(() -> delivery.mamData(new DeviceAction.DeliverKeys(old), NEXT_ROOT, sideKey))
                .isInstanceOf(EnvelopeFailure.class).hasMessageContaining("grant it again");
    }

    @Test
    void theProofIsStableAcrossReleases() {
        // HMAC-SHA256(key = base64url-decoded secret, "p1-iota key delivery v2" 0 request 0 policy 0 device 0 root 0 sideKey 0)
        String secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        assertThat(GrantSecret.proof(secret, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, "S".repeat(81)))
                .isEqualTo(PINNED_PROOF);
        assertThat(GrantSecret.verify(secret, PINNED_PROOF, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, "S".repeat(81))).isTrue();
        assertThat(GrantSecret.verify(secret, PINNED_PROOF, "req-wattt", "policy-wattt", DEVICE, NEXT_ROOT, "T".repeat(81))).isFalse();
    }

    @Test
    void aRotationReachesTheRemainingProvidersOnly() throws Exception {
        EnvelopeKeyPair wattt = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        EnvelopeKeyPair solar = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        ConsentPolicy revoked = policy("policy-wattt", "req-wattt", "WATTT", wattt);
        ConsentPolicy remaining = policy("policy-solar", "req-solar", "SOLAR", solar);
        String newKey = sideKeys.next();

        KeyRotation rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(revoked), List.of(remaining)), newKey);
        String wire = codec.encode(rotation);
        assertThat(wire).doesNotContain(newKey);
        KeyRotation received = codec.decode(wire, KeyRotation.class);

        assertThat(new ProviderKeys("req-solar", SECRET, codec, PostQuantumEnvelopes.opener(solar)).open(received, "policy-solar"))
                .hasValueSatisfying(key -> assertThat(key.sideKey()).isEqualTo(newKey));
        assertThat(new ProviderKeys("req-wattt", SECRET, codec, PostQuantumEnvelopes.opener(wattt)).open(received, "policy-wattt")).isEmpty();
        // the revoked provider cannot open the remaining provider's entry either
        KeyRotation stolen = new KeyRotation(DEVICE, java.util.Map.of("policy-wattt", received.keys().get("policy-solar")));
        assertThatThrownBy(() -> new ProviderKeys("req-wattt", SECRET, codec, PostQuantumEnvelopes.opener(wattt)).open(stolen, "policy-wattt"))
                .isInstanceOf(ProviderKeys.RejectedKeysException.class);
    }

    @Test
    void ntruKeysWorkToo() throws Exception {
        EnvelopeKeyPair ntru = EnvelopeKeys.generate(EnvelopeScheme.NTRU_HPS_2048_677);
        ConsentPolicy policy = policy("policy-ntru", "req-ntru", "NTRU", ntru);
        String sideKey = sideKeys.next();
        MamData message = (MamData) delivery.mamData(new DeviceAction.DeliverKeys(policy), NEXT_ROOT, sideKey).message();
        assertThat(new ProviderKeys("req-ntru", SECRET, codec, PostQuantumEnvelopes.opener(ntru)).open(message).sideKey()).isEqualTo(sideKey);
        // about 2.5 kB of JSON: 3 transactions at 2 trytes a byte (docs/protocol.md, "Sizes")
        assertThat(codec.encode(message).length()).isLessThan(3 * 2187 / 2);
        assertThat(ProtocolCodec.forInbox().decode(codec.encode(message))).isEqualTo(message);
    }

    @Test
    void aKeyThatIsNoKeyIsAClearFailure() {
        ProviderIdentity bogus = new ProviderIdentity("Bogus", "https://bogus.example", "req-bogus", "B".repeat(81),
                "AQIDBAUGBwgJ", "0000-1111");
        ConsentPolicy policy = ConsentPolicy.of(new Authorized("policy-bogus", DEVICE, bogus, "advice", Instant.EPOCH, SECRET));
        assertThatThrownBy(() -> delivery.mamData(new DeviceAction.DeliverKeys(policy), NEXT_ROOT, sideKeys.next()))
                .isInstanceOf(EnvelopeFailure.class);
    }

    @Test
    void nothingIsSealedForAKeyTheHouseholdDidNotApprove() throws Exception {
        EnvelopeKeyPair approved = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        EnvelopeKeyPair swapped = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        ProviderIdentity forged = new ProviderIdentity("Wattt", "https://wattt.example", "req-wattt", "W".repeat(81),
                swapped.publicKey().toBase64Url(), approved.publicKey().fingerprint());
        ConsentPolicy policy = ConsentPolicy.of(new Authorized("policy-wattt", DEVICE, forged, "advice", Instant.EPOCH, SECRET));
        assertThatThrownBy(() -> delivery.mamData(new DeviceAction.DeliverKeys(policy), NEXT_ROOT, sideKeys.next()))
                .isInstanceOf(EnvelopeFailure.class).hasMessageContaining("approved");
        assertThatThrownBy(() -> delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(), List.of(policy)), sideKeys.next()))
                .isInstanceOf(EnvelopeFailure.class);
    }

    @Test
    void aRotationForNobodyIsEmpty() throws Exception {
        ConsentPolicy gone = policy("policy-wattt", "req-wattt", "WATTT", EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768));
        KeyRotation rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(gone), List.of()), sideKeys.next());
        assertThat(rotation.keys()).isEmpty();
    }

    private static ConsentPolicy policy(String id, String requestId, String name, EnvelopeKeyPair keys) {
        ProviderIdentity provider = new ProviderIdentity(name, "https://" + name.toLowerCase() + ".example", requestId,
                (name + "9".repeat(81)).substring(0, 81), keys.publicKey().toBase64Url(), keys.publicKey().fingerprint());
        return ConsentPolicy.of(new Authorized(id, DEVICE, provider, "advice", Instant.parse("2026-11-25T02:00:00Z"), SECRET));
    }
}
