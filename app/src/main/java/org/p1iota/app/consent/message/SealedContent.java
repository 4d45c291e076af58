package org.p1iota.app.consent.message;

/**
 * The plaintext inside a key envelope. It never travels in clear: it is encoded with the codec,
 * sealed for a provider's public key, and the envelope's trytes are what {@link MamData} and
 * {@link KeyRotation} carry. Typed and versioned like every other message so that a provider can
 * check what it opened.
 */
public sealed interface SealedContent extends ProtocolMessage permits ChannelKeys, RotatedKey {

    /** The consent policy the secret was sealed for; the provider checks it is its own. */
    String policyId();
}
