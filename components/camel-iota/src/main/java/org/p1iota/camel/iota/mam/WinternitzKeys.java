package org.p1iota.iota.mam;

/**
 * MAM's one-time keys (mam-v0-notes §3, §8), all Curl-P-27: the key for index i comes from
 * H(seed + i); 27·s blocks squeezed from it; each fragment is H(block); the leaf is H(digest of the
 * 26-fold hashed fragments). Signing hashes fragment k (13 - v_k) more times for hmac tryte value v_k.
 */
final class WinternitzKeys {

    static final int FRAGMENTS_PER_LEVEL = 27;
    private static final int CHAIN = 26;

    private WinternitzKeys() {
    }

    /** The squeezed blocks for key index {@code keyIndex}; their hashes are the private key fragments. */
    static int[] keyBlocks(int[] seed, long keyIndex, int security) {
        int[] subseedInput = seed.clone();
        Trits.add(subseedInput, keyIndex);
        int[] subseed = CurlP.hash(subseedInput);
        int fragments = FRAGMENTS_PER_LEVEL * security;
        int[] blocks = new int[fragments * Trits.HASH_TRITS];
        CurlP sponge = CurlP.p27().absorb(subseed);
        for (int k = 0; k < fragments; k++) {
            if (k > 0) {
                sponge.transform();
            }
            sponge.rate(blocks, k * Trits.HASH_TRITS);
        }
        return blocks;
    }

    /** The leaf hash ("address") of the key made from {@code blocks} (see {@link #keyBlocks}). */
    static int[] leaf(int[] blocks, int security) {
        int[] steps = new int[FRAGMENTS_PER_LEVEL * security];
        java.util.Arrays.fill(steps, 1 + CHAIN); // H(block) is the fragment, then 26 more
        return leafFromChainEnds(HashChains.run(blocks, steps));
    }

    /** Signature of {@code hmac}'s first 27·s trytes with the key made from {@code blocks}. */
    static int[] sign(int[] blocks, int security, int[] hmac) {
        int[] steps = new int[FRAGMENTS_PER_LEVEL * security];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = 1 + 13 - Trits.tryteValue(hmac, 3 * k);
        }
        return HashChains.run(blocks, steps);
    }

    /** The leaf hash a signature of {@code hmac} at {@code security} proves. */
    static int[] leafFromSignature(int[] signature, int offset, int security, int[] hmac) {
        int fragments = FRAGMENTS_PER_LEVEL * security;
        int[] parts = new int[fragments * Trits.HASH_TRITS];
        System.arraycopy(signature, offset, parts, 0, parts.length);
        int[] steps = new int[fragments];
        for (int k = 0; k < fragments; k++) {
            steps[k] = 13 + Trits.tryteValue(hmac, 3 * k);
        }
        return leafFromChainEnds(HashChains.run(parts, steps));
    }

    private static int[] leafFromChainEnds(int[] ends) {
        int[] digest = CurlP.p27().absorb(ends).rate();
        return CurlP.hash(digest);
    }
}
