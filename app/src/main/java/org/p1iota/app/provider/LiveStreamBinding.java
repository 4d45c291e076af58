package org.p1iota.app.provider;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.DefaultHttpBinding;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.p1iota.app.web.EventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP binding of the live stream's endpoint ({@code httpBinding: "#liveStreamBinding"}). A live
 * view ends when the browser leaves the page: the next event or heartbeat then fails to write. That is
 * the normal end of a stream, not an error, but Camel's servlet logged it as one with two stack traces
 * ({@code EofException: Broken pipe}, then {@code IllegalStateException: Committed} trying to send an
 * error page on the half-sent stream), hundreds of lines per closed tab (issue 16). Here the stream is
 * closed (its subscription ends) and the end is logged at DEBUG; any other failure still throws.
 */
public final class LiveStreamBinding extends DefaultHttpBinding {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreamBinding.class);

    public LiveStreamBinding(HeaderFilterStrategy headers) {
        setHeaderFilterStrategy(headers);
    }

    @Override
    public void writeResponse(Exchange exchange, HttpServletResponse response) throws IOException {
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof EventStream stream)) {
            super.writeResponse(exchange, response);
            return;
        }
        try {
            super.writeResponse(exchange, response);
        } catch (IOException gone) {
            // the client went away mid-stream: nothing can be sent to it any more, nothing to report
            LOG.debug("A live view closed: {}", gone.getMessage());
        } finally {
            stream.close();
        }
    }
}
