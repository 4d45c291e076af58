package org.p1iota.iota.pow;

import java.lang.reflect.InvocationTargetException;

/**
 * Picks the {@link CurlRound} implementation. The vector one needs the incubating
 * {@code jdk.incubator.vector} module, which the JVM only resolves when started with
 * {@code --add-modules jdk.incubator.vector}; without it the plain-long one is used, so the engine
 * runs on any Java 17 runtime. The vector class is loaded reflectively so that its absence never
 * breaks class loading of the rest of the engine.
 */
public final class CurlRounds {

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private CurlRounds() {
    }

    /** True when this JVM was started with the vector module. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    static CurlRound scalar() {
        return new ScalarCurlRound();
    }

    /**
     * The vector kernel: one register per trit (512 candidates per batch with AVX-512).
     *
     * @throws IllegalStateException when the vector module is not resolved (see class comment)
     */
    static CurlRound vector() {
        if (!vectorAvailable()) {
            throw new IllegalStateException("the vector kernel needs the JVM option --add-modules "
                    + VECTOR_MODULE + " (set P1IOTA_JAVA_OPTS for ./p1-iota)");
        }
        try {
            return (CurlRound) Class.forName(CurlRounds.class.getPackageName() + ".VectorCurlRound")
                    .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                 | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("vector kernel unavailable", e);
        }
    }

    /** The vector kernel when the runtime has it and its registers are wider than one long, else scalar. */
    static CurlRound fastest() {
        if (vectorAvailable()) {
            CurlRound vector = vector();
            if (vector.wordsPerTrit() > 1) {
                return vector;
            }
        }
        return scalar();
    }
}
