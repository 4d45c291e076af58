package org.p1iota.app.consent.message;

/** A message sent as plain transactions to an inbox address: pairing and key delivery. */
public sealed interface InboxMessage extends ProtocolMessage
        permits ClaimDevice, Challenge, AnswerChallenge, ClaimResult, MamData {
    // no device(): MAM_DATA v2 names its device only inside the envelope
}
