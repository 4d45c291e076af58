package org.p1iota.camel.p1;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.p1iota.camel.p1.source.FileSource;
import org.p1iota.camel.p1.source.P1Source;
import org.p1iota.camel.p1.source.SerialSettings;
import org.p1iota.camel.p1.source.SerialSource;
import org.p1iota.camel.p1.source.TcpSource;

/**
 * Reads DSMR P1 telegrams from a serial port, a TCP socket or a file, and emits each valid telegram
 * as a {@link org.p1iota.camel.p1.model.Telegram}. Rejected frames go to the route's error handling
 * as {@link P1RejectedFrameException}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1", title = "P1 Smart Meter", syntax = "p1:kind:address",
             consumerOnly = true, category = { Category.IOT }, headersClass = P1Constants.class)
public class P1Endpoint extends DefaultEndpoint {

    /** Kinds of source. */
    public enum Kind { SERIAL, TCP, FILE }

    @UriPath(enums = "serial,tcp,file", description = "The kind of source: serial, tcp or file")
    @Metadata(required = true)
    private Kind kind;
    @UriPath(description = "Serial port name (/dev/ttyUSB0, COM3), host:port for tcp, or the path of a capture file")
    @Metadata(required = true)
    private String address;
    @UriParam
    private P1Configuration configuration;

    public P1Endpoint(String uri, P1Component component, P1Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("The p1 component only reads telegrams: use it in from()");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        P1Consumer consumer = new P1Consumer(this, processor, createSource());
        configureConsumer(consumer);
        return consumer;
    }

    /** The source this endpoint's address and options describe. */
    P1Source createSource() {
        return switch (kind) {
            case SERIAL -> new SerialSource(address, serialCandidates(), configuration.getPollInterval());
            case TCP -> {
                int colon = address.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("p1:tcp needs host:port, not '" + address + "'");
                }
                yield new TcpSource(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                        configuration.getConnectTimeout(), configuration.getPollInterval());
            }
            case FILE -> new FileSource(Path.of(address));
        };
    }

    /** The profile's settings, or one explicit setting when any serial option is given. */
    List<SerialSettings> serialCandidates() {
        P1Configuration c = configuration;
        if (c.getBaudRate() == null && c.getDataBits() == null && c.getParity() == null && c.getStopBits() == null) {
            return c.getProfile().candidates();
        }
        SerialSettings base = c.getProfile().candidates().get(0);
        return List.of(new SerialSettings(c.getBaudRate() != null ? c.getBaudRate() : base.baudRate(),
                c.getDataBits() != null ? c.getDataBits() : base.dataBits(),
                c.getParity() != null ? c.getParity() : base.parity(),
                c.getStopBits() != null ? c.getStopBits() : base.stopBits()));
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public P1Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(P1Configuration configuration) {
        this.configuration = configuration;
    }
}
