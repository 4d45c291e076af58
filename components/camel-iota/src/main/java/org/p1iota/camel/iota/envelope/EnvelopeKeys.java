package org.p1iota.iota.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.p1iota.iota.envelope.EnvelopeException.Reason;

/** Creates envelope key pairs: fresh from a SecureRandom, or reproducibly from an IOTA seed. */
public final class EnvelopeKeys {

    private static final int SEED_TRYTES = 81;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeKeys() {
    }

    /** A fresh key pair. */
    public static EnvelopeKeyPair generate(EnvelopeScheme scheme) {
        return EnvelopeKeyPair.of(scheme, scheme.kem().generate(RANDOM));
    }

    /**
     * The key pair number {@code index} of an IOTA seed: the same seed, index and scheme give the
     * same key pair on every run, so a provider can re-create the key of any consent request from
     * its seed. Key material is SHAKE256 over a domain label, the scheme id, the 81 seed trytes
     * (ASCII) and the index (4 bytes, big-endian): ML-KEM-768 takes 64 bytes of it as its FIPS 203
     * seed (d || z); NTRU's key generator reads a SHAKE256 stream keyed by it.
     */
    public static EnvelopeKeyPair derive(EnvelopeScheme scheme, String seed, int index) throws EnvelopeException {
        checkSeed(seed);
        if (index < 0) {
            throw new EnvelopeException(Reason.BAD_KEY, "key index must not be negative, was " + index);
        }
        byte[] material = keyMaterial(scheme, seed, index);
        try {
            return EnvelopeKeyPair.of(scheme, scheme.kem().derive(material));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static byte[] keyMaterial(EnvelopeScheme scheme, String seed, int index) {
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] seedBytes = seed.getBytes(StandardCharsets.US_ASCII);
        shake.update(EnvelopeFormat.DERIVATION_LABEL, 0, EnvelopeFormat.DERIVATION_LABEL.length);
        shake.update(scheme.id());
        shake.update(seedBytes, 0, seedBytes.length);
        shake.update((byte) (index >>> 24));
        shake.update((byte) (index >>> 16));
        shake.update((byte) (index >>> 8));
        shake.update((byte) index);
        Arrays.fill(seedBytes, (byte) 0);
        byte[] material = new byte[Kem.DERIVATION_MATERIAL_LENGTH];
        shake.doFinal(material, 0, material.length);
        return material;
    }

    /** Says what is wrong without echoing the seed. */
    private static void checkSeed(String seed) throws EnvelopeException {
        if (seed == null || seed.length() != SEED_TRYTES) {
            throw new EnvelopeException(Reason.BAD_KEY, "a seed has " + SEED_TRYTES + " trytes, this one "
                    + (seed == null ? "is missing" : "has " + seed.length()));
        }
        for (int i = 0; i < SEED_TRYTES; i++) {
            char c = seed.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                throw new EnvelopeException(Reason.BAD_KEY, "seed character " + i + " is not a tryte (9, A-Z)");
            }
        }
    }
}
