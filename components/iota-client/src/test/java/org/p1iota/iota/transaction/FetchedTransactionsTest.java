package org.p1iota.iota.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.iota.jota.model.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Transactions read from a node's trytes carry the same fields and hash as jota's own
 * {@code new Transaction(trytes)}; what is not a transaction is left out instead of failing the read.
 */
class FetchedTransactionsTest {

    private final Random random = new Random(5);

    /** Random trytes shaped like a transaction jota accepts: the value field's upper 16 trytes are nines. */
    private String transaction() {
        StringBuilder trytes = new StringBuilder(TransactionHashesTest.randomTrytes(random, TransactionHashes.TRANSACTION_TRYTES));
        for (int i = 2279; i < 2295; i++) {
            trytes.setCharAt(i, '9');
        }
        return trytes.toString();
    }

    @Test
    void fieldsAndHashEqualJotasParse() {
        List<String> trytes = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            trytes.add(transaction());
        }
        List<Transaction> parsed = FetchedTransactions.parse(trytes);
        assertThat(parsed).hasSize(trytes.size());
        for (int i = 0; i < trytes.size(); i++) {
            Transaction ours = parsed.get(i);
            Transaction jotas = new Transaction(trytes.get(i));
            assertThat(ours).usingRecursiveComparison().ignoringFields("customCurl").as("transaction %d", i).isEqualTo(jotas);
            assertThat(ours.toTrytes()).isEqualTo(trytes.get(i));
        }
    }

    @Test
    void whatIsNotATransactionIsLeftOut() {
        String good = transaction();
        StringBuilder valueOutOfRange = new StringBuilder(transaction());
        valueOutOfRange.setCharAt(2290, 'A');
        List<String> fromNode = Arrays.asList(null, "", "9".repeat(TransactionHashes.TRANSACTION_TRYTES), good.substring(1),
                good.toLowerCase(), valueOutOfRange.toString(), good);
        List<Transaction> parsed = FetchedTransactions.parse(fromNode);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).getHash()).isEqualTo(new Transaction(good).getHash());
    }
}
