package org.p1iota.app.node;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tip selection without a coordinator: among the most recent unapproved tails, pick two (uniformly at
 * random) whose bundle is complete and valid and whose past holds only valid bundles. With no such tip, the all-9 null hash is returned, the
 * solid entry point every transaction may approve. Bundle verdicts are remembered on the tail.
 */
public final class TipSelector {

    /** How many recent tips are considered; bounds the work per call as the tangle grows. */
    static final int CANDIDATES = 64;
    /** Largest bundle a candidate may have. */
    static final int MAX_BUNDLE = 1_000;
    /** Unchecked tails one check may walk through before giving up for now. */
    static final int MAX_WALK = 10_000;

    private final TangleStore store;
    private final BundleValidator bundleValidator = new BundleValidator();

    public TipSelector(TangleStore store) {
        this.store = store;
    }

    public record Tips(String trunk, String branch) {
    }

    public Tips select(Optional<String> reference) throws SQLException {
        if (reference.isPresent() && !isValidTail(reference.get())) {
            throw IriException.badRequest("java.security.InvalidAlgorithmParameterException: reference transaction is invalid");
        }
        List<TangleStore.Candidate> candidates = new ArrayList<>(store.tipCandidates(CANDIDATES));
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        List<String> chosen = new ArrayList<>(2);
        for (TangleStore.Candidate candidate : candidates) {
            if (chosen.size() == 2) {
                break;
            }
            if (candidate.bundleValidity() > 0 || (candidate.bundleValidity() == 0 && check(candidate.hash()))) {
                chosen.add(candidate.hash());
            }
        }
        String trunk = chosen.isEmpty() ? NodeTransaction.NULL_HASH : chosen.get(0);
        String branch = reference.orElse(chosen.size() > 1 ? chosen.get(1) : trunk);
        return new Tips(trunk, branch);
    }

    /** True when the hash is a stored tail of a complete, valid bundle. */
    public boolean isValidTail(String hash) throws SQLException {
        return store.transaction(hash).filter(NodeTransaction::isTail).isPresent() && check(hash);
    }

    /**
     * Validates a stored tail's bundle and its past: the bundle head's trunk and branch must be the
     * null hash or tails that pass the same check. Definite verdicts are stored on each tail, so a
     * past cone is walked once; a walk that meets a missing transaction, or more than
     * {@link #MAX_WALK} unchecked tails, is inconclusive and not remembered.
     */
    boolean check(String tailHash) throws SQLException {
        Deque<String> pending = new ArrayDeque<>(List.of(tailHash));
        Map<String, List<String>> parents = new HashMap<>();
        Set<String> valid = new HashSet<>();
        int walked = 0;
        while (!pending.isEmpty()) {
            String hash = pending.peek();
            if (NodeTransaction.NULL_HASH.equals(hash) || valid.contains(hash)) {
                pending.pop();
                continue;
            }
            List<String> heads = parents.get(hash);
            if (heads == null) {
                if (++walked > MAX_WALK) {
                    return false;
                }
                Verdict verdict = bundleOf(hash);
                if (verdict.known() != 0) {
                    if (verdict.known() < 0) {
                        return invalid(tailHash, hash);
                    }
                    valid.add(hash);
                    pending.pop();
                    continue;
                }
                if (verdict.parents() == null) {
                    return false; // incomplete: missing transactions may still arrive
                }
                parents.put(hash, verdict.parents());
                verdict.parents().forEach(pending::push);
            } else {
                pending.pop();
                valid.add(hash);
                store.markBundleValidity(hash, 1);
            }
        }
        return true;
    }

    private boolean invalid(String tailHash, String culprit) throws SQLException {
        store.markBundleValidity(culprit, -1);
        if (!culprit.equals(tailHash)) {
            store.markBundleValidity(tailHash, -1);
        }
        return false;
    }

    /** A stored verdict (1/-1), or 0 with the head's trunk and branch when the bundle itself is valid. */
    private record Verdict(int known, List<String> parents) {
    }

    private Verdict bundleOf(String hash) throws SQLException {
        Optional<NodeTransaction> tail = store.transaction(hash);
        if (tail.isEmpty()) {
            // a pruned transaction kept ones approve is solid and valid, like the null hash (IRI's solid entry points)
            return new Verdict(store.isEntryPoint(hash) ? 1 : 0, null);
        }
        if (!tail.get().isTail()) {
            return new Verdict(-1, null);
        }
        int stored = store.bundleValidity(hash);
        if (stored != 0) {
            return new Verdict(stored, null);
        }
        List<NodeTransaction> members = store.bundleTransactions(tail.get().bundle(), MAX_BUNDLE);
        BundleValidator.Verdict verdict = bundleValidator.validate(tail.get(), members);
        return switch (verdict) {
            case INVALID -> new Verdict(-1, null);
            case INCOMPLETE -> new Verdict(0, null);
            case VALID -> {
                NodeTransaction head = bundleValidator.head(tail.get(), members);
                yield new Verdict(0, List.of(head.trunk(), head.branch()));
            }
        };
    }
}
