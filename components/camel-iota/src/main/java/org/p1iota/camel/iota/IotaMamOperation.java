package org.p1iota.camel.iota;

/** What an {@code iota-mam:} producer does with an exchange. */
public enum IotaMamOperation {
    /** Publish the body as the next message of this endpoint's own channel. */
    publish,
    /** Mask the own channel's later messages with a new side key (header CamelIotaMamSideKey or the body). */
    changeSideKey,
    /** Follow a channel from a root (headers CamelIotaMamSubscription, CamelIotaMamRoot, CamelIotaMamMode, CamelIotaMamSideKey). */
    subscribe,
    /** Replace the side key of a followed channel, e.g. after reading a key rotation. */
    changeSubscriptionSideKey,
    /** Stop following a channel. */
    unsubscribe
}
