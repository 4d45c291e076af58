package org.p1iota.iota.envelope;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.pqc.crypto.ntru.NTRUKEMExtractor;
import org.bouncycastle.pqc.crypto.ntru.NTRUKEMGenerator;
import org.bouncycastle.pqc.crypto.ntru.NTRUKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntru.NTRUKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntru.NTRUParameters;
import org.bouncycastle.pqc.crypto.ntru.NTRUPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntru.NTRUPublicKeyParameters;

/**
 * NTRU-HPS-2048-677 KEM. NTRU has no standard seed format: a derived key pair comes from feeding
 * a deterministic stream to BouncyCastle's key generator, so it depends on how that generator
 * consumes randomness. The BouncyCastle version is pinned and a known-answer test guards it.
 */
final class NtruKem implements Kem {

    private static final NTRUParameters PARAMETERS = NTRUParameters.ntruhps2048677;

    @Override
    public AsymmetricCipherKeyPair generate(SecureRandom random) {
        NTRUKeyPairGenerator generator = new NTRUKeyPairGenerator();
        generator.init(new NTRUKeyGenerationParameters(random, PARAMETERS));
        return generator.generateKeyPair();
    }

    @Override
    public AsymmetricCipherKeyPair derive(byte[] material) {
        return generate(new ShakeStreamRandom(material));
    }

    @Override
    public byte[] encodePublicKey(AsymmetricKeyParameter publicKey) {
        return ((NTRUPublicKeyParameters) publicKey).getPublicKey();
    }

    @Override
    public AsymmetricKeyParameter decodePublicKey(byte[] raw) {
        // any 930 bytes unpack to a polynomial; the caller has checked the length
        return new NTRUPublicKeyParameters(PARAMETERS, raw);
    }

    @Override
    public SecretWithEncapsulation encapsulate(AsymmetricKeyParameter publicKey, SecureRandom random) {
        return new NTRUKEMGenerator(random).generateEncapsulated(publicKey);
    }

    @Override
    public byte[] decapsulate(AsymmetricKeyParameter privateKey, byte[] encapsulation) {
        return new NTRUKEMExtractor((NTRUPrivateKeyParameters) privateKey).extractSecret(encapsulation);
    }
}
