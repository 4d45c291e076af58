package org.p1iota.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Every nonce the engine returns is checked with jota's own Curl over the whole transaction. */
class BitslicedProofOfWorkTest {

    private static void assertValidNonce(String input, String output, int mwm) {
        assertThat(output).hasSize(TransactionTrytes.LENGTH);
        assertThat(output.substring(0, 2646)).as("only the nonce may change").isEqualTo(input.substring(0, 2646));
        assertThat(JotaCurlCheck.trailingZeroTrits(JotaCurlCheck.hashTrits(output)))
                .as("trailing zero trits of the hash at MWM %d", mwm).isGreaterThanOrEqualTo(mwm);
    }

    @Test
    void vectorKernelFindsValidNoncesForManyTransactionsAndMwmOneToEleven() throws Exception {
        Random random = new Random(61);
        try (BitslicedProofOfWork pow = new BitslicedProofOfWork(2)) {
            assertThat(pow.kernel()).startsWith("vector-");
            for (int mwm = 1; mwm <= 11; mwm++) {
                for (int i = 0; i < (mwm <= 8 ? 6 : 2); i++) {
                    String tx = JotaCurlCheck.randomTransaction(random);
                    NonceSearchResult result = pow.searchCounted(tx, mwm);
                    assertValidNonce(tx, result.transactionTrytes(), mwm);
                    // whole batches of the kernel's width: 512 candidates with AVX-512, 256 with AVX2
                    int batch = Integer.parseInt(pow.kernel().substring("vector-".length()));
                    assertThat(result.trials()).isPositive().isEqualTo(result.trials() / batch * batch);
                }
            }
        }
    }

    @Test
    void scalarKernelFindsValidNoncesWithOneTwoAndThreeThreads() throws Exception {
        Random random = new Random(62);
        for (int threads = 1; threads <= 3; threads++) {
            try (BitslicedProofOfWork pow = BitslicedProofOfWork.scalar(threads)) {
                assertThat(pow.kernel()).isEqualTo("scalar-64");
                for (int mwm = 1; mwm <= 9; mwm++) {
                    String tx = JotaCurlCheck.randomTransaction(random);
                    assertValidNonce(tx, pow.search(tx, mwm), mwm);
                }
            }
        }
    }

    @Test
    void highMwmTwelveAndFourteen() throws Exception {
        // 3^14 = 4.8 million expected trials: about a second on two cores, several when the machine is busy
        Random random = new Random(63);
        try (BitslicedProofOfWork pow = new BitslicedProofOfWork()) {
            for (int mwm = 12; mwm <= 14; mwm += 2) {
                String tx = JotaCurlCheck.randomTransaction(random);
                assertValidNonce(tx, pow.search(tx, mwm), mwm);
            }
        }
    }

    @Test
    void sameMeaningAsPearlDiver() throws Exception {
        // both engines answer the same question: the nonces differ, but both hashes qualify
        Random random = new Random(64);
        String tx = JotaCurlCheck.randomTransaction(random);
        String ours = new BitslicedProofOfWork(2).search(tx, 10);
        String jotas = new PearlDiverProofOfWork(2).search(tx, 10);
        assertValidNonce(tx, ours, 10);
        assertValidNonce(tx, jotas, 10);
    }

    @Test
    void mwmZeroLeavesTheTransactionAsItIs() throws Exception {
        String tx = JotaCurlCheck.randomTransaction(new Random(65));
        assertThat(new BitslicedProofOfWork(1).search(tx, 0)).isEqualTo(tx);
    }

    @Test
    void badInputIsRejectedWithAClearError() {
        BitslicedProofOfWork pow = new BitslicedProofOfWork(1);
        String tx = JotaCurlCheck.randomTransaction(new Random(66));
        assertThatThrownBy(() -> pow.search(tx.substring(1), 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2673");
        assertThatThrownBy(() -> pow.search(tx.substring(1) + "a", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid tryte 'a'");
        assertThatThrownBy(() -> pow.search(tx, 244)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minWeightMagnitude");
        assertThatThrownBy(() -> pow.search(tx, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitslicedProofOfWork(244)).isInstanceOf(IllegalArgumentException.class);
    }
}
