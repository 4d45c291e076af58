package org.p1iota.app.node;

/**
 * How a transaction is laid out in its row: the fields the API searches by (address, bundle, trunk,
 * branch, tag, obsolete tag) are columns of packed trits, and the {@code rest} column holds only the
 * other trits (message or signature, value, timestamps, indexes, attachment fields, nonce), so no
 * trit is stored twice. The obsolete tag column is null when it equals the tag, as it does for
 * almost every transaction, so that its index stays small.
 */
record TransactionRow(byte[] hash, byte[] address, byte[] bundle, byte[] trunk, byte[] branch, byte[] tag,
                      byte[] obsoleteTag, byte[] rest) {

    static final int HASH_BYTES = PackedTrits.size(81);
    static final int TAG_BYTES = PackedTrits.size(27);
    /** Trytes in {@code rest}: 2187 message + 27 value + 27 timestamp/indexes + 54 attachment fields and nonce. */
    static final int REST_TRYTES = 2187 + 27 + 27 + 54;
    static final int REST_BYTES = PackedTrits.size(REST_TRYTES);

    static TransactionRow of(NodeTransaction t) {
        String trytes = t.trytes();
        StringBuilder rest = new StringBuilder(REST_TRYTES).append(trytes, 0, 2187).append(trytes, 2268, 2295)
                .append(trytes, 2322, 2349).append(trytes, 2619, 2673);
        return new TransactionRow(hash(t.hash()), hash(t.address()), hash(t.bundle()), hash(t.trunk()),
                hash(t.branch()), tag(t.tag()), t.obsoleteTag().equals(t.tag()) ? null : tag(t.obsoleteTag()),
                PackedTrits.pack(rest));
    }

    /** The transaction's 2673 trytes, rebuilt from the row's columns. */
    String trytes() {
        String rest = PackedTrits.unpack(this.rest, REST_TRYTES);
        String tag = PackedTrits.unpack(this.tag, 27);
        return new StringBuilder(NodeTransaction.TRYTES).append(rest, 0, 2187).append(PackedTrits.unpack(address, 81))
                .append(rest, 2187, 2214).append(obsoleteTag == null ? tag : PackedTrits.unpack(obsoleteTag, 27))
                .append(rest, 2214, 2241).append(PackedTrits.unpack(bundle, 81)).append(PackedTrits.unpack(trunk, 81))
                .append(PackedTrits.unpack(branch, 81)).append(tag).append(rest, 2241, REST_TRYTES).toString();
    }

    static byte[] hash(String hash) {
        return PackedTrits.pack(hash);
    }

    static String hash(byte[] packed) {
        return PackedTrits.unpack(packed, 81);
    }

    static byte[] tag(String tag) {
        return PackedTrits.pack(tag);
    }
}
