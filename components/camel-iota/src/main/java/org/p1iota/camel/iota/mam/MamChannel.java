package org.p1iota.iota.mam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory MAM v0 writer: creates the payload for the next message of a channel and advances.
 * Leaves and trees are cached, so with count 1 each message derives one new leaf (the next tree)
 * instead of two, and the key material of the last few leaves derived is kept until it signs, so
 * signing does not derive it again. Not durable and not thread-safe: {@link MamWriter} adds both.
 */
public final class MamChannel {

    private static final int KEPT_KEYS = 8;

    private ChannelState state;
    private final int[] seed;
    private final Map<Long, int[]> leaves = new HashMap<>();
    /** Squeezed key blocks of recently derived leaves, by key index; dropped once used or evicted. */
    private final Map<Long, int[]> keyBlocks = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
            return size() > KEPT_KEYS;
        }
    };
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
        int[] blocks = keyBlocks.get(state.keyIndex());
        if (blocks == null) {
            blocks = WinternitzKeys.keyBlocks(seed, state.keyIndex(), state.security());
        }
        String payload = PayloadCreator.create(blocks, state.security(), Trits.fromTrytes(state.sideKey()), tree.root(),
                state.index(), tree.siblings(state.index()), nextRoot, message);
        return new CreatedMessage(messageTrytes, root, MamAddresses.address(root, state.mode()), Trits.toTrytes(nextRoot),
                payload, state.keyIndex());
    }

    /** Moves to the next key, as the references do after a message. */
    public void advance() {
        moveTo(state.advance());
    }

    /**
     * Replaces the state (a new side key, another position) of this channel: same seed and security,
     * so the cached leaves stay valid.
     *
     * @throws IllegalArgumentException for another seed or security: that is another channel
     */
    public void moveTo(ChannelState newState) {
        if (!newState.seed().equals(state.seed()) || newState.security() != state.security()) {
            throw new IllegalArgumentException("a MamChannel keeps its seed and security; create another one for "
                    + newState);
        }
        state = newState;
        leaves.keySet().removeIf(keyIndex -> keyIndex < newState.start());
        keyBlocks.keySet().removeIf(keyIndex -> keyIndex < newState.keyIndex());
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
            treeLeaves[i] = leaves.computeIfAbsent(start + i, this::deriveLeaf);
        }
        return new MerkleTree(start, treeLeaves);
    }

    private int[] deriveLeaf(long keyIndex) {
        int[] blocks = WinternitzKeys.keyBlocks(seed, keyIndex, state.security());
        keyBlocks.put(keyIndex, blocks);
        return WinternitzKeys.leaf(blocks, state.security());
    }
}
