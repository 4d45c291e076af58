package org.p1iota.app.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Fans events out to browsers over Server-Sent Events. Each subscriber is an {@link EventStream}
 * that a camel-jetty route returns as the response body: Camel copies it to the client and flushes
 * after each write, so every event leaves at once. A subscriber names the topics it wants (e.g. one
 * household); a slow or vanished client whose queue fills is dropped instead of holding memory.
 * <p>
 * Use in a route: {@code .process(exchange -> events.respond(exchange, topic -> topic.equals(household)))}
 * on a jetty endpoint with {@code useContinuation=false} (the response lasts as long as the client stays).
 */
public final class ServerSentEvents implements AutoCloseable {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_QUEUE = 1000;

    private final Set<EventStream> subscribers = new CopyOnWriteArraySet<>();
    private final Duration heartbeat;
    private final int queueCapacity;

    public ServerSentEvents(Duration heartbeat, int queueCapacity) {
        if (heartbeat.isNegative() || heartbeat.isZero() || queueCapacity < 1) {
            throw new IllegalArgumentException("heartbeat and queue capacity must be positive");
        }
        this.heartbeat = heartbeat;
        this.queueCapacity = queueCapacity;
    }

    public ServerSentEvents() {
        this(DEFAULT_HEARTBEAT, DEFAULT_QUEUE);
    }

    /** A new subscriber for the topics {@code wanted} accepts. */
    public EventStream subscribe(Predicate<String> wanted) {
        EventStream stream = new EventStream(Objects.requireNonNull(wanted, "wanted"), queueCapacity, heartbeat, subscribers::remove);
        subscribers.add(stream);
        return stream;
    }

    /** Answers the request with a stream of the events {@code wanted} accepts. */
    public void respond(Exchange exchange, Predicate<String> wanted) {
        Message message = exchange.getMessage();
        message.setHeader(Exchange.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("X-Accel-Buffering", "no");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setBody(subscribe(wanted));
    }

    /**
     * Sends one event to every subscriber of {@code topic}.
     *
     * @param event the event name ({@code reading}, {@code status}), one line
     * @param id    the event id, one line, or null
     * @param data  the payload, usually JSON; line breaks become several {@code data:} lines
     */
    public void publish(String topic, String event, String id, String data) {
        byte[] frame = EventStream.frame(event, id, data);
        for (EventStream subscriber : subscribers) {
            if (subscriber.wants(topic)) {
                subscriber.offer(frame);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    @Override
    public void close() {
        subscribers.forEach(EventStream::close);
    }
}
