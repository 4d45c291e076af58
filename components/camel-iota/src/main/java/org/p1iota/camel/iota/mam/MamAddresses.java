package org.p1iota.iota.mam;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;

/**
 * Where a MAM v0 message is attached (mam-v0-notes §9): the root for public channels, Curl-P-81(root)
 * for private and restricted ones. The side key never enters the address.
 */
public final class MamAddresses {

    private MamAddresses() {
    }

    public static String address(String root, MamMode mode) throws MamException {
        int[] rootTrits = MamTrytes.hash("root", root);
        if (mode == MamMode.PUBLIC) {
            return root;
        }
        ICurl curl = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
        curl.absorb(rootTrits, 0, rootTrits.length);
        int[] out = new int[Trits.HASH_TRITS];
        curl.squeeze(out, 0, out.length);
        return Trits.toTrytes(out);
    }
}
