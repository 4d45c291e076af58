package org.p1iota.camel.iota.mam;

import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory MAM v0 writer: creates the payload for the next message of a channel and advances.
 * Leaves and trees are cached, so with count 1 each message derives one new leaf (the next tree)
 * instead of two. Not durable and not thread-safe: {@link MamWriter} adds both.
 */
public final class MamChannel {

    private ChannelState state;
    private final int[] seed;
    private final Map<Long, int[]> leaves = new HashMap<>();
    private MerkleTree current;
    private MerkleTree next;

    public MamChannel(ChannelState state) {
        this.state = state;
        this.seed = Trits.fromTrytes(state.seed());
    }

    public ChannelState state() {
        return state;
    }

    /** Creates the payload of the next message without advancing; the same state and message give the same payload. */
    public CreatedMessage create(String messageTrytes) throws MamException {
        int[] message = MamTrytes.message(messageTrytes);
        MerkleTree tree = currentTree();
        int[] nextRoot = nextTree().root();
        String root = Trits.toTrytes(tree.root());
        String payload = PayloadCreator.create(seed, state.security(), Trits.fromTrytes(state.sideKey()), tree.root(),
                state.keyIndex(), state.index(), tree.siblings(state.index()), nextRoot, message);
        return new CreatedMessage(messageTrytes, root, MamAddresses.address(root, state.mode()), Trits.toTrytes(nextRoot),
                payload, state.keyIndex());
    }

    /** Moves to the next key, as the references do after a message. */
    public void advance() {
        moveTo(state.advance());
    }

    /** Replaces the state (a new side key, or a state loaded from a store); the caches stay valid for the same seed. */
    public void moveTo(ChannelState newState) {
        if (!newState.seed().equals(state.seed()) || newState.security() != state.security()) {
            leaves.clear();
            current = null;
            next = null;
        }
        state = newState;
        leaves.keySet().removeIf(keyIndex -> keyIndex < newState.start());
    }

    /** Root of the current tree: where the next message is found. */
    public String root() {
        return Trits.toTrytes(currentTree().root());
    }

    public String address() throws MamException {
        return MamAddresses.address(root(), state.mode());
    }

    private MerkleTree currentTree() {
        if (current == null || current.start() != state.start() || current.count() != state.count()) {
            current = next != null && next.start() == state.start() && next.count() == state.count()
                    ? next : tree(state.start(), state.count());
        }
        return current;
    }

    private MerkleTree nextTree() {
        long nextStart = state.start() + state.count();
        if (next == null || next.start() != nextStart || next.count() != state.nextCount()) {
            next = tree(nextStart, state.nextCount());
        }
        return next;
    }

    private MerkleTree tree(long start, int count) {
        int[][] treeLeaves = new int[count][];
        for (int i = 0; i < count; i++) {
            treeLeaves[i] = leaves.computeIfAbsent(start + i, keyIndex -> WinternitzKeys.leaf(seed, keyIndex, state.security()));
        }
        return new MerkleTree(start, treeLeaves);
    }
}
