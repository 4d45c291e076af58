package org.p1iota.app.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;

/**
 * Reads a restricted MAM channel the way a provider does, with {@link MamParser} on the bundles the
 * node holds: from a root, with a side key, message after message, until the next root is empty or
 * nothing there opens with the key.
 */
final class DataChannelReader {

    /** A message read: where it was and its message trytes (DATA v2, or a JSON message as text trytes). */
    record Read(String root, String address, String trytes, String nextRoot) {
    }

    private final TangleClient client;

    DataChannelReader(int nodePort) {
        IotaNodeConfiguration configuration = new IotaNodeConfiguration();
        configuration.setNodeUrl("http://127.0.0.1:" + nodePort);
        this.client = new TangleClient(configuration, null, RetryPolicy.NONE, Clock.systemUTC());
    }

    /** The next message at {@code root}, if one there opens with {@code sideKey}. */
    java.util.Optional<Read> readAt(String root, String sideKey) throws Exception {
        String address = MamAddresses.address(root, MamMode.RESTRICTED);
        for (TangleMessage bundle : client.read(address).messages()) {
            try {
                MamMessage message = MamParser.parse(bundle.trytes(), root, sideKey);
                return java.util.Optional.of(new Read(root, address, message.message(), message.nextRoot()));
            } catch (MamException e) {
                // not openable with this key (or not a MAM message): try the next bundle
            }
        }
        return java.util.Optional.empty();
    }

    /** The payloads of the bundles at {@code root}, whatever they are. */
    List<String> payloadsAt(String root) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (TangleMessage bundle : client.read(MamAddresses.address(root, MamMode.RESTRICTED)).messages()) {
            payloads.add(bundle.trytes());
        }
        return payloads;
    }
}
