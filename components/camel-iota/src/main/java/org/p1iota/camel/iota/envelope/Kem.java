package org.p1iota.iota.envelope;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/** One key-encapsulation mechanism, over BouncyCastle's low-level API (no JCA provider needed). */
interface Kem {

    /** Bytes of key material {@link #derive} takes. */
    int DERIVATION_MATERIAL_LENGTH = 64;

    AsymmetricCipherKeyPair generate(SecureRandom random);

    /** The same 64 bytes always give the same key pair. */
    AsymmetricCipherKeyPair derive(byte[] material);

    /** The raw public key encoding (without scheme byte). */
    byte[] encodePublicKey(AsymmetricKeyParameter publicKey);

    /** Parses and validates a raw public key encoding of the right length. */
    AsymmetricKeyParameter decodePublicKey(byte[] raw) throws EnvelopeException;

    SecretWithEncapsulation encapsulate(AsymmetricKeyParameter publicKey, SecureRandom random);

    /**
     * The shared secret; both KEMs reject implicitly, so a foreign or altered encapsulation yields
     * an unrelated secret rather than an error, and the AEAD tag catches it.
     */
    byte[] decapsulate(AsymmetricKeyParameter privateKey, byte[] encapsulation);
}
