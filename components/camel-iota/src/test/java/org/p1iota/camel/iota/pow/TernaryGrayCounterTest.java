package org.p1iota.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TernaryGrayCounterTest {

    @Test
    void everyValueOnceAndOneTritChangesPerStep() {
        TernaryGrayCounter counter = new TernaryGrayCounter(5);
        Set<String> seen = new HashSet<>();
        int[] before = counter.trits();
        assertThat(before).containsOnly(-1);
        seen.add(Arrays.toString(before));
        int[] changesPerDigit = new int[5];
        for (int step = 1; step < 243; step++) {
            int changed = counter.increment();
            int[] after = counter.trits();
            assertThat(changed).isBetween(0, 4);
            changesPerDigit[changed]++;
            for (int i = 0; i < 5; i++) {
                if (i == changed) {
                    assertThat(after[i]).as("step %d digit %d", step, i).isNotEqualTo(before[i]);
                } else {
                    assertThat(after[i]).as("step %d digit %d", step, i).isEqualTo(before[i]);
                }
                assertThat(after[i]).isBetween(-1, 1);
            }
            assertThat(seen.add(Arrays.toString(after))).as("value at step %d is new", step).isTrue();
            before = after;
        }
        assertThat(seen).hasSize(243);
        // digit d changes in 2 of every 3^(d+1) steps: the low digit almost always
        assertThat(changesPerDigit).containsExactly(162, 54, 18, 6, 2);
        assertThat(counter.increment()).as("all 3^5 values used").isEqualTo(-1);
    }

    @Test
    void tritAccessorsAgreeWithTheCopy() {
        TernaryGrayCounter counter = new TernaryGrayCounter(70);
        for (int i = 0; i < 1000; i++) {
            counter.increment();
        }
        int[] copy = counter.trits();
        for (int i = 0; i < counter.length(); i++) {
            assertThat(counter.trit(i)).isEqualTo(copy[i]);
        }
    }
}
