package org.p1iota.iota.mam;

/**
 * The Curl-P-27 sponge that masks a payload (mam-v0-notes §5, §5a): keyed with side key and root,
 * then the clear header; each block of up to 243 trits is masked with the current rate, after which
 * the plaintext block is absorbed. Every call starts its own block sequence.
 */
final class MaskingSponge {

    private final CurlP curl = CurlP.p27();

    MaskingSponge(int[] sideKey, int[] root) {
        curl.absorb(sideKey).absorb(root);
    }

    void absorb(int[] trits, int offset, int length) {
        curl.absorb(trits, offset, length);
    }

    void mask(int[] plain, int offset, int length, int[] out, int outOffset) {
        for (int done = 0; done < length; done += CurlP.RATE) {
            int block = Math.min(CurlP.RATE, length - done);
            for (int i = 0; i < block; i++) {
                out[outOffset + done + i] = Trits.sum(plain[offset + done + i], curl.rateTrit(i));
            }
            curl.absorb(plain, offset + done, block);
        }
    }

    /** Unmasks one block sequence; {@code plain} may be the same array as {@code cipher}. */
    void unmask(int[] cipher, int offset, int length, int[] plain, int plainOffset) {
        for (int done = 0; done < length; done += CurlP.RATE) {
            unmaskBlock(cipher, offset + done, Math.min(CurlP.RATE, length - done), plain, plainOffset + done);
        }
    }

    /** One block of a sequence, for readers that unmask only as far as they need. */
    void unmaskBlock(int[] cipher, int offset, int block, int[] plain, int plainOffset) {
        for (int i = 0; i < block; i++) {
            plain[plainOffset + i] = Trits.sum(cipher[offset + i], -curl.rateTrit(i));
        }
        curl.absorb(plain, plainOffset, block);
    }

    int[] state() {
        return curl.copyState();
    }

    int[] rate() {
        return curl.rate();
    }

    /**
     * The security level a hash proves (notes §7): the smallest j whose prefix of 81·j trits sums to 0,
     * or 0 if there is none.
     */
    static int checksumSecurity(int[] hash) {
        int sum = 0;
        for (int level = 1; level <= 3; level++) {
            for (int i = (level - 1) * 81; i < level * 81; i++) {
                sum += hash[i];
            }
            if (sum == 0) {
                return level;
            }
        }
        return 0;
    }
}
