package org.p1iota.iota.envelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Median times of key generation, derivation, seal and open for each scheme. Not a test: timings
 * on a shared machine are noisy, so they are printed, never asserted. Run after a build:
 * <pre>
 * mvn -B -o -q -pl components/camel-iota -am test-compile
 * java -cp components/camel-iota/target/classes:components/camel-iota/target/test-classes:\
 *     ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar \
 *     org.p1iota.iota.envelope.EnvelopeBenchmark [ITERATIONS]
 * </pre>
 */
public final class EnvelopeBenchmark {

    private static final String SEED = EnvelopeKeysTest.SEED;
    private static final byte[] ROOT_AND_SIDE_KEY = new byte[162];

    private interface Step {
        void run(int i) throws Exception;
    }

    private EnvelopeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf("%d iterations after %d warm-up, %d available processors, Java %s%n",
                iterations, iterations / 2, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| scheme | generate | derive | seal (162 B) | open | toTrytes | fromTrytes | trytes | tx |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (EnvelopeScheme scheme : EnvelopeScheme.values()) {
            EnvelopeKeyPair pair = EnvelopeKeys.derive(scheme, SEED, 0);
            Envelope envelope = KeyEnvelopes.seal(pair.publicKey(), ROOT_AND_SIDE_KEY);
            String trytes = envelope.toTrytes();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %d |%n", scheme,
                    median(iterations, i -> EnvelopeKeys.generate(scheme)),
                    median(iterations, i -> EnvelopeKeys.derive(scheme, SEED, i)),
                    median(iterations, i -> KeyEnvelopes.seal(pair.publicKey(), ROOT_AND_SIDE_KEY)),
                    median(iterations, i -> KeyEnvelopes.open(pair, envelope)),
                    median(iterations, i -> envelope.toTrytes()),
                    median(iterations, i -> Envelope.fromTrytes(trytes)),
                    trytes.length(), envelope.transactions());
        }
    }

    /** Median milliseconds of one step, after a warm-up of half as many runs. */
    private static String median(int iterations, Step step) throws Exception {
        for (int i = 0; i < iterations / 2; i++) {
            step.run(i);
        }
        List<Long> nanos = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run(i);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return String.format(Locale.ROOT, "%.3f ms", nanos.get(iterations / 2) / 1e6);
    }
}
