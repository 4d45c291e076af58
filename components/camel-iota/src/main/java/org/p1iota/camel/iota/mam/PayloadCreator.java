package org.p1iota.iota.mam;

/**
 * Lays out and masks one payload (mam-v0-notes §4, §5): clear header, masked nextRoot and message,
 * masked nonce, masked signature, sibling count and siblings, zero trits up to a whole tryte.
 */
final class PayloadCreator {

    private PayloadCreator() {
    }

    /**
     * @param keyBlocks the signing key's squeezed blocks ({@link WinternitzKeys#keyBlocks})
     * @param index    position of the leaf in its tree (written in the header)
     * @param siblings the leaf's Merkle path, leaf level first, back to back
     */
    static String create(int[] keyBlocks, int security, int[] sideKey, int[] root, int index,
            int[] siblings, int[] nextRoot, int[] message) {
        int[] indexField = Pascal.encode(index);
        int[] lengthField = Pascal.encode(message.length);
        int header = indexField.length + lengthField.length;
        int siblingCount = siblings.length / Trits.HASH_TRITS;
        int[] siblingsField = Pascal.encode(siblingCount);
        int signatureLength = WinternitzKeys.FRAGMENTS_PER_LEVEL * security * Trits.HASH_TRITS;

        int bodyLength = Trits.HASH_TRITS + message.length;
        int tailLength = signatureLength + siblingsField.length + siblings.length;
        int logical = header + bodyLength + NonceSearch.NONCE_TRITS + tailLength;
        int[] payload = new int[(logical + 2) / 3 * 3];
        System.arraycopy(indexField, 0, payload, 0, indexField.length);
        System.arraycopy(lengthField, 0, payload, indexField.length, lengthField.length);

        MaskingSponge sponge = new MaskingSponge(sideKey, root);
        sponge.absorb(payload, 0, header);

        int[] body = new int[bodyLength];
        System.arraycopy(nextRoot, 0, body, 0, Trits.HASH_TRITS);
        System.arraycopy(message, 0, body, Trits.HASH_TRITS, message.length);
        int at = header;
        sponge.mask(body, 0, bodyLength, payload, at);
        at += bodyLength;

        int[] nonce = NonceSearch.find(sponge.state(), security);
        sponge.mask(nonce, 0, nonce.length, payload, at);
        at += nonce.length;
        int[] hmac = sponge.rate();

        int[] tail = new int[tailLength];
        System.arraycopy(WinternitzKeys.sign(keyBlocks, security, hmac), 0, tail, 0, signatureLength);
        System.arraycopy(siblingsField, 0, tail, signatureLength, siblingsField.length);
        System.arraycopy(siblings, 0, tail, signatureLength + siblingsField.length, siblings.length);
        sponge.mask(tail, 0, tailLength, payload, at);
        return Trits.toTrytes(payload);
    }
}
