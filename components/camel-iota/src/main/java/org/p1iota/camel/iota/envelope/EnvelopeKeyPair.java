package org.p1iota.iota.envelope;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A recipient's key pair. The private key never leaves this class's package: it is used only to
 * open envelopes, and {@link #toString()} shows the scheme and public fingerprint alone. Persist a
 * key pair by keeping the seed and index it was {@link EnvelopeKeys#derive derived} from.
 */
public final class EnvelopeKeyPair {

    private final EnvelopePublicKey publicKey;
    private final AsymmetricKeyParameter privateKey;

    private EnvelopeKeyPair(EnvelopePublicKey publicKey, AsymmetricKeyParameter privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static EnvelopeKeyPair of(EnvelopeScheme scheme, AsymmetricCipherKeyPair pair) {
        return new EnvelopeKeyPair(EnvelopePublicKey.of(scheme, pair.getPublic()), pair.getPrivate());
    }

    public EnvelopeScheme scheme() {
        return publicKey.scheme();
    }

    public EnvelopePublicKey publicKey() {
        return publicKey;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "EnvelopeKeyPair[" + publicKey.scheme() + " " + publicKey.fingerprint() + ", private key hidden]";
    }
}
