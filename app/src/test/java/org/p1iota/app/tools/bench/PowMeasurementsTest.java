package org.p1iota.app.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.p1iota.iota.pow.BitslicedProofOfWork;

class PowMeasurementsTest {

    @Test
    void countedSearchesSumTheEnginesOwnTrialCounts() throws Exception {
        PowMeasurements measure = new PowMeasurements(11);
        String[] txs = measure.transactions(6);
        try (BitslicedProofOfWork engine = new BitslicedProofOfWork(1)) {
            PowMeasurements.CountedSearches runs = measure.countedSearches(engine, 6, txs);
            assertThat(runs.sortedMs()).hasSize(6).isSorted();
            assertThat(runs.sortedMs()[0]).isPositive();
            assertThat(runs.rate().perSecond()).isPositive();
            assertThat(runs.rate().perCpuSecond()).isPositive();
        }
    }
}
