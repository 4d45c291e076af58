package org.p1iota.app.consent.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.iota.jota.utils.TrytesConverter;
import org.p1iota.app.consent.message.Check;

/**
 * The proof that My Home knows the pairing code: Kerl over four 81-tryte blocks, absorbed in order,
 * and 243 trits squeezed out (81 trytes).
 * <ol>
 * <li>the domain {@code PONEIOTA9PAIRING9PROOF9VONE}, right-padded with {@code 9} to 81 trytes;</li>
 * <li>the challenge (81 trytes, as sent in CHALLENGE);</li>
 * <li>the device's address (81 trytes), binding the proof to the device;</li>
 * <li>the pairing code's 20 canonical symbols as ASCII, each byte as two trytes (IOTA's ASCII-to-trytes:
 * {@code byte % 27}, then {@code byte / 27}, in {@code 9A-Z}), 40 trytes right-padded with {@code 9}.</li>
 * </ol>
 * Kerl maps each 243-trit block to 48 bytes and ignores the block's last trit, so a challenge carries
 * 80 random trytes and a final {@code 9} (see {@link ChallengeBook}). Verification compares the
 * trytes in constant time.
 */
public final class PairingProof {

    static final String DOMAIN = pad("PONEIOTA9PAIRING9PROOF9VONE");

    private PairingProof() {
    }

    public static String compute(String challenge, String deviceAddress, PairingCode code) {
        Check.hash("challenge", challenge);
        Check.hash("device", deviceAddress);
        String codeTrytes = pad(TrytesConverter.asciiToTrytes(code.canonical()));
        ICurl kerl = SpongeFactory.create(SpongeFactory.Mode.KERL);
        for (String block : new String[] {DOMAIN, challenge, deviceAddress, codeTrytes}) {
            int[] trits = Converter.trits(block);
            kerl.absorb(trits, 0, trits.length);
        }
        int[] proof = new int[243];
        kerl.squeeze(proof, 0, proof.length);
        return Converter.trytes(proof);
    }

    /** Constant-time check of a received proof; false for anything malformed. */
    public static boolean verify(String proof, String challenge, String deviceAddress, PairingCode code) {
        byte[] expected = compute(challenge, deviceAddress, code).getBytes(StandardCharsets.US_ASCII);
        byte[] received = proof == null ? new byte[0] : proof.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

    private static String pad(String trytes) {
        return trytes + "9".repeat(81 - trytes.length());
    }
}
