package org.p1iota.app.consent.pairing;

import org.p1iota.app.consent.message.Check;

/**
 * What a device learns from a successful pairing: where My Home is and the root of its event channel,
 * which the device then follows. {@link #toString()} hides the root.
 */
public record PairedHome(String myHomeInbox, String eventChannelRoot) {

    public PairedHome {
        Check.hash("myHomeInbox", myHomeInbox);
        Check.hash("eventChannelRoot", eventChannelRoot);
    }

    @Override
    public String toString() {
        return "PairedHome[myHomeInbox=" + myHomeInbox + ", event-channel root hidden]";
    }
}
