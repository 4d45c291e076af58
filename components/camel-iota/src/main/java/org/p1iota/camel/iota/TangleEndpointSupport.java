package org.p1iota.camel.iota;

import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.p1iota.iota.tangle.TangleClient;

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

    /**
     * Consumer: how many more times a message is offered to the route after the route failed on it
     * (one attempt per poll, so {@code delay} apart) before it is dropped, counted (JMX
     * {@code FailedMessages}) and recorded as handled. Later messages wait meanwhile, so the order is
     * kept and a transient failure (the node down while the route replies) is retried; a message the
     * route always fails on holds them back for at most this many polls. -1 retries for ever (nothing is
     * ever dropped, and one such message blocks the address or channel for good). For retries within
     * one attempt use the route's error handler; a message whose trytes are no bytes is dropped at once.
     */
    @UriParam(label = "consumer", defaultValue = "5")
    private int maxRedeliveries = 5;

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

    public int getMaxRedeliveries() {
        return maxRedeliveries;
    }

    public void setMaxRedeliveries(int maxRedeliveries) {
        this.maxRedeliveries = maxRedeliveries;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }
}
