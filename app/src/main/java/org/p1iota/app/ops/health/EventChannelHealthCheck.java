package org.p1iota.app.ops.health;

import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1iota.app.myhome.EventChannelException;
import org.p1iota.app.myhome.EventStore;
import org.p1iota.app.myhome.RecordedEvent;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;

/**
 * My Home's event channel is readable: its state could be folded from the channel, and the node still holds
 * the channel's last event (the devices learn the household's consents from there, so an event the node lost
 * is a grant or revocation they never see).
 */
public final class EventChannelHealthCheck extends ReadinessCheck {

    private final EventStore store;
    private final TangleClient node;
    private final String nodeUrl;

    public EventChannelHealthCheck(EventStore store, TangleClient node, String nodeUrl) {
        super("event-channel");
        this.store = store;
        this.node = node;
        this.nodeUrl = nodeUrl;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<RecordedEvent> events;
        try {
            events = store.snapshot().events();
        } catch (EventChannelException e) {
            builder.down().message("My Home cannot read its event channel (" + e.getMessage() + "): it refuses changes to "
                    + "devices and consents until it can; see the iota-node check (iota.node-url " + nodeUrl + ")");
            return;
        }
        builder.detail("events", events.size());
        if (events.isEmpty()) {
            builder.up();
            return;
        }
        RecordedEvent last = events.get(events.size() - 1);
        try {
            if (!holds(last.root())) {
                builder.down().message("the IOTA node " + nodeUrl + " no longer holds event " + last.sequence() + " ("
                        + last.event().messageType() + ") of My Home's event channel: the devices cannot learn it; point "
                        + "iota.node-url and the devices at a node that keeps the channel, or restore the node's data");
                return;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder.down().message("My Home cannot read its event channel's last event from the IOTA node " + nodeUrl + " ("
                    + e.getMessage() + "): see the iota-node check");
            return;
        }
        builder.up();
    }

    private boolean holds(String root) throws Exception {
        for (TangleMessage bundle : node.read(MamAddresses.address(root, MamMode.PRIVATE)).messages()) {
            try {
                MamParser.parse(bundle.trytes(), root, null);
                return true;
            } catch (Exception junk) {
                // anyone may attach something at the address: only the channel's own message counts
            }
        }
        return false;
    }
}
