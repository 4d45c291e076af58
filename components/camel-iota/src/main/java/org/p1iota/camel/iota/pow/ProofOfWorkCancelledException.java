package org.p1iota.iota.pow;

/**
 * A nonce search ended without a result because it was stopped: an explicit cancel
 * (interruptAttachingToTangle), or the engine was closed (route or node shutdown). It is an
 * {@link InterruptedException} so callers of {@link ProofOfWork#search} handle every way a search can be
 * stopped in one place.
 */
public class ProofOfWorkCancelledException extends InterruptedException {

    private static final long serialVersionUID = 1L;

    public ProofOfWorkCancelledException(String message) {
        super(message);
    }
}
