package org.p1iota.app.consent.message;

/**
 * An event on My Home's private MAM channel, the household's event store. Every event names the
 * device it concerns, so a device acts only on its own.
 */
public sealed interface ChannelEvent extends ProtocolMessage
        permits DeviceAdded, DeviceDeleted, Authorized, AuthorizationRevoked {

    /** The inbox address of the device the event concerns. */
    String device();
}
