package org.p1iota.app.node;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tip selection without a coordinator: among the most recent unapproved tails, pick two (uniformly at
 * random) whose bundle is complete and valid. With no such tip, the all-9 null hash is returned, the
 * solid entry point every transaction may approve. Bundle verdicts are remembered on the tail.
 */
public final class TipSelector {

    /** How many recent tips are considered; bounds the work per call as the tangle grows. */
    static final int CANDIDATES = 64;
    /** Largest bundle a candidate may have. */
    static final int MAX_BUNDLE = 1_000;

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
        return store.trytes(hash).map(NodeTransaction::parse).filter(NodeTransaction::isTail).isPresent() && check(hash);
    }

    /** Validates the bundle of a stored tail and records a definite verdict. */
    boolean check(String tailHash) throws SQLException {
        Optional<NodeTransaction> tail = store.trytes(tailHash).map(NodeTransaction::parse);
        if (tail.isEmpty()) {
            return false;
        }
        List<NodeTransaction> members = store.bundleTrytes(tail.get().bundle(), MAX_BUNDLE).stream()
                .map(NodeTransaction::parse).toList();
        BundleValidator.Verdict verdict = bundleValidator.validate(tail.get(), members);
        if (verdict != BundleValidator.Verdict.INCOMPLETE) {
            store.markBundleValidity(tailHash, verdict == BundleValidator.Verdict.VALID ? 1 : -1);
        }
        return verdict == BundleValidator.Verdict.VALID;
    }
}
