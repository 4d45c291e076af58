package org.p1iota.iota.envelope;

import java.util.Optional;

/**
 * The key-encapsulation mechanisms an envelope can be sealed with. The {@link #id()} byte is
 * written in every envelope and every encoded public key, so a reader knows how to open it; ids
 * are never reused for another scheme.
 */
public enum EnvelopeScheme {

    /**
     * NTRU-HPS-2048-677 KEM (NIST round 3), BouncyCastle's {@code ntruhps2048677}: the NTRU family
     * the original system used (its NTRUEncrypt EES743EP1 is no longer available anywhere).
     */
    NTRU_HPS_2048_677((byte) 0x01, "NTRU-HPS-2048-677", 930, 930, new NtruKem()),

    /** ML-KEM-768 (FIPS 203). */
    ML_KEM_768((byte) 0x02, "ML-KEM-768", 1184, 1088, new MlKem());

    private final byte id;
    private final String displayName;
    private final int publicKeyLength;
    private final int encapsulationLength;
    private final Kem kem;

    EnvelopeScheme(byte id, String displayName, int publicKeyLength, int encapsulationLength, Kem kem) {
        this.id = id;
        this.displayName = displayName;
        this.publicKeyLength = publicKeyLength;
        this.encapsulationLength = encapsulationLength;
        this.kem = kem;
    }

    /** The byte that names this scheme in envelopes and public key encodings. */
    public byte id() {
        return id;
    }

    /** The standard name, e.g. {@code ML-KEM-768}. */
    public String displayName() {
        return displayName;
    }

    /** Length of the raw public key in bytes (without the scheme byte). */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** Length of the KEM encapsulation (ciphertext) in bytes. */
    public int encapsulationLength() {
        return encapsulationLength;
    }

    /** Bytes of an envelope of this scheme carrying {@code plaintextLength} bytes. */
    public int envelopeBytes(int plaintextLength) {
        return EnvelopeFormat.HEADER_LENGTH + encapsulationLength + plaintextLength + EnvelopeFormat.TAG_LENGTH;
    }

    /** Trytes of such an envelope in its {@link Envelope#toTrytes() tryte form}. */
    public int envelopeTrytes(int plaintextLength) {
        return DenseTrytes.trytesFor(envelopeBytes(plaintextLength));
    }

    /** The largest plaintext whose envelope fits in {@code transactions} zero-value transactions. */
    public int maxPlaintextIn(int transactions) {
        int maxBytes = DenseTrytes.maxBytesIn(transactions * EnvelopeFormat.TRANSACTION_MESSAGE_TRYTES);
        return Math.min(EnvelopeFormat.MAX_PLAINTEXT_LENGTH, Math.max(0, maxBytes - envelopeBytes(0)));
    }

    Kem kem() {
        return kem;
    }

    /** The scheme named by an id byte, if any. */
    public static Optional<EnvelopeScheme> byId(byte id) {
        for (EnvelopeScheme scheme : values()) {
            if (scheme.id == id) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
