package org.p1iota.iota.mam;

/**
 * Reads and verifies MAM v0 payloads of both references (mam-v0-notes §10). The security level comes
 * from the hmac; trailing trits after the siblings are ignored; every length is checked against the
 * payload before it is used, so any input ends in a {@link MamMessage} or a {@link MamException}.
 */
public final class MamParser {

    /**
     * Only this many leading trytes are read (457 transactions, ten times the largest message both
     * references exchange); anything after them is trailing data, which MAM ignores anyway.
     */
    public static final int MAX_READ_TRYTES = 1_000_000;

    private MamParser() {
    }

    /**
     * @param payload trytes as attached (fragments concatenated; trailing {@code 9}s allowed)
     * @param root    the 81-tryte root the payload must be signed under
     * @param sideKey the side key (restricted), or null / empty for the all-9 key of public and private channels
     */
    public static MamMessage parse(String payload, String root, String sideKey) throws MamException {
        if (payload == null || payload.isEmpty() || !Trits.isTrytes(payload)) {
            throw new MamException(MamException.Reason.INVALID_TRYTES,
                    "the payload is " + (payload == null || payload.isEmpty() ? "empty" : "not made of trytes (9, A-Z)"));
        }
        int[] rootTrits = MamTrytes.hash("root", root);
        int[] keyTrits = Trits.fromTrytes(MamTrytes.padSideKey(sideKey));
        int[] trits = Trits.fromTrytes(payload.length() > MAX_READ_TRYTES ? payload.substring(0, MAX_READ_TRYTES) : payload);
        int end = trits.length;

        Pascal.Decoded index = Pascal.decode(trits, 0, end);
        Pascal.Decoded length = Pascal.decode(trits, index.length(), end);
        int header = index.length() + length.length();
        long messageLength = length.value();
        if (messageLength % 3 != 0) {
            throw new MamException(MamException.Reason.OUT_OF_BOUNDS,
                    "the message length field (" + messageLength + " trits) is not a whole number of trytes");
        }
        long nonceEnd = header + Trits.HASH_TRITS + messageLength + NonceSearch.NONCE_TRITS;
        if (nonceEnd > end) {
            throw new MamException(MamException.Reason.OUT_OF_BOUNDS,
                    "the payload ends before its message and nonce (needs " + nonceEnd + " trits, has " + end + ")");
        }
        MaskingSponge sponge = new MaskingSponge(keyTrits, rootTrits);
        sponge.absorb(trits, 0, header);
        int bodyLength = Trits.HASH_TRITS + (int) messageLength;
        int[] body = new int[bodyLength];
        sponge.unmask(trits, header, bodyLength, body, 0);
        int[] nonce = new int[NonceSearch.NONCE_TRITS];
        sponge.unmask(trits, header + bodyLength, nonce.length, nonce, 0);
        int[] hmac = sponge.rate();
        int security = MaskingSponge.checksumSecurity(hmac);
        if (security == 0) {
            throw new MamException(MamException.Reason.INVALID_HASH_SECURITY,
                    "the message hash has no valid security level: wrong root or side key, or a damaged payload");
        }

        TailReader tail = new TailReader(sponge, trits, (int) nonceEnd);
        int signatureLength = WinternitzKeys.FRAGMENTS_PER_LEVEL * security * Trits.HASH_TRITS;
        tail.require(signatureLength, "signature");
        int[] leaf = WinternitzKeys.leafFromSignature(tail.plain, 0, security, hmac);
        tail.unmaskUpTo(signatureLength + 12 * 4L);
        Pascal.Decoded siblings = Pascal.decode(tail.plain, signatureLength, tail.available());
        long pathStart = signatureLength + (long) siblings.length();
        // compare counts before multiplying: a forged count times 243 could overflow a long
        tail.require(siblings.value() > tail.plain.length / Trits.HASH_TRITS ? Long.MAX_VALUE
                : pathStart + siblings.value() * Trits.HASH_TRITS, "Merkle path");
        int[] computedRoot = MerkleTree.fold(leaf, tail.plain, (int) pathStart, (int) siblings.value(), index.value());
        if (!java.util.Arrays.equals(computedRoot, rootTrits)) {
            throw new MamException(MamException.Reason.INVALID_SIGNATURE, "the signature does not match the root");
        }
        return new MamMessage(Trits.toTrytes(body, Trits.HASH_TRITS, (int) messageLength),
                Trits.toTrytes(body, 0, Trits.HASH_TRITS));
    }

    /** Unmasks the part after the nonce block by block, only as far as the parser needs it. */
    private static final class TailReader {
        private final MaskingSponge sponge;
        private final int[] cipher;
        private final int offset;
        private final int[] plain;
        private int done;

        TailReader(MaskingSponge sponge, int[] cipher, int offset) {
            this.sponge = sponge;
            this.cipher = cipher;
            this.offset = offset;
            this.plain = new int[cipher.length - offset];
        }

        int available() {
            return done;
        }

        void unmaskUpTo(long wanted) {
            while (done < wanted && done < plain.length) {
                int block = Math.min(CurlP.RATE, plain.length - done);
                sponge.unmaskBlock(cipher, offset + done, block, plain, done);
                done += block;
            }
        }

        void require(long length, String what) throws MamException {
            if (length > plain.length) {
                throw new MamException(MamException.Reason.OUT_OF_BOUNDS,
                        "the payload ends inside its " + what + " (needs " + length + " trits after the nonce, has "
                                + plain.length + ")");
            }
            unmaskUpTo(length);
        }
    }
}
