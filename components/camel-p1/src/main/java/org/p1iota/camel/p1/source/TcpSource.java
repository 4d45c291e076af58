package org.p1iota.camel.p1.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A TCP connection to a ser2net server or a Wi-Fi P1 dongle, which stream the raw P1 bytes. */
public final class TcpSource implements P1Source {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final int pollMillis;
    private volatile Socket socket;

    public TcpSource(String host, int port, int connectTimeoutMillis, int pollMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.pollMillis = pollMillis;
    }

    @Override
    public InputStream open() throws IOException {
        Socket s = new Socket();
        try {
            s.setKeepAlive(true);
            s.setSoTimeout(pollMillis);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        return s.getInputStream();
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
