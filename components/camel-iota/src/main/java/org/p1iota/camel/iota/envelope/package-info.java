/**
 * Post-quantum key envelopes: small secrets (a channel's next root and side key, a My Home root)
 * sealed for a recipient's public key, small enough to travel in one zero-value transaction.
 *
 * <h2>API</h2>
 * {@link org.p1iota.iota.envelope.EnvelopeKeys#generate} /
 * {@link org.p1iota.iota.envelope.EnvelopeKeys#derive} make a key pair;
 * {@link org.p1iota.iota.envelope.KeyEnvelopes#seal} and
 * {@link org.p1iota.iota.envelope.KeyEnvelopes#open} do the work;
 * {@link org.p1iota.iota.envelope.Envelope} and
 * {@link org.p1iota.iota.envelope.EnvelopePublicKey} convert to and from bytes and trytes.
 * Every failure to read or open is an {@link org.p1iota.iota.envelope.EnvelopeException}
 * with a reason. Nothing here logs; no {@code toString} shows secret material.
 *
 * <h2>Schemes</h2>
 * <table>
 * <caption>Scheme ids (never reused)</caption>
 * <tr><th>id</th><th>KEM</th><th>public key</th><th>encapsulation</th></tr>
 * <tr><td>0x01</td><td>NTRU-HPS-2048-677 (BouncyCastle {@code ntruhps2048677})</td><td>930 B</td><td>930 B</td></tr>
 * <tr><td>0x02</td><td>ML-KEM-768 (FIPS 203)</td><td>1184 B</td><td>1088 B</td></tr>
 * </table>
 *
 * <h2>Envelope format, version 1</h2>
 * <pre>
 * offset  length  field
 * 0       1       version = 0x01
 * 1       1       scheme id
 * 2       2       n = length of the sealed part (plaintext + 16), unsigned big-endian, 16..4112
 * 4       e       KEM encapsulation (e fixed by the scheme: 930 or 1088)
 * 4 + e   n       AES-256-GCM ciphertext, then its 16-byte tag
 * </pre>
 * Key schedule: {@code ss} = the KEM shared secret (32 bytes, fresh for every envelope);
 * {@code okm = HKDF-SHA256(ikm = ss, salt = none, info = "p1-iota/envelope/v1" || 0x01 || scheme id
 * || SHA-256(recipient public key encoding))}, 44 bytes: AES key {@code okm[0..32)}, GCM nonce
 * {@code okm[32..44)}. Associated data: the 4 header bytes followed by the encapsulation. The nonce
 * is derived, not sent, because each key seals exactly one message. The recipient's key in the info
 * binds the envelope to that key; the header in the AAD binds version, scheme and length.
 * Both KEMs reject implicitly, so a foreign or altered envelope fails at the GCM tag:
 * {@code AUTHENTICATION_FAILED} cannot tell "altered" from "not for this key".
 *
 * <h2>Tryte form</h2>
 * Bytes are cut into 16-byte chunks; each chunk, an unsigned big-endian number, becomes 27 base-27
 * digits (27^27 = 3^81 &gt; 2^128) most significant first, written with {@code 9ABC...Z} for 0..26.
 * A final chunk of k bytes takes the fewest digits t with 27^t &ge; 256^k (1 byte: 2, 2: 4, 3: 6,
 * 4: 7, 5: 9, 6: 11, 7: 12, 8: 14, 9: 16, 10: 17, 11: 19, 12: 21, 13: 22, 14: 24, 15: 26), all
 * distinct, so the tryte length gives the byte length; digits too large for their chunk are refused,
 * so each envelope has one tryte form. 1.6875 trytes a byte, against 2 for ASCII trytes. The header's
 * length makes the tryte form self-delimiting: reading ignores '9' padding after it and restores
 * trailing '9's a reader stripped as padding.
 *
 * <h2>Keys</h2>
 * A public key is encoded as the scheme id followed by the raw key (bytes, the tryte form above, or
 * unpadded base64url). Its fingerprint is the first 10 bytes of SHA-256 over that encoding, as
 * five groups of four hex digits. {@code derive(scheme, seed, index)}: {@code m = SHAKE256(
 * "p1-iota/envelope-key/v1" || scheme id || 81 seed trytes as ASCII || index as 4 bytes big-endian)},
 * 64 bytes. ML-KEM-768 uses {@code m} as its FIPS 203 seed {@code d || z}. NTRU's generator reads
 * {@code SHAKE256("p1-iota/envelope-key-stream/v1" || m)} as its random stream; that depends on how
 * BouncyCastle's generator uses randomness (not on how it chunks its reads), so BouncyCastle is
 * pinned (1.87) and {@code EnvelopeKeysTest} holds known answers.
 *
 * <h2>Tangle cost</h2>
 * <table>
 * <caption>Two 81-tryte secrets as ASCII (162 bytes); a transaction carries 2187 message trytes</caption>
 * <tr><th>scheme</th><th>public key: bytes / trytes / base64url</th><th>envelope bytes</th>
 * <th>trytes</th><th>transactions</th><th>largest plaintext in 1 / 2 transactions</th></tr>
 * <tr><td>NTRU-HPS-2048-677</td><td>931 / 1572 / 1242</td><td>1112</td><td>1877</td><td>1</td><td>346 / 1642 B</td></tr>
 * <tr><td>ML-KEM-768</td><td>1185 / 2000 / 1580</td><td>1270</td><td>2144</td><td>1</td><td>188 / 1484 B</td></tr>
 * </table>
 * At 2 trytes a byte both would take 2 transactions. {@code KeyEnvelopesTest} checks this table.
 */
package org.p1iota.iota.envelope;
