package org.p1iota.app.provider;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.p1iota.app.web.ServerSentEvents;

/**
 * Ends the open live streams as soon as Camel starts stopping, so each response finishes cleanly
 * before Jetty goes away (instead of being cut off mid-stream). camel-main picks it up from the
 * registry as a lifecycle strategy.
 */
public final class LiveStreamsCloser extends LifecycleStrategySupport {

    private final ServerSentEvents events;

    public LiveStreamsCloser(ServerSentEvents events) {
        this.events = events;
    }

    @Override
    public void onContextStopping(CamelContext context) {
        events.close();
    }
}
