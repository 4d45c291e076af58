package org.p1iota.app.consent.delivery;

/** Opens an envelope (trytes) with the provider's own key pair; the counterpart of {@link EnvelopeSealer}. */
@FunctionalInterface
public interface EnvelopeOpener {

    /** @throws EnvelopeFailure when the envelope was sealed for another key or altered */
    byte[] open(String envelopeTrytes) throws EnvelopeFailure;
}
