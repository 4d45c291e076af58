package org.p1iota.iota.pow;

import java.lang.reflect.Constructor;

/**
 * Picks a proof-of-work engine by name: {@code bitsliced} (the project's engine, the default),
 * {@code pearldiver} (jota's, the reference), or the class name of any {@link ProofOfWork} with a
 * constructor taking the thread count (an {@code int}) or none.
 */
public final class ProofOfWorkEngines {

    public static final String BITSLICED = "bitsliced";
    public static final String PEARLDIVER = "pearldiver";

    private ProofOfWorkEngines() {
    }

    /** @param threads 0 for one per available core */
    public static ProofOfWork defaultEngine(int threads) {
        return new BitslicedProofOfWork(threads);
    }

    public static ProofOfWork create(String engine, int threads) {
        if (engine == null || engine.isBlank() || engine.equalsIgnoreCase(BITSLICED)) {
            return defaultEngine(threads);
        }
        if (engine.equalsIgnoreCase(PEARLDIVER)) {
            return new PearlDiverProofOfWork(threads);
        }
        try {
            Class<? extends ProofOfWork> type = Class.forName(engine.trim()).asSubclass(ProofOfWork.class);
            try {
                Constructor<? extends ProofOfWork> withThreads = type.getConstructor(int.class);
                return withThreads.newInstance(threads);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("proof-of-work engine '" + engine + "' is neither 'bitsliced', 'pearldiver' nor the "
                    + "class name of a ProofOfWork with an (int threads) or no-argument constructor: " + e, e);
        }
    }
}
