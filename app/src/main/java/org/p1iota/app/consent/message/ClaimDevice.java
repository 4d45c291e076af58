package org.p1iota.app.consent.message;

/**
 * My Home to device: "I want to pair with you". Sealed content: claim id, My Home's inbox (where replies go) and when the claim was made (`ClaimContent`).
 * Version 2: see {@link SealedPairingMessage}.
 */
public record ClaimDevice(String sealed) implements SealedPairingMessage {

    public ClaimDevice {
        Check.base64url("sealed", sealed, MAX_SEALED);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CLAIM_DEVICE;
    }
}
