package org.p1iota.app.myhome;

import java.util.Optional;

import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleException;
import org.p1iota.iota.tangle.TangleMessage;
import org.p1iota.iota.tangle.TryteCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads My Home's private event channel from its first root to its last message, root after root, so
 * the state can be folded from the channel itself: on every start, and on a second My Home holding
 * the same seed. A message that is not a valid event is skipped (and logged), never fatal: the
 * channel is the truth and the fold carries on.
 */
public final class EventChannelReader {

    private static final Logger LOG = LoggerFactory.getLogger(EventChannelReader.class);

    private final TangleClient client;
    private final ProtocolCodec codec = new ProtocolCodec();

    public EventChannelReader(TangleClient client) {
        this.client = client;
    }

    /** Receives each event read, with the root the channel goes on at after it. */
    @FunctionalInterface
    public interface EventSink {
        void accept(RecordedEvent event, String nextRoot);
    }

    /** Every event from {@code root} on, in channel order, numbered on from {@code sequenceBefore}. */
    public void readFrom(String root, int sequenceBefore, EventSink sink)
            throws TangleException, InterruptedException, MamException {
        int sequence = sequenceBefore;
        String current = root;
        while (true) {
            Optional<MamMessage> message = readAt(current);
            if (message.isEmpty()) {
                return;
            }
            sequence++;
            try {
                byte[] json = TryteCodec.decode(message.get().message());
                sink.accept(new RecordedEvent(sequence, codec.decode(json, ChannelEvent.class), current), message.get().nextRoot());
            } catch (ProtocolException | IllegalArgumentException e) {
                LOG.warn("Skipped message {} of the event channel: not a valid event ({})", sequence, e.getMessage());
            }
            current = message.get().nextRoot();
        }
    }

    /** The channel's message at {@code root}, or empty when nothing is published there yet. */
    private Optional<MamMessage> readAt(String root) throws TangleException, InterruptedException, MamException {
        for (TangleMessage bundle : client.read(MamAddresses.address(root, MamMode.PRIVATE)).messages()) {
            try {
                return Optional.of(MamParser.parse(bundle.trytes(), root, null));
            } catch (MamException e) {
                // not a message of this channel at this address (junk anyone may attach there)
            }
        }
        return Optional.empty();
    }
}
