package org.p1iota.camel.iota.pow;

/** The proof-of-work engine used when none is configured explicitly. */
public final class ProofOfWorkEngines {

    private ProofOfWorkEngines() {
    }

    /** @param threads 0 for one per available core */
    public static ProofOfWork defaultEngine(int threads) {
        return new PearlDiverProofOfWork(threads);
    }
}
