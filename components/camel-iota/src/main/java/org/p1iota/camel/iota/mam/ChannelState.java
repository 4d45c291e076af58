package org.p1iota.iota.mam;

import java.util.Objects;

/**
 * Where a MAM writer stands (mam-v0-notes §2): seed, mode, side key, security, and the tree position
 * (start, index, count, nextCount). Immutable and always valid: counts are powers of two and equal
 * (the references reuse a key index otherwise, notes §11). {@link #toString()} never shows the seed.
 */
public final class ChannelState {

    /** The largest tree a writer builds: 1024 leaves take a few seconds to derive the first time. */
    public static final int MAX_COUNT = 1024;

    private final String seed;
    private final MamMode mode;
    private final String sideKey;
    private final int security;
    private final long start;
    private final int index;
    private final int count;
    private final int nextCount;

    private ChannelState(String seed, MamMode mode, String sideKey, int security, long start, int index, int count,
            int nextCount) {
        this.seed = seed;
        this.mode = mode;
        this.sideKey = sideKey;
        this.security = security;
        this.start = start;
        this.index = index;
        this.count = count;
        this.nextCount = nextCount;
    }

    /** A new channel as both references start one: start 0, index 0, count 1, nextCount 1. */
    public static ChannelState initial(String seed, MamMode mode, String sideKey, int security) throws MamException {
        return of(seed, mode, sideKey, security, 0, 0, 1, 1);
    }

    /**
     * @param sideKey restricted: the key (up to 81 trytes, padded with 9); public and private: null or empty
     */
    public static ChannelState of(String seed, MamMode mode, String sideKey, int security, long start, int index,
            int count, int nextCount) throws MamException {
        MamTrytes.hash("seed", seed);
        Objects.requireNonNull(mode, "mode");
        String padded = MamTrytes.padSideKey(sideKey);
        boolean defaultKey = padded.equals(MamTrytes.padSideKey(null));
        if (mode == MamMode.RESTRICTED && defaultKey) {
            throw invalid("a restricted channel needs a side key");
        }
        if (mode != MamMode.RESTRICTED && !defaultKey) {
            throw invalid("only a restricted channel has a side key; " + mode.label() + " channels use none");
        }
        if (security < 1 || security > 3) {
            throw invalid("security must be 1, 2 or 3, not " + security);
        }
        if (start < 0) {
            throw invalid("start must not be negative, not " + start);
        }
        requirePowerOfTwo("count", count);
        requirePowerOfTwo("nextCount", nextCount);
        if (count != nextCount) {
            throw invalid("count (" + count + ") and nextCount (" + nextCount + ") must be equal: the references "
                    + "advance start by nextCount, so a different nextCount signs twice with one key");
        }
        if (index < 0 || index >= count) {
            throw invalid("index must be between 0 and count - 1 (" + (count - 1) + "), not " + index);
        }
        return new ChannelState(seed, mode, padded, security, start, index, count, nextCount);
    }

    private static void requirePowerOfTwo(String name, int value) throws MamException {
        if (value < 1 || value > MAX_COUNT || Integer.bitCount(value) != 1) {
            throw invalid(name + " must be a power of two from 1 to " + MAX_COUNT + ", not " + value);
        }
    }

    private static MamException invalid(String message) {
        return new MamException(MamException.Reason.INVALID_CHANNEL, message);
    }

    /** The state after one message, as both references advance it (notes §11). */
    public ChannelState advance() {
        if (index == count - 1) {
            return new ChannelState(seed, mode, sideKey, security, start + nextCount, 0, count, nextCount);
        }
        return new ChannelState(seed, mode, sideKey, security, start, index + 1, count, nextCount);
    }

    /** The same position with another side key (restricted channels only). */
    public ChannelState withSideKey(String newSideKey) throws MamException {
        return of(seed, mode, newSideKey, security, start, index, count, nextCount);
    }

    public String seed() {
        return seed;
    }

    public MamMode mode() {
        return mode;
    }

    /** The side key padded to 81 trytes (all 9 for public and private channels). */
    public String sideKey() {
        return sideKey;
    }

    public int security() {
        return security;
    }

    public long start() {
        return start;
    }

    public int index() {
        return index;
    }

    public int count() {
        return count;
    }

    public int nextCount() {
        return nextCount;
    }

    /** The key index the next message is signed with: start + index. */
    public long keyIndex() {
        return start + index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelState o && seed.equals(o.seed) && mode == o.mode && sideKey.equals(o.sideKey)
                && security == o.security && start == o.start && index == o.index && count == o.count
                && nextCount == o.nextCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, mode, sideKey, security, start, index, count, nextCount);
    }

    @Override
    public String toString() {
        return "ChannelState[mode=" + mode.label() + ", security=" + security + ", start=" + start + ", index=" + index
                + ", count=" + count + ", nextCount=" + nextCount + "]";
    }
}
