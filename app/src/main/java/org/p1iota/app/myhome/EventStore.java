package org.p1iota.app.myhome;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.camel.iota.IotaMamConstants;

/**
 * The household's event store: My Home's private MAM channel. The state is folded from the channel
 * as read from its first root (on the first use after a start; the {@link EventJournal} keeps what a
 * node may have pruned, and the channel is read on from where it ends), and every command checks the state,
 * publishes its one event on the channel, then applies it. Commands run one at a time, so two
 * requests can never interleave their publishing or decide on the same stale state.
 * <p>
 * Publishing goes through the route {@value #PUBLISH_ENDPOINT} ({@code routes/myhome.yaml}), which
 * ends at the {@code iota-mam:} producer that owns the channel.
 */
public final class EventStore {

    public static final String PUBLISH_ENDPOINT = "direct:myhome-publish-event";

    /** The events read or written so far and the state folded from them. */
    public record Snapshot(List<RecordedEvent> events, MyHomeState state) {
        public Snapshot {
            events = List.copyOf(events);
        }
    }

    /** A command: the current state in, the event to publish out (or a refusal). */
    @FunctionalInterface
    public interface Command<E extends ChannelEvent> {
        E decide(MyHomeState state) throws CommandRefusedException;
    }

    private final EventChannelReader reader;
    private final String firstRoot;
    private final EventJournal journal;
    private final ProtocolCodec codec = new ProtocolCodec();
    private volatile Snapshot snapshot;
    private volatile ProducerTemplate publisher;

    public EventStore(EventChannelReader reader, String firstRoot, EventJournal journal) {
        this.reader = reader;
        this.firstRoot = firstRoot;
        this.journal = journal;
    }

    /** Called from the routes (any exchange will do): the Camel context publishing goes through. */
    public void useContext(CamelContext context) {
        if (publisher == null) {
            synchronized (this) {
                if (publisher == null) {
                    publisher = context.createProducerTemplate();
                }
            }
        }
    }

    /** The start-up route's step: folds the state from the channel now rather than on the first request. */
    public void load(Exchange exchange) throws EventChannelException {
        useContext(exchange.getContext());
        snapshot();
    }

    /** The current state, folding it from the channel first if this is the first use since the start. */
    public Snapshot snapshot() throws EventChannelException {
        Snapshot current = snapshot;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (snapshot == null) {
                try {
                    // the journal first (a node may have pruned the channel's start), then the channel from where it ends
                    EventJournal.Contents kept = journal.read();
                    List<RecordedEvent> events = new ArrayList<>(kept.events());
                    reader.readFrom(kept.continueAt().orElse(firstRoot), lastSequence(events), (event, next) -> {
                        journal.append(event, next);
                        events.add(event);
                    });
                    snapshot = new Snapshot(events, MyHomeState.fold(events.stream().map(RecordedEvent::event).toList()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EventChannelException("interrupted while reading the event channel", e);
                } catch (Exception e) {
                    throw new EventChannelException("cannot read the household's event channel from the IOTA node: "
                            + e.getMessage(), e);
                }
            }
            return snapshot;
        }
    }

    public MyHomeState state() throws EventChannelException {
        return snapshot().state();
    }

    /** Decides, publishes and applies one command's event; commands run strictly one at a time. */
    public synchronized <E extends ChannelEvent> E execute(Command<E> command)
            throws CommandRefusedException, EventChannelException {
        Snapshot current = snapshot();
        E event = command.decide(current.state());
        Exchange sent = publish(event);
        List<RecordedEvent> events = new ArrayList<>(current.events());
        RecordedEvent recorded = new RecordedEvent(lastSequence(events) + 1, event, sent.getMessage().getHeader(IotaMamConstants.ROOT, String.class));
        journal.append(recorded, sent.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class));
        events.add(recorded);
        snapshot = new Snapshot(events, current.state().apply(event));
        return event;
    }

    /** The channel position of the last event (skipped messages count: positions are the channel's). */
    private static int lastSequence(List<RecordedEvent> events) {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    }

    private Exchange publish(ChannelEvent event) throws EventChannelException {
        ProducerTemplate template = publisher;
        if (template == null) {
            throw new IllegalStateException("the event store is used before its routes started");
        }
        Exchange sent = template.request(PUBLISH_ENDPOINT, e -> e.getMessage().setBody(codec.encodeUtf8(event)));
        if (sent.getException() != null) {
            throw new EventChannelException("publishing " + event.messageType() + " on the event channel failed: "
                    + sent.getException().getMessage(), sent.getException());
        }
        return sent;
    }
}
