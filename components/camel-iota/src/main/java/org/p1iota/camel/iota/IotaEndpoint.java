package org.p1iota.camel.iota;

import java.nio.file.Path;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.p1iota.iota.tangle.ZeroValueBundle;

/**
 * Sends the body as a message to an IOTA address (a zero-value bundle), or polls an address and
 * emits each new message once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "iota", title = "IOTA Messages", syntax = "iota:address",
             category = { Category.IOT }, headersClass = IotaConstants.class)
public class IotaEndpoint extends TangleEndpointSupport {

    /** The address (81 trytes, or 90 with checksum). */
    @UriPath
    @Metadata(required = true)
    private String address;

    public IotaEndpoint(String uri, IotaComponent component, IotaNodeConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a wrong address or tag is a configuration error: report it when the route starts, not per message
        ZeroValueBundle.normaliseAddress(address);
        ZeroValueBundle.normaliseTag(getConfiguration().getTag());
    }

    @Override
    public IotaComponent getComponent() {
        return (IotaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new IotaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        IotaConsumer consumer = new IotaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    Path processedBundlesFile() {
        return Path.of(getStateDirectory(), "iota-consumer-" + ZeroValueBundle.normaliseAddress(address) + ".bundles");
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
