package org.p1iota.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.iota.jota.model.Bundle;
import org.iota.jota.model.Transaction;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.BundleValidator;
import org.iota.jota.utils.Converter;
import org.junit.jupiter.api.Test;

/**
 * attachToTangle with the project's engine: a three-transaction zero-value bundle built and finalized
 * by jota is chained as IRI does it, every field is checked, and jota parses and validates the result.
 */
class TangleAttacherWithBitslicedEngineTest {

    private static final int MWM = 9;
    private static final long NOW = 1_764_000_000_123L;
    private static final String EMPTY_TAG = "9".repeat(27);

    @Test
    void attachedBundleIsChainedLikeIriAndReadableByJota() throws Exception {
        Random random = new Random(71);
        Bundle bundle = new Bundle();
        long timestamp = NOW / 1000;
        for (int i = 0; i < 3; i++) {
            bundle.addEntry(1, JotaCurlCheck.randomTrytes(random, 81), 0, "PONEIOTA" + "9".repeat(19), timestamp);
        }
        bundle.finalize(SpongeFactory.create(SpongeFactory.Mode.KERL));
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fragments.add(JotaCurlCheck.randomTrytes(random, 2187));
        }
        bundle.addTrytes(fragments);
        // an empty tag must be replaced by the obsolete tag, as IRI does
        bundle.getTransactions().get(1).setTag(EMPTY_TAG);
        List<String> unattached = new ArrayList<>();
        for (Transaction tx : bundle.getTransactions()) {
            unattached.add(tx.toTrytes());
        }
        Collections.reverse(unattached); // clients send the head first
        List<Transaction> before = new ArrayList<>();
        for (String trytes : unattached) {
            before.add(0, new Transaction(trytes));
        }

        String trunk = JotaCurlCheck.randomTrytes(random, 81);
        String branch = JotaCurlCheck.randomTrytes(random, 81);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        List<String> attached;
        try (BitslicedProofOfWork pow = new BitslicedProofOfWork(2)) {
            attached = new TangleAttacher(pow, clock).attach(trunk, branch, MWM, unattached);
        }

        assertThat(attached).hasSize(3);
        List<Transaction> txs = new ArrayList<>();
        for (String trytes : attached) {
            Transaction tx = new Transaction(trytes);
            txs.add(tx);
            assertThat(tx.toTrytes()).isEqualTo(trytes);
            // jota's hash is the independent Curl hash, and it carries the weight
            assertThat(tx.getHash()).isEqualTo(Converter.trytes(JotaCurlCheck.hashTrits(trytes)));
            assertThat(JotaCurlCheck.trailingZeroTrits(JotaCurlCheck.hashTrits(trytes))).isGreaterThanOrEqualTo(MWM);
        }
        for (int i = 0; i < 3; i++) {
            Transaction tx = txs.get(i);
            Transaction original = before.get(i);
            assertThat(tx.getCurrentIndex()).as("tail first").isEqualTo(i);
            assertThat(tx.getLastIndex()).isEqualTo(2);
            assertThat(tx.getAddress()).isEqualTo(original.getAddress());
            assertThat(tx.getValue()).isZero();
            assertThat(tx.getSignatureFragments()).isEqualTo(fragments.get(i));
            assertThat(tx.getObsoleteTag()).isEqualTo(original.getObsoleteTag());
            assertThat(tx.getTag()).isEqualTo(i == 1 ? original.getObsoleteTag() : original.getTag());
            assertThat(tx.getTimestamp()).isEqualTo(timestamp);
            assertThat(tx.getBundle()).isEqualTo(original.getBundle()).isNotEqualTo("9".repeat(81));
            assertThat(tx.getAttachmentTimestamp()).isEqualTo(NOW);
            assertThat(tx.getAttachmentTimestampLowerBound()).isZero();
            assertThat(tx.getAttachmentTimestampUpperBound()).isEqualTo(TangleAttacher.MAX_TIMESTAMP_VALUE);
            if (i == 2) {
                assertThat(tx.getTrunkTransaction()).as("head trunk").isEqualTo(trunk);
                assertThat(tx.getBranchTransaction()).as("head branch").isEqualTo(branch);
            } else {
                assertThat(tx.getTrunkTransaction()).as("trunk of %d is the next transaction", i)
                        .isEqualTo(txs.get(i + 1).getHash());
                assertThat(tx.getBranchTransaction()).as("branch of %d is the given trunk", i).isEqualTo(trunk);
            }
        }
        assertThat(txs.get(1).getTag()).isNotEqualTo(EMPTY_TAG);
        assertThat(BundleValidator.isBundle(new Bundle(txs, txs.size()))).isTrue();
    }
}
