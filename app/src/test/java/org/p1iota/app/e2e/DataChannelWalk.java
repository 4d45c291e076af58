package org.p1iota.app.e2e;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.DataChannelMessage;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.RotatedKey;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * Reads what is on the node the way anyone can: the bundles at an inbox or at a restricted channel's
 * address, opened (or not) with the keys a provider holds. Independent of the provider role's own
 * following, so a test can check what a key can and cannot open.
 */
final class DataChannelWalk {

    /** One message of the channel, opened. */
    record Step(String root, DataChannelMessage message, String nextRoot) {
    }

    /**
     * What a provider could read from its first root: every telegram, the rotation that left it out,
     * the side key it held then, and the root of the first message it cannot open.
     */
    record Followed(List<Telegram> telegrams, List<Step> steps, KeyRotation cutOff, String lastSideKey, String rootAfterCutOff) {
    }

    private final TangleClient client;
    private final ProtocolCodec codec = new ProtocolCodec();

    DataChannelWalk(int nodePort) {
        IotaNodeConfiguration configuration = new IotaNodeConfiguration();
        configuration.setNodeUrl("http://127.0.0.1:" + nodePort);
        this.client = new TangleClient(configuration, null, RetryPolicy.NONE, Clock.systemUTC());
    }

    /** The channel keys of the MAM_DATA at a provider's inbox that opens with that provider's keys. */
    ChannelKeys deliveredKeys(String inbox, ProviderKeys keys) throws Exception {
        for (TangleMessage bundle : client.read(inbox).messages()) {
            try {
                return keys.open(codec.decode(TryteCodec.decodeText(bundle.trytes()), MamData.class));
            } catch (Exception e) {
                // not a MAM_DATA for this key: the inbox is public
            }
        }
        throw new AssertionError("no MAM_DATA at " + inbox + " opens with the provider's key");
    }

    /** The message at {@code root} that opens with {@code sideKey}, if there is one. */
    Optional<Step> read(String root, String sideKey) throws Exception {
        for (String payload : payloadsAt(root)) {
            try {
                MamMessage message = MamParser.parse(payload, root, sideKey);
                return Optional.of(new Step(root,
                        new org.p1iota.app.channel.DataChannelDecoder().decode(message.message()), message.nextRoot()));
            } catch (MamException e) {
                // not for this key
            }
        }
        return Optional.empty();
    }

    /** The payloads of every bundle at the restricted channel address of {@code root}. */
    List<String> payloadsAt(String root) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (TangleMessage bundle : client.read(MamAddresses.address(root, MamMode.RESTRICTED)).messages()) {
            payloads.add(bundle.trytes());
        }
        return payloads;
    }

    /** The payloads at a private channel's address of {@code root} (My Home's event channel). */
    List<String> payloadsAtPrivate(String root) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (TangleMessage bundle : client.read(MamAddresses.address(root, MamMode.PRIVATE)).messages()) {
            payloads.add(bundle.trytes());
        }
        return payloads;
    }

    /**
     * Follows the channel as the provider with {@code keys} and {@code policyId} would: from its first
     * root and side key, through rotations that carry a key for it, up to the one that does not.
     */
    Followed follow(ChannelKeys start, ProviderKeys keys, String policyId) throws Exception {
        List<Telegram> telegrams = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        String root = start.dataRoot();
        String sideKey = start.sideKey();
        while (true) {
            String at = root;
            Step step = read(root, sideKey).orElseThrow(() -> new AssertionError("nothing at " + at + " opens: the channel ends before a cut-off"));
            steps.add(step);
            root = step.nextRoot();
            if (step.message() instanceof Data data) {
                telegrams.addAll(data.telegrams());
            } else if (step.message() instanceof KeyRotation rotation) {
                Optional<RotatedKey> next = keys.open(rotation, policyId);
                if (next.isEmpty()) {
                    return new Followed(telegrams, steps, rotation, sideKey, root);
                }
                sideKey = next.get().sideKey();
            }
        }
    }
}
