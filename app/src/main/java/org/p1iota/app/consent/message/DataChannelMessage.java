package org.p1iota.app.consent.message;

/** A message on a device's restricted MAM data channel. */
public sealed interface DataChannelMessage extends ProtocolMessage permits Data, KeyRotation, Readings {

    String device();
}
