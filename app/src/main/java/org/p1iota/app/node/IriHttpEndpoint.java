package org.p1iota.app.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;

/**
 * The HTTP side of the node, called by the Jetty route in {@code routes/node.yaml}: reads at most
 * {@link NodeSettings#MAX_BODY_LENGTH} characters, tells trusted callers (loopback or configured hosts)
 * from others, lets long commands see whether the client hung up ({@link CallerConnection}), and replies
 * with the status and JSON from {@link IriApi}. Request headers are removed before replying, so none of
 * them is echoed back.
 */
public final class IriHttpEndpoint {

    static final String API_VERSION_HEADER = "X-IOTA-API-Version";

    private final IriApi api;
    private final Set<String> trustedHosts;

    public IriHttpEndpoint(IriApi api, Set<String> trustedHosts) {
        this.api = api;
        this.trustedHosts = Set.copyOf(trustedHosts);
    }

    /** Reads the servlet request itself: the route maps neither headers nor form bodies. */
    public void handle(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        HttpServletRequest request = in instanceof HttpMessage http ? http.getRequest()
                : in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("iriHttpEndpoint must be called from a jetty: route");
        }
        String method = request.getMethod();
        String apiVersion = request.getHeader(API_VERSION_HEADER);
        boolean trusted = isTrusted(request.getRemoteAddr());
        IriApi.Reply reply;
        CallerConnection connection = null;
        if ("OPTIONS".equalsIgnoreCase(method)) {
            reply = new IriApi.Reply(200, "");
        } else {
            String body = readBounded(in.getBody(InputStream.class));
            // only once the whole body was read (a body over the limit is refused without running a command):
            // the probe reads the socket
            connection = body == null ? null : CallerConnection.of(request);
            reply = api.call(body, apiVersion, connection == null ? new IriCommand.CallContext(trusted)
                    : new IriCommand.CallContext(trusted, connection));
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (connection != null && connection.readAhead() && in instanceof HttpMessage http && http.getResponse() != null) {
            // the probe consumed bytes of a pipelined request: close after this reply so the client resends it
            // (on the servlet response itself: Camel's header filter drops a Connection header)
            http.getResponse().setHeader("Connection", "close");
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader("Access-Control-Allow-Origin", "*");
        out.setHeader("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, " + API_VERSION_HEADER);
        out.setBody(reply.body());
    }

    private boolean isTrusted(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        if (trustedHosts.contains(remoteAddress)) {
            return true;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The body as text, or {@code null} when it is longer than IRI's limit; never reads more than the limit + 1. */
    static String readBounded(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                text.append(buffer, 0, read);
                if (text.length() > NodeSettings.MAX_BODY_LENGTH) {
                    return null;
                }
            }
        }
        return text.toString();
    }
}
