package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.iota.jota.utils.Signing;

/**
 * Bundle rules IRI's BundleValidator applies during tip selection: walking from the tail along trunk,
 * indexes run 0..last with one lastIndex and one bundle hash; the Kerl hash of the essences is the
 * bundle hash; values sum to zero; every non-head transaction's branch is the head's trunk; inputs
 * (negative values) carry valid signatures.
 */
public final class BundleValidator {

    /** Essence: address, value, obsoleteTag, timestamp, currentIndex, lastIndex (trytes 2187..2349). */
    private static final int ESSENCE_OFFSET = 2187;
    private static final int ESSENCE_END = 2349;

    public enum Verdict { VALID, INVALID, INCOMPLETE }

    /**
     * @param tail             the tail transaction
     * @param bundleMembers    stored transactions with the tail's bundle hash (any order, may include reattachments)
     */
    public Verdict validate(NodeTransaction tail, List<NodeTransaction> bundleMembers) {
        if (!tail.isTail()) {
            return Verdict.INVALID;
        }
        Map<String, NodeTransaction> byHash = new HashMap<>();
        bundleMembers.forEach(t -> byHash.put(t.hash(), t));
        List<NodeTransaction> chain = new ArrayList<>();
        NodeTransaction current = tail;
        long last = tail.lastIndex();
        for (long index = 0; ; index++) {
            if (current.currentIndex() != index || current.lastIndex() != last || !current.bundle().equals(tail.bundle())) {
                return Verdict.INVALID;
            }
            chain.add(current);
            if (index == last) {
                break;
            }
            current = byHash.get(current.trunk());
            if (current == null) {
                return Verdict.INCOMPLETE;
            }
        }
        return rulesHold(chain) ? Verdict.VALID : Verdict.INVALID;
    }

    /** The head of a bundle {@link #validate} found VALID. */
    public NodeTransaction head(NodeTransaction tail, List<NodeTransaction> bundleMembers) {
        Map<String, NodeTransaction> byHash = new HashMap<>();
        bundleMembers.forEach(t -> byHash.put(t.hash(), t));
        NodeTransaction current = tail;
        while (current.currentIndex() < current.lastIndex()) {
            current = byHash.get(current.trunk());
        }
        return current;
    }

    private static boolean rulesHold(List<NodeTransaction> chain) {
        NodeTransaction head = chain.get(chain.size() - 1);
        long sum = 0;
        ICurl kerl = SpongeFactory.create(SpongeFactory.Mode.KERL);
        for (NodeTransaction t : chain) {
            sum += t.value();
            if (t != head && !t.branch().equals(head.trunk())) {
                return false;
            }
            int[] essence = Converter.trits(t.trytes().substring(ESSENCE_OFFSET, ESSENCE_END));
            kerl.absorb(essence, 0, essence.length);
        }
        int[] hash = new int[243];
        kerl.squeeze(hash, 0, hash.length);
        return sum == 0 && Converter.trytes(hash).equals(head.bundle()) && signaturesValid(chain);
    }

    private static boolean signaturesValid(List<NodeTransaction> chain) {
        Signing signing = new Signing(SpongeFactory.create(SpongeFactory.Mode.KERL));
        for (int i = 0; i < chain.size(); i++) {
            NodeTransaction input = chain.get(i);
            if (input.value() >= 0) {
                continue;
            }
            List<String> fragments = new ArrayList<>();
            fragments.add(input.trytes().substring(0, 2187));
            for (int j = i + 1; j < chain.size() && chain.get(j).address().equals(input.address())
                    && chain.get(j).value() == 0; j++) {
                fragments.add(chain.get(j).trytes().substring(0, 2187));
            }
            if (!signing.validateSignatures(input.address(), fragments.toArray(String[]::new), input.bundle())) {
                return false;
            }
        }
        return true;
    }
}
