package org.p1iota.app.consent.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
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
    static final String EVENT_ROOT = "EVENTROOT" + "E".repeat(72);

    private final ProtocolCodec codec = new ProtocolCodec();
    private final SideKeys sideKeys = new SideKeys(new SecureRandom());
    private final KeyDelivery delivery = new KeyDelivery(DEVICE, codec, X25519Envelopes.sealer());

    @Test
    void mamDataCarriesTheKeysSealedForTheProviderAlone() throws Exception {
        X25519Envelopes wattt = new X25519Envelopes();
        X25519Envelopes solar = new X25519Envelopes();
        ConsentPolicy policy = policy("policy-wattt", "req-wattt", "WATTT", wattt);
        String sideKey = sideKeys.next();

        Outgoing outgoing = delivery.mamData(new DeviceAction.DeliverKeys(policy), NEXT_ROOT, sideKey, EVENT_ROOT);
        assertThat(outgoing.sendTo()).isEqualTo(policy.provider().inbox());
        String wire = codec.encode(outgoing.message());
        assertThat(wire).doesNotContain(sideKey).doesNotContain(EVENT_ROOT);

        MamData received = codec.decode(wire, MamData.class);
        ChannelKeys keys = new ProviderKeys("req-wattt", codec, wattt.opener()).open(received);
        assertThat(keys).isEqualTo(new ChannelKeys("policy-wattt", NEXT_ROOT, sideKey, EVENT_ROOT));

        assertThatThrownBy(() -> new ProviderKeys("req-wattt", codec, solar.opener()).open(received))
                .isInstanceOf(ProviderKeys.RejectedKeysException.class);
        MamData moved = new MamData(received.consentRequestId(), received.policyId(), DEVICE, "OTHER" + "9".repeat(76),
                received.envelope());
        assertThatThrownBy(() -> new ProviderKeys("req-wattt", codec, wattt.opener()).open(moved))
                .hasMessageContaining("do not match");
        assertThatThrownBy(() -> new ProviderKeys("req-other", codec, wattt.opener()).open(received))
                .hasMessageContaining("consent request");
    }

    @Test
    void aRotationReachesTheRemainingProvidersOnly() throws Exception {
        X25519Envelopes wattt = new X25519Envelopes();
        X25519Envelopes solar = new X25519Envelopes();
        ConsentPolicy revoked = policy("policy-wattt", "req-wattt", "WATTT", wattt);
        ConsentPolicy remaining = policy("policy-solar", "req-solar", "SOLAR", solar);
        String newKey = sideKeys.next();

        KeyRotation rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(revoked), List.of(remaining)), newKey);
        String wire = codec.encode(rotation);
        assertThat(wire).doesNotContain(newKey);
        KeyRotation received = codec.decode(wire, KeyRotation.class);

        assertThat(new ProviderKeys("req-solar", codec, solar.opener()).open(received, "policy-solar"))
                .hasValueSatisfying(key -> assertThat(key.sideKey()).isEqualTo(newKey));
        assertThat(new ProviderKeys("req-wattt", codec, wattt.opener()).open(received, "policy-wattt")).isEmpty();
        // the revoked provider cannot open the remaining provider's entry either
        KeyRotation stolen = new KeyRotation(DEVICE, java.util.Map.of("policy-wattt", received.keys().get("policy-solar")));
        assertThatThrownBy(() -> new ProviderKeys("req-wattt", codec, wattt.opener()).open(stolen, "policy-wattt"))
                .isInstanceOf(ProviderKeys.RejectedKeysException.class);
    }

    @Test
    void aRotationForNobodyIsEmpty() throws Exception {
        ConsentPolicy gone = policy("policy-wattt", "req-wattt", "WATTT", new X25519Envelopes());
        KeyRotation rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(gone), List.of()), sideKeys.next());
        assertThat(rotation.keys()).isEmpty();
    }

    private static ConsentPolicy policy(String id, String requestId, String name, X25519Envelopes keys) {
        ProviderIdentity provider = new ProviderIdentity(name, "https://" + name.toLowerCase() + ".example", requestId,
                (name + "9".repeat(81)).substring(0, 81), keys.publicKey(), "0000-1111-2222-3333-4444");
        return ConsentPolicy.of(new Authorized(id, DEVICE, provider, "advice", Instant.parse("2026-11-25T02:00:00Z")));
    }
}
