package org.p1iota.app.consent.delivery;

import org.p1iota.app.consent.message.InboxMessage;

/** An inbox message and the address to send it to. */
public record Outgoing(String sendTo, InboxMessage message) {
}
