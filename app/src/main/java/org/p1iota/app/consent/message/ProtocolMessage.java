package org.p1iota.app.consent.message;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message of the p1-iota consent protocol. On the wire every message is a JSON object whose
 * {@code type} names the record and whose {@code version} is {@link #VERSION}; {@link ProtocolCodec}
 * adds both when encoding and checks both when decoding, so the records hold only their fields.
 */
public sealed interface ProtocolMessage permits InboxMessage, ChannelEvent, DataChannelMessage, SealedContent {

    /** The protocol version this release writes and the only one it reads. */
    int VERSION = 1;

    @JsonIgnore
    MessageType messageType();
}
