package org.p1iota.app.provider;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.Outgoing;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.iota.tangle.TryteCodec;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * The device side of the protocol with the real components, for testing the provider: a restricted
 * data channel published with the iota-mam: producer, MAM_DATA sent to a provider's inbox with the
 * iota: producer, KEY_ROTATION as KeyDelivery makes it.
 */
final class SimulatedDevice implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String address;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final KeyDelivery delivery;
    private final SideKeys sideKeys;
    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final String node;
    private final String channelUri;
    private String sideKey;
    private String nextRoot;

    SimulatedDevice(int nodePort, int mwm, Path state) throws Exception {
        SecureRandom random = new SecureRandom();
        Seed seed = Seed.generate(random);
        address = InboxAddress.of(seed);
        sideKeys = new SideKeys(random);
        sideKey = sideKeys.next();
        delivery = new KeyDelivery(address, codec, PostQuantumEnvelopes.sealer());
        node = "nodeUrl=http://127.0.0.1:" + nodePort + "&minWeightMagnitude=" + mwm + "&localPow=true";
        channelUri = "iota-mam:data?mode=restricted&messageFormat=TRYTES&seed=" + seed.trytes() + "&sideKey=" + sideKey
                + "&stateDirectory=" + state + "&" + node;
        nextRoot = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.RESTRICTED, sideKey, 2)).root();
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** MAM_DATA for the policy: read from the next message on, under the current side key. */
    void deliverKeys(ConsentPolicy policy) throws Exception {
        Outgoing outgoing = delivery.mamData(new DeviceAction.DeliverKeys(policy), nextRoot, sideKey);
        template.sendBody("iota:" + outgoing.sendTo() + "?" + node, codec.encode(outgoing.message()));
    }

    /** Message trytes as they are (e.g. DATA v2, or a damaged one). */
    void publishTrytes(String trytes) {
        publish(trytes, Map.of());
    }

    /** One DATA v1 message (JSON, as releases before DATA v2 wrote) carrying the telegrams with these sequence numbers. */
    void publishData(long first, long last) throws Exception {
        List<Telegram> telegrams = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            telegrams.add(telegram(sequence));
        }
        publish(TryteCodec.encode(codec.encode(new Data(address, telegrams))), Map.of());
    }

    /** KEY_ROTATION with a new key for {@code remaining}, then the channel continues under it. */
    void rotate(List<ConsentPolicy> remaining) throws Exception {
        String newKey = sideKeys.next();
        KeyRotation rotation = delivery.keyRotation(new DeviceAction.RotateSideKey(List.of(), remaining), newKey);
        publish(TryteCodec.encode(codec.encode(rotation)), Map.of(IotaMamConstants.NEXT_SIDE_KEY, newKey));
        sideKey = newKey;
    }

    private void publish(String body, Map<String, Object> headers) {
        Exchange sent = template.request(channelUri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("publishing failed", sent.getException());
        }
        nextRoot = sent.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class);
    }

    /** The values a telegram with this sequence number carries: power = sequence * 100 W, so every reading is recognisable. */
    static ObjectNode parsed(long sequence) {
        ObjectNode parsed = JSON.createObjectNode();
        parsed.put("timestamp", Instant.parse("2026-11-25T02:00:00Z").plusSeconds(10 * sequence).atOffset(java.time.ZoneOffset.ofHours(1)).toString());
        parsed.put("energyImportTariff1", new java.math.BigDecimal("1000.000").add(java.math.BigDecimal.valueOf(sequence)));
        parsed.put("energyImportTariff2", new java.math.BigDecimal("2000.500"));
        parsed.put("energyExportTariff1", new java.math.BigDecimal("10.000"));
        parsed.put("energyExportTariff2", new java.math.BigDecimal("20.250"));
        parsed.put("powerImport", new java.math.BigDecimal(sequence).movePointLeft(1));
        parsed.put("powerExport", new java.math.BigDecimal("0.000"));
        ObjectNode gas = parsed.putObject("gas");
        gas.put("channel", 1);
        gas.put("value", new java.math.BigDecimal("3456.789"));
        gas.put("unit", "m3");
        gas.put("timestamp", "2026-11-25T03:00:00+01:00");
        return parsed;
    }

    static Telegram telegram(long sequence) {
        return new Telegram(sequence, "/ISK5\\2M550T-1012\r\n\r\n1-0:1.7.0(" + sequence + ")\r\n!0000\r\n", parsed(sequence));
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
