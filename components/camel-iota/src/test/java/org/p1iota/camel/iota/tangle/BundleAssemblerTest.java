package org.p1iota.iota.tangle;

import java.util.ArrayList;
import java.util.List;

import org.iota.jota.model.Transaction;
import org.junit.jupiter.api.Test;
import org.p1iota.iota.pow.PearlDiverProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;

import static org.assertj.core.api.Assertions.assertThat;

class BundleAssemblerTest {

    private static final String ADDRESS = "PIOTA9TEST9ADDRESS" + "9".repeat(63);
    private static final String NULL_HASH = "9".repeat(81);

    private final TangleAttacher attacher = new TangleAttacher(new PearlDiverProofOfWork(1));

    private List<Transaction> sendAttached(String text) throws InterruptedException {
        List<String> unattached = ZeroValueBundle.build(ADDRESS, "TEST", TryteCodec.encode(text), 1_700_000_000L);
        List<Transaction> transactions = new ArrayList<>();
        for (String trytes : attacher.attach(NULL_HASH, NULL_HASH, 1, unattached)) {
            transactions.add(new Transaction(trytes));
        }
        return transactions;
    }

    @Test
    void longMessageSpansSeveralTransactionsAndComesBackWhole() throws Exception {
        String text = "{\"telegram\":\"" + "x".repeat(3000) + "\"}";
        List<Transaction> transactions = sendAttached(text);
        assertThat(transactions).hasSize(3); // 6,030 trytes: 2 per character, 2187 per transaction

        BundleAssembler.Result result = BundleAssembler.assemble(ADDRESS, transactions);

        assertThat(result.messages()).hasSize(1);
        assertThat(TryteCodec.decodeText(result.messages().get(0).trytes())).isEqualTo(text);
        assertThat(result.messages().get(0).tag()).startsWith("TEST");
        assertThat(result.rejectedBundles()).isEmpty();
    }

    @Test
    void reattachmentCountsOnce() throws Exception {
        List<Transaction> first = sendAttached("hello");
        List<Transaction> both = new ArrayList<>(first);
        for (String trytes : attacher.attach(NULL_HASH, NULL_HASH, 1, first.stream().map(Transaction::toTrytes).toList())) {
            both.add(new Transaction(trytes));
        }
        assertThat(BundleAssembler.assemble(ADDRESS, both).messages()).hasSize(1);
    }

    @Test
    void tamperedEssenceBreaksTheBundleHashAndIsRejected() throws Exception {
        // the bundle hash covers address, value, tags, timestamp and indexes, not the message fragments:
        // a message's own integrity is MAM's job (its signature)
        List<Transaction> transactions = sendAttached("original text");
        Transaction tail = transactions.get(0);
        tail.setTimestamp(tail.getTimestamp() + 1);
        List<Transaction> tampered = List.of(new Transaction(attacher.attach(NULL_HASH, NULL_HASH, 1, List.of(tail.toTrytes())).get(0)));

        BundleAssembler.Result result = BundleAssembler.assemble(ADDRESS, tampered);

        assertThat(result.messages()).isEmpty();
        assertThat(result.rejectedBundles()).containsExactly(tail.getBundle());
    }

    @Test
    void aCopyOfABundleWithOtherContentDoesNotHideTheOriginal() throws Exception {
        // the bundle hash does not cover the message fragments: a stranger who sees a message can attach a
        // copy with the same bundle hash and other content; both are messages, whichever comes first
        List<Transaction> genuine = sendAttached("the genuine claim");
        Transaction copy = new Transaction(genuine.get(0).toTrytes());
        copy.setSignatureFragments(TryteCodec.encode("a stranger's text") + "9".repeat(2187 - 34));
        List<Transaction> forged = new ArrayList<>();
        for (String trytes : attacher.attach(NULL_HASH, NULL_HASH, 1, List.of(copy.toTrytes()))) {
            forged.add(new Transaction(trytes));
        }
        assertThat(forged.get(0).getBundle()).isEqualTo(genuine.get(0).getBundle());

        for (List<Transaction> order : List.of(concat(forged, genuine), concat(genuine, forged))) {
            BundleAssembler.Result result = BundleAssembler.assemble(ADDRESS, order);
            assertThat(result.messages()).extracting(m -> TryteCodec.decodeText(m.trytes()).replace("\0", ""))
                    .hasSize(2).anySatisfy(text -> assertThat(text).startsWith("the genuine claim"));
            assertThat(result.messages()).extracting(TangleMessage::messageKey).doesNotHaveDuplicates();
        }
    }

    private static List<Transaction> concat(List<Transaction> a, List<Transaction> b) {
        List<Transaction> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void missingTransactionLeavesTheBundleIncompleteNotEmitted() throws Exception {
        List<Transaction> transactions = sendAttached("y".repeat(2000));
        BundleAssembler.Result result = BundleAssembler.assemble(ADDRESS, List.of(transactions.get(0)));
        assertThat(result.messages()).isEmpty();
        assertThat(result.incompleteBundles()).containsExactly(transactions.get(0).getBundle());
    }

    @Test
    void codecRoundTripsEveryByteAndMatchesAsciiToTrytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) (255 - i); // ends in 0: the one value that cannot survive trailing-9 trimming
        }
        byte[] withoutTrailingZero = java.util.Arrays.copyOf(all, 255);
        assertThat(TryteCodec.decode(TryteCodec.encode(withoutTrailingZero))).isEqualTo(withoutTrailingZero);
        assertThat(TryteCodec.encode("Hello, P1!")).isEqualTo(org.iota.jota.utils.TrytesConverter.asciiToTrytes("Hello, P1!"));
        assertThat(TryteCodec.decodeText(TryteCodec.encode("A") + "9".repeat(100))).isEqualTo("A");
    }

    @Test
    void twoMessagesToOneAddressInTheSameSecondAreTwoBundles() throws Exception {
        List<Transaction> both = new ArrayList<>(sendAttached("CHALLENGE"));
        both.addAll(sendAttached("CLAIM_RESULT")); // same address, tag and timestamp second
        BundleAssembler.Result result = BundleAssembler.assemble(ADDRESS, both);
        assertThat(result.messages()).extracting(m -> TryteCodec.decodeText(m.trytes()))
                .containsExactlyInAnyOrder("CHALLENGE", "CLAIM_RESULT");
    }
}
