/**
 * MAM v0 (legacy Masked Authenticated Messaging), bit-compatible with {@code @iota/mam.js} and
 * {@code mam.client.js}; see {@code shared/reference/mam-v0-notes.md}.
 * <p>
 * The API, all errors being the checked {@link org.p1iota.iota.mam.MamException} with a
 * {@link org.p1iota.iota.mam.MamException.Reason}:
 * <ul>
 * <li>{@link org.p1iota.iota.mam.ChannelState}: seed, {@link org.p1iota.iota.mam.MamMode},
 * side key, security 1-3, start, index, count = nextCount (a power of two); validated, immutable.</li>
 * <li>{@link org.p1iota.iota.mam.MamWriter}: the durable writer. {@code open(file, initialState)},
 * {@code create(messageTrytes)} returns a {@link org.p1iota.iota.mam.CreatedMessage} (root,
 * address, nextRoot, payload) after persisting it as pending; attach the payload, then
 * {@code confirm()}. After a crash, {@code pending()} / {@code create(sameMessage)} give the identical
 * payload back. {@code changeSideKey(key)} for rotation. The file
 * ({@link org.p1iota.iota.mam.ChannelStore}) is written atomically, 0600, and locked.</li>
 * <li>{@link org.p1iota.iota.mam.MamChannel}: the same without persistence (tools, tests).</li>
 * <li>{@link org.p1iota.iota.mam.MamParser#parse(String, String, String)}: payload, root, side
 * key to {@link org.p1iota.iota.mam.MamMessage} (message, nextRoot), verified.</li>
 * <li>{@link org.p1iota.iota.mam.MamAddresses#address(String, MamMode)}: where a root's message
 * is attached.</li>
 * </ul>
 * Messages are trytes, at most {@link org.p1iota.iota.mam.MamTrytes#MAX_MESSAGE_TRYTES}
 * (88,573); converting text to trytes is the caller's business. Everything else (Curl-P, the bit-sliced
 * hash chains, pascal encoding, Merkle trees, Winternitz keys, the mam.js nonce search) is package-private.
 */
package org.p1iota.iota.mam;
