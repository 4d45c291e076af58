package org.p1iota.iota.mam;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree over the leaves of key indices {@code start..start+count-1} (count a power of two):
 * a parent is H(left || right). Keeps every level so that sibling paths cost nothing.
 */
final class MerkleTree {

    private final long start;
    private final List<int[][]> levels = new ArrayList<>();

    MerkleTree(long start, int[][] leaves) {
        this.start = start;
        int[][] level = leaves;
        levels.add(level);
        while (level.length > 1) {
            int[][] parents = new int[(level.length + 1) / 2][];
            for (int i = 0; i < parents.length; i++) {
                parents[i] = 2 * i + 1 < level.length ? parent(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(parents);
            level = parents;
        }
    }

    static int[] parent(int[] left, int[] right) {
        int[] both = new int[2 * Trits.HASH_TRITS];
        System.arraycopy(left, 0, both, 0, Trits.HASH_TRITS);
        System.arraycopy(right, 0, both, Trits.HASH_TRITS, Trits.HASH_TRITS);
        return CurlP.hash(both);
    }

    long start() {
        return start;
    }

    int count() {
        return levels.get(0).length;
    }

    int[] root() {
        return levels.get(levels.size() - 1)[0];
    }

    /** Siblings of leaf {@code index}, leaf level first, back to back. */
    int[] siblings(int index) {
        int[] path = new int[(levels.size() - 1) * Trits.HASH_TRITS];
        int position = index;
        for (int level = 0; level < levels.size() - 1; level++) {
            System.arraycopy(levels.get(level)[position ^ 1], 0, path, level * Trits.HASH_TRITS, Trits.HASH_TRITS);
            position >>= 1;
        }
        return path;
    }

    /** Folds a leaf up its path: bit t of {@code index} says whether the node is the right child at level t. */
    static int[] fold(int[] leaf, int[] trits, int offset, int siblings, long index) {
        int[] node = leaf;
        int[] sibling = new int[Trits.HASH_TRITS];
        for (int t = 0; t < siblings; t++) {
            System.arraycopy(trits, offset + t * Trits.HASH_TRITS, sibling, 0, Trits.HASH_TRITS);
            boolean right = t < 63 && ((index >>> t) & 1) == 1;
            node = right ? parent(sibling, node) : parent(node, sibling);
        }
        return node;
    }
}
