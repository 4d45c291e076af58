package org.p1iota.iota.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * A deterministic "random" stream: SHAKE256 over a domain label and the given material, read on
 * as an extendable output. Only for deriving key pairs from a seed, never for encapsulation or
 * nonces. It ignores setSeed so that nothing outside can perturb the stream.
 */
final class ShakeStreamRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private static final byte[] LABEL = "p1-iota/envelope-key-stream/v1".getBytes(StandardCharsets.US_ASCII);

    ShakeStreamRandom(byte[] material) {
        super(new Spi(material), null);
    }

    private static final class Spi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;
        private final transient SHAKEDigest shake = new SHAKEDigest(256);

        Spi(byte[] material) {
            shake.update(LABEL, 0, LABEL.length);
            shake.update(material, 0, material.length);
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // deliberately ignored: the stream is fixed by the material given at construction
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            shake.doOutput(bytes, 0, bytes.length);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] bytes = new byte[numBytes];
            engineNextBytes(bytes);
            return bytes;
        }
    }

    @Override
    public String getAlgorithm() {
        return "SHAKE256-stream";
    }
}
