package org.p1iota.app.consent.message;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message of the p1-iota consent protocol. On the wire every message is a JSON object whose
 * {@code type} names the record and whose {@code version} is its type's {@link MessageType#version()}; {@link ProtocolCodec}
 * adds both when encoding and checks both when decoding, so the records hold only their fields.
 */
public sealed interface ProtocolMessage permits InboxMessage, ChannelEvent, DataChannelMessage, SealedContent {

    /** The version of every message type not yet changed; {@link MessageType#version()} says each type's. */
    int VERSION = 1;

    @JsonIgnore
    MessageType messageType();
}
