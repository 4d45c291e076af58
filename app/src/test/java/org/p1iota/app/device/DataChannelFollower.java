package org.p1iota.app.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.DataChannelMessage;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.RotatedKey;

/**
 * A provider following the device's data channel from the root and key its MAM_DATA gave it: reads
 * what is there, applies a KEY_ROTATION it has an entry in, and stops at one it has none in (revoked).
 */
final class DataChannelFollower {

    private final DataChannelReader reader;
    private final ProviderKeys keys;
    private final String policyId;
    private final org.p1iota.app.channel.DataChannelDecoder decoder = new org.p1iota.app.channel.DataChannelDecoder();
    final List<DataChannelReader.Read> reads = new ArrayList<>();
    final List<DataChannelMessage> messages = new ArrayList<>();
    String root;
    String sideKey;
    String keyBeforeRevocation;
    boolean revoked;

    DataChannelFollower(DataChannelReader reader, ProviderKeys keys, String policyId, String root, String sideKey) {
        this.reader = reader;
        this.keys = keys;
        this.policyId = policyId;
        this.root = root;
        this.sideKey = sideKey;
    }

    /** Reads every message available now. */
    synchronized void poll() throws Exception {
        while (!revoked) {
            Optional<DataChannelReader.Read> read = reader.readAt(root, sideKey);
            if (read.isEmpty()) {
                return;
            }
            DataChannelMessage message = decoder.decode(read.get().trytes());
            reads.add(read.get());
            messages.add(message);
            root = read.get().nextRoot();
            if (message instanceof KeyRotation rotation) {
                Optional<RotatedKey> next = keys.open(rotation, policyId);
                if (next.isPresent()) {
                    sideKey = next.get().sideKey();
                } else {
                    revoked = true;
                    keyBeforeRevocation = sideKey;
                }
            }
        }
    }

    synchronized List<Data> data() {
        return messages.stream().filter(Data.class::isInstance).map(Data.class::cast).toList();
    }

    synchronized long rotations() {
        return messages.stream().filter(KeyRotation.class::isInstance).count();
    }

    /** Data batches read after the last key rotation. */
    synchronized List<Data> dataAfterRotation() {
        List<Data> after = new ArrayList<>();
        for (DataChannelMessage message : messages) {
            if (message instanceof KeyRotation) {
                after.clear();
            } else if (message instanceof Data data) {
                after.add(data);
            }
        }
        return after;
    }
}
