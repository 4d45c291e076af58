package org.p1iota.app.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Tells whether the HTTP client of a call in progress has hung up, so that a long attachToTangle can
 * stop searching for nobody.
 * <p>
 * Why a probe: with HTTP/1.1 Jetty does not read the socket while a handler runs (the request body was
 * read to its end), so neither the servlet API nor Jetty's failure listeners learn that the client
 * closed its connection until the reply is written. {@link #getAsBoolean()} therefore reads the
 * connection's socket itself, without blocking: end of stream or an error means the client is gone.
 * It reads only while Jetty is not reading (not fill-interested) and only after the whole body was
 * read, so it never takes bytes of the current request. Bytes there can only be a request pipelined
 * behind this one; the probe then stops and {@link #readAhead()} asks the endpoint to close the
 * connection after the reply (the pipelined request is lost and the client, as HTTP/1.1 clients must,
 * sends it again on a new connection). Outside Jetty nothing is probed and the caller is assumed present.
 */
final class CallerConnection implements BooleanSupplier {

    private final EndPoint endPoint;
    private final ByteBuffer probe = BufferUtil.allocate(1);
    private boolean gone;
    private boolean readAhead;

    private CallerConnection(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** Watches the connection of a request Jetty serves; any other request is never reported gone. */
    static CallerConnection of(HttpServletRequest request) {
        try {
            ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
            if (jetty != null && jetty.getConnectionMetaData().getConnection() != null) {
                return new CallerConnection(jetty.getConnectionMetaData().getConnection().getEndPoint());
            }
        } catch (RuntimeException | LinkageError e) {
            // not Jetty 12's ee10 servlet: no probe, the time limit still bounds the work
        }
        return new CallerConnection(null);
    }

    /** True once the client closed or reset the connection. Cheap: one non-blocking read. */
    @Override
    public synchronized boolean getAsBoolean() {
        if (gone || endPoint == null || readAhead) {
            return gone;
        }
        if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
            gone = true;
        } else if (!endPoint.isFillInterested()) {
            try {
                BufferUtil.clear(probe);
                int read = endPoint.fill(probe);
                gone = read < 0;
                readAhead = read > 0;
            } catch (IOException e) {
                gone = true; // connection reset
            }
        }
        return gone;
    }

    /** True when the probe consumed bytes the client sent after this request: close the connection after the reply. */
    synchronized boolean readAhead() {
        return readAhead;
    }
}
