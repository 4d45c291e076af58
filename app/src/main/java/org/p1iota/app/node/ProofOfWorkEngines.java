package org.p1iota.app.node;

import java.lang.reflect.Constructor;

import org.p1iota.camel.iota.pow.PearlDiverProofOfWork;
import org.p1iota.camel.iota.pow.ProofOfWork;

/**
 * Picks the proof-of-work engine named by {@code node.pow-engine}: {@code pearldiver} (jota's, the
 * default) or the class name of any {@link ProofOfWork} with a constructor taking the thread count
 * (an {@code int}) or none. A ProofOfWork bean bound in the registry takes precedence (see NodeRole).
 */
public final class ProofOfWorkEngines {

    public static final String PEARLDIVER = "pearldiver";

    private ProofOfWorkEngines() {
    }

    public static ProofOfWork create(String engine, int threads) {
        if (engine == null || engine.isBlank() || engine.equalsIgnoreCase(PEARLDIVER)) {
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
            throw new IllegalArgumentException("node.pow-engine '" + engine + "' is neither 'pearldiver' nor the class "
                    + "name of a ProofOfWork with an (int threads) or no-argument constructor: " + e, e);
        }
    }
}
