package org.p1iota.iota.tangle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.iota.jota.model.Bundle;
import org.iota.jota.model.Transaction;
import org.iota.jota.pow.SpongeFactory;

/**
 * Builds the unattached transactions of a zero-value bundle that carries a message to one address:
 * the message split into 2187-tryte fragments (the last padded with {@code 9}), one transaction each,
 * with a Kerl bundle hash. Trunk, branch and nonce are left empty for attachToTangle.
 */
public final class ZeroValueBundle {

    public static final int FRAGMENT_TRYTES = 2187;
    public static final int HASH_TRYTES = 81;
    public static final int TAG_TRYTES = 27;

    private static final String NULL_HASH = "9".repeat(HASH_TRYTES);

    private ZeroValueBundle() {
    }

    /**
     * @param address       81 trytes (a 90-tryte address with checksum is cut to 81)
     * @param tag           up to 27 trytes
     * @param messageTrytes the message; may be empty (one transaction with an empty fragment)
     * @param timestampSeconds the bundle's timestamp
     * @return the transaction trytes in currentIndex order
     */
    public static List<String> build(String address, String tag, String messageTrytes, long timestampSeconds) {
        String addr = normaliseAddress(address);
        String paddedTag = normaliseTag(tag);
        if (!TryteCodec.isTrytes(messageTrytes)) {
            throw new IllegalArgumentException("the message must be trytes [9A-Z]");
        }
        List<String> fragments = fragments(messageTrytes);

        Bundle bundle = new Bundle();
        bundle.addEntry(fragments.size(), addr, 0, paddedTag, timestampSeconds);
        // The bundle hash covers the essence (address, value, obsoleteTag, timestamp, indexes) but not the
        // message: two messages to one address in the same second would share it, and readers that count
        // a bundle once would drop the second. A digest of the message in the obsoleteTag makes the
        // bundle hash depend on the message.
        String digest = messageDigestTag(messageTrytes);
        for (Transaction transaction : bundle.getTransactions()) {
            transaction.setObsoleteTag(digest);
        }
        bundle.finalize(SpongeFactory.create(SpongeFactory.Mode.KERL));
        bundle.addTrytes(fragments);

        List<String> trytes = new ArrayList<>(fragments.size());
        for (Transaction transaction : bundle.getTransactions()) {
            transaction.setTag(paddedTag);
            transaction.setTrunkTransaction(NULL_HASH);
            transaction.setBranchTransaction(NULL_HASH);
            transaction.setNonce("9".repeat(TAG_TRYTES));
            trytes.add(transaction.toTrytes());
        }
        return trytes;
    }

    /** 27 trytes derived from SHA-256 of the message: distinct messages get distinct bundle hashes. */
    static String messageDigestTag(String messageTrytes) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(messageTrytes.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder tag = new StringBuilder(TAG_TRYTES);
        for (int i = 0; i < TAG_TRYTES; i++) {
            tag.append(TryteCodec.ALPHABET.charAt((hash[i] & 0xFF) % 27));
        }
        return tag.toString();
    }

    static List<String> fragments(String messageTrytes) {
        List<String> fragments = new ArrayList<>();
        for (int start = 0; start < messageTrytes.length(); start += FRAGMENT_TRYTES) {
            String fragment = messageTrytes.substring(start, Math.min(messageTrytes.length(), start + FRAGMENT_TRYTES));
            fragments.add(padRight(fragment, FRAGMENT_TRYTES));
        }
        if (fragments.isEmpty()) {
            fragments.add("9".repeat(FRAGMENT_TRYTES));
        }
        return fragments;
    }

    public static String normaliseAddress(String address) {
        if (address == null || !(address.length() == HASH_TRYTES || address.length() == HASH_TRYTES + 9)
                || !TryteCodec.isTrytes(address)) {
            throw new IllegalArgumentException("an address is 81 trytes [9A-Z] (or 90 with its checksum): " + address);
        }
        return address.substring(0, HASH_TRYTES);
    }

    public static String normaliseTag(String tag) {
        String value = tag == null ? "" : tag;
        if (value.length() > TAG_TRYTES || !TryteCodec.isTrytes(value)) {
            throw new IllegalArgumentException("a tag is at most 27 trytes [9A-Z]: " + tag);
        }
        return padRight(value, TAG_TRYTES);
    }

    private static String padRight(String trytes, int length) {
        return trytes.length() >= length ? trytes : trytes + "9".repeat(length - trytes.length());
    }
}
