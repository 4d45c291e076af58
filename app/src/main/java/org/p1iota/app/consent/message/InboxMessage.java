package org.p1iota.app.consent.message;

/**
 * A message sent as plain transactions to an inbox address: pairing and key delivery. The pairing
 * messages (version 2) name no device in clear: everything but their type is sealed.
 */
public sealed interface InboxMessage extends ProtocolMessage
        permits SealedPairingMessage, MamData {
    // no device(): MAM_DATA v2 names its device only inside the envelope, pairing messages only inside their seal
}
