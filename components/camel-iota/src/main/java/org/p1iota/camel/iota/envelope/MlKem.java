package org.p1iota.iota.envelope;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768. Key pairs always come from FIPS 203's 64-byte seed (d || z), whether random or
 * derived, so a derived key pair is reproducible by any FIPS 203 implementation.
 */
final class MlKem implements Kem {

    private static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_768;

    @Override
    public AsymmetricCipherKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[DERIVATION_MATERIAL_LENGTH];
        random.nextBytes(seed);
        return derive(seed);
    }

    @Override
    public AsymmetricCipherKeyPair derive(byte[] material) {
        MLKEMPrivateKeyParameters privateKey = new MLKEMPrivateKeyParameters(PARAMETERS, material);
        return new AsymmetricCipherKeyPair(privateKey.getPublicKeyParameters(), privateKey);
    }

    @Override
    public byte[] encodePublicKey(AsymmetricKeyParameter publicKey) {
        return ((MLKEMPublicKeyParameters) publicKey).getEncoded();
    }

    @Override
    public AsymmetricKeyParameter decodePublicKey(byte[] raw) throws EnvelopeException {
        try {
            // the constructor performs FIPS 203's modulus check on the encapsulation key
            return new MLKEMPublicKeyParameters(PARAMETERS, raw);
        } catch (IllegalArgumentException e) {
            throw new EnvelopeException(EnvelopeException.Reason.BAD_KEY, "not a valid ML-KEM-768 public key", e);
        }
    }

    @Override
    public SecretWithEncapsulation encapsulate(AsymmetricKeyParameter publicKey, SecureRandom random) {
        return new MLKEMGenerator(random).generateEncapsulated(publicKey);
    }

    @Override
    public byte[] decapsulate(AsymmetricKeyParameter privateKey, byte[] encapsulation) {
        return new MLKEMExtractor((MLKEMPrivateKeyParameters) privateKey).extractSecret(encapsulation);
    }
}
