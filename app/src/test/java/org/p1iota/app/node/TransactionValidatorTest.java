package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** The value and address rules, which need a node MWM of 0 to be reached without proof of work. */
class TransactionValidatorTest {

    private final TransactionValidator validator = new TransactionValidator(0, 1_517_180_400L, Clock.systemUTC());
    private final long now = System.currentTimeMillis() / 1000;

    @Test
    void aValueTransactionNeedsAnAddressEndingInAZeroTrit() throws Exception {
        String address = "ADDRESS" + "9".repeat(73) + "I"; // I = 9 = trits (0, 0, 1)
        String raw = TestTransactions.unattached(address, TestTransactions.tag("VALUE"), "v", now);
        String withValue = raw.substring(0, 2268) + "A" + raw.substring(2269);
        assertThatThrownBy(() -> validator.validate(withValue)).hasMessage("Invalid transaction address");
        assertThat(validator.validate(raw).value()).isZero();
        String evenAddress = raw.substring(0, 2267) + "A" + "A" + raw.substring(2269);
        assertThat(validator.validate(evenAddress).value()).isEqualTo(1);
    }

    @Test
    void theAttachmentTimestampReplacesTheTimestampWhenSet() throws Exception {
        String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("TS"), "t", 0);
        assertThatThrownBy(() -> validator.validate(raw)).hasMessage("Invalid transaction timestamp.");
        String attached = TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("TS"), "t", 0);
        String zeroTimestamp = attached.substring(0, 2322) + "999999999" + attached.substring(2331);
        assertThat(validator.validate(zeroTimestamp).attachmentTimestamp()).isPositive();
    }

    @Test
    void theAllNineTransactionIsTheNullHashAndAccepted() throws Exception {
        NodeTransaction nines = validator.validate(NodeTransaction.EMPTY_TRYTES);
        assertThat(nines.hash()).isEqualTo(NodeTransaction.NULL_HASH);
        assertThat(nines.weight()).isEqualTo(243);
    }
}
