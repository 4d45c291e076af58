package org.p1iota.camel.iota;

import java.nio.file.Path;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.p1iota.camel.iota.tangle.TangleClient;
import org.p1iota.camel.iota.tangle.ZeroValueBundle;

/**
 * Sends the body as a message to an IOTA address (a zero-value bundle), or polls an address and
 * emits each new message once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "iota", title = "IOTA Messages", syntax = "iota:address",
             category = { Category.IOT }, headersClass = IotaConstants.class)
public class IotaEndpoint extends ScheduledPollEndpoint {

    /** The address (81 trytes, or 90 with checksum). */
    @UriPath
    @Metadata(required = true)
    private String address;

    @UriParam
    private IotaNodeConfiguration configuration;

    /** How bodies map to message trytes. */
    @UriParam(defaultValue = "TEXT")
    private MessageFormat messageFormat = MessageFormat.TEXT;

    /** Directory where the consumer records the bundles it has emitted, so a restart emits nothing twice. */
    @UriParam(label = "consumer", defaultValue = "p1-iota-state")
    private String stateDirectory = "p1-iota-state";

    public IotaEndpoint(String uri, IotaComponent component, IotaNodeConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(5000);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a wrong address or tag is a configuration error: report it when the route starts, not per message
        ZeroValueBundle.normaliseAddress(address);
        ZeroValueBundle.normaliseTag(configuration.getTag());
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

    TangleClient createClient() {
        return TangleClients.create(configuration, getComponent().getProofOfWork());
    }

    Path processedBundlesFile() {
        return Path.of(stateDirectory, "iota-consumer-" + ZeroValueBundle.normaliseAddress(address) + ".bundles");
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public IotaNodeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IotaNodeConfiguration configuration) {
        this.configuration = configuration;
    }

    public MessageFormat getMessageFormat() {
        return messageFormat;
    }

    public void setMessageFormat(MessageFormat messageFormat) {
        this.messageFormat = messageFormat;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }
}
