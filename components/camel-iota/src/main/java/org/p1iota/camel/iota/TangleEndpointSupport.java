package org.p1iota.camel.iota;

import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.p1iota.camel.iota.tangle.TangleClient;

/**
 * What the {@code iota:} and {@code iota-mam:} endpoints share: the node settings, how bodies map to
 * trytes, and where consumers keep their position.
 */
public abstract class TangleEndpointSupport extends ScheduledPollEndpoint {

    @UriParam
    private IotaNodeConfiguration configuration;

    /** How bodies map to message trytes. */
    @UriParam(defaultValue = "TEXT")
    private MessageFormat messageFormat = MessageFormat.TEXT;

    /** Where state and read positions are kept (files holding secrets are created with mode 0600). */
    @UriParam(defaultValue = "p1-iota-state")
    private String stateDirectory = "p1-iota-state";

    protected TangleEndpointSupport(String uri, TangleComponentSupport component, IotaNodeConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(5000);
    }

    @Override
    public TangleComponentSupport getComponent() {
        return (TangleComponentSupport) super.getComponent();
    }

    TangleClient createClient() {
        return TangleClients.create(configuration, getComponent().getProofOfWork());
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
