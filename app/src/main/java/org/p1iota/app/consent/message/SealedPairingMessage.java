package org.p1iota.app.consent.message;

/**
 * The wire form shared by the four pairing messages of version 2: nothing in clear but {@code type},
 * {@code version} and {@code sealed}, the AES-256-GCM box of the content under a key derived from
 * the device's pairing code ({@code PairingSeal}). Who it is from, for whom and which pairing it
 * belongs to are all inside.
 */
public sealed interface SealedPairingMessage extends InboxMessage permits ClaimDevice, Challenge, AnswerChallenge, ClaimResult {

    /** Nonce 12 + content (at most about 400 bytes) + tag 16, in base64url; anything longer is garbage. */
    int MAX_SEALED = 1024;

    /** Unpadded base64url of nonce ‖ ciphertext ‖ tag. */
    String sealed();
}
