/**
 * Proof of work for IOTA transactions: the {@link org.p1iota.iota.pow.ProofOfWork} contract,
 * attachToTangle as IRI does it ({@link org.p1iota.iota.pow.TangleAttacher}), jota's PearlDiver as
 * the reference, and the project's engine {@link org.p1iota.iota.pow.BitslicedProofOfWork}.
 * <p>
 * The engine hashes many candidate nonces at once in bit-sliced Curl-P-81 states. It has two kernels:
 * plain {@code long}s (64 candidates per word, any Java 17 runtime) and the JDK's incubating vector API
 * (512 candidates per AVX-512 register), which the JVM offers only when started with
 * {@code --add-modules jdk.incubator.vector}; the engine picks the vector kernel when it is there.
 * What makes it fast besides the lanes: the first 32 blocks are absorbed once per search in a packed
 * single state ({@link org.p1iota.iota.curl.PackedCurl}); consecutive batches differ in one counter
 * trit (a ternary Gray code), so the first rounds recompute only what depends on it
 * ({@link org.p1iota.iota.pow.ForwardCone}); the last rounds compute only what the weight check
 * reads ({@link org.p1iota.iota.pow.HashCone}); the vector kernel works in place on states that
 * start on cache lines ({@link org.p1iota.iota.pow.SlicedStates}).
 * {@code ./p1-iota bench pow} compares it with PearlDiver.
 */
package org.p1iota.iota.pow;
