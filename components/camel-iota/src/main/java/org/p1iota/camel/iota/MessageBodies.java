package org.p1iota.camel.iota;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.p1iota.iota.tangle.TryteCodec;

/** Turns exchange bodies into message trytes and back, shared by the producers and consumers. */
public final class MessageBodies {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private MessageBodies() {
    }

    public static String toTrytes(Exchange exchange, MessageFormat format) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new InvalidPayloadException(exchange, String.class);
        }
        if (format == MessageFormat.TRYTES) {
            String trytes = exchange.getMessage().getMandatoryBody(String.class);
            if (!TryteCodec.isTrytes(trytes)) {
                throw new IllegalArgumentException("messageFormat=TRYTES but the body is not trytes [9A-Z]");
            }
            return trytes;
        }
        if (body instanceof byte[] bytes) {
            return TryteCodec.encode(bytes);
        }
        if (body instanceof CharSequence text) {
            return TryteCodec.encode(text.toString());
        }
        try {
            return TryteCodec.encode(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body (" + body.getClass().getName() + ") as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body of a message read from the tangle.
     *
     * @throws UndecodableMessageException when the format is TEXT and the trytes are no bytes
     */
    public static Object fromTrytes(String trytes, MessageFormat format) throws UndecodableMessageException {
        if (format == MessageFormat.TRYTES) {
            return trytes;
        }
        try {
            return TryteCodec.decodeText(trytes);
        } catch (IllegalArgumentException e) {
            throw new UndecodableMessageException("the message is not text or bytes: " + e.getMessage(), e);
        }
    }
}
