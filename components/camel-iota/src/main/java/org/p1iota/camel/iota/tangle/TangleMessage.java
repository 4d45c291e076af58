package org.p1iota.iota.tangle;

/**
 * A message read from the tangle: one complete, valid zero-value bundle at an address.
 *
 * @param bundleHash          the bundle hash (the same for every reattachment of the bundle)
 * @param tailHash            hash of the transaction with currentIndex 0
 * @param address             the address the message was sent to
 * @param tag                 the tail transaction's tag
 * @param trytes              the signatureMessageFragments of the bundle, concatenated, padding included
 * @param attachmentTimestamp the tail's attachment timestamp in ms (its timestamp in s × 1000 when 0)
 */
public record TangleMessage(String bundleHash, String tailHash, String address, String tag, String trytes,
                            long attachmentTimestamp) {

    /**
     * What tells this message from any other: its bundle hash and a digest of its content (108 trytes).
     * The bundle hash alone does not do: it does not cover the message fragments, so anyone who sees a
     * message can attach a copy with the same bundle hash and other content.
     */
    public String messageKey() {
        return bundleHash + ZeroValueBundle.messageDigestTag(trytes);
    }
}
