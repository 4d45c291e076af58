package org.p1iota.iota.mam;

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
        // the project's Curl-P on the packed state: a follower asks this of every channel it moves on
        return Trits.toTrytes(new CurlP(CurlP.ROUNDS_81).absorb(rootTrits).rate());
    }
}
