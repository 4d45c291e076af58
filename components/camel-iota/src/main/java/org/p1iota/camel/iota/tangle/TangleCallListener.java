package org.p1iota.iota.tangle;

/**
 * Told about each node call a {@link TangleClient} makes (every attempt, with its outcome) and each proof of
 * work it does locally: the hook metrics hang on, so that the client itself knows nothing of a meter registry.
 * Called on the calling thread; an implementation must be quick and must not throw.
 */
public interface TangleCallListener {

    /** What became of one attempt of a node call. */
    enum Outcome {
        /** the node answered */
        OK,
        /** the node answered and said no (HTTP 400/401/500): not repeated */
        REFUSED,
        /** no answer (connection refused, timeout): repeated by the retry policy */
        UNREACHABLE
    }

    /** Listens to nothing: the client's default. */
    TangleCallListener NONE = new TangleCallListener() {
        @Override
        public void nodeCall(String command, long nanos, Outcome outcome) {
        }
    };

    /** @param command the IRI command, e.g. {@code findTransactions}, {@code attachToTangle} */
    void nodeCall(String command, long nanos, Outcome outcome);

    /** A bundle's proof of work done in this process ({@code localPow=true}). */
    default void localProofOfWork(int transactions, int minWeightMagnitude, long nanos) {
    }
}
