package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.iota.jota.IotaAPI;
import org.iota.jota.dto.response.GetNodeInfoResponse;
import org.iota.jota.dto.response.GetTransactionsToApproveResponse;
import org.iota.jota.dto.response.SendTransferResponse;
import org.iota.jota.model.Transaction;
import org.iota.jota.model.Transfer;
import org.iota.jota.utils.Checksum;
import org.iota.jota.utils.TrytesConverter;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * jota's own client against the node over HTTP: zero-value transfers with messages are attached by
 * the node (its PoW), stored, found by address, bundle and tag, and read back byte-identical; tip
 * selection and inclusion follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeJotaRoundTripTest {

    private static final int MWM = 5;
    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @TempDir
    static Path data;
    private RunningNode node;
    private IotaAPI api;

    @BeforeAll
    void start() throws Exception {
        node = RunningNode.start(data, MWM);
        api = node.jota();
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @Test
    void transfersWithMessagesRoundTripThroughJota() throws Exception {
        String address = randomTrytes(81);
        String tag = TestTransactions.tag("PONEIOTAROUNDTRIP");
        // about 1,500 characters of JSON: two transactions' worth of message fragments
        String message = TrytesConverter.asciiToTrytes("{\"reading\":\"" + "1234567890".repeat(150) + "\"}");
        SendTransferResponse sent = api.sendTransfer(randomTrytes(81), 2, 3, MWM,
                List.of(new Transfer(Checksum.addChecksum(address), 0, message, tag)), null, null, false, false, null);

        List<Transaction> bundle = sent.getTransactions();
        assertThat(bundle).hasSize(2);
        List<String> hashes = bundle.stream().map(Transaction::getHash).toList();
        String bundleHash = bundle.get(0).getBundle();
        assertThat(api.findTransactionsByAddresses(Checksum.addChecksum(address)).getHashes()).containsExactlyInAnyOrderElementsOf(hashes);
        assertThat(api.findTransactionsByBundles(bundleHash).getHashes()).containsExactlyInAnyOrderElementsOf(hashes);
        assertThat(api.findTransactionsByTags(tag).getHashes()).containsExactlyInAnyOrderElementsOf(hashes);
        assertThat(api.findTransactions(new String[] {Checksum.addChecksum(address)}, new String[] {tag}, null, new String[] {bundleHash})
                .getHashes()).containsExactlyInAnyOrderElementsOf(hashes);

        List<String> stored = List.of(api.getTrytes(hashes.toArray(String[]::new)).getTrytes());
        assertThat(stored).containsExactlyElementsOf(bundle.stream().map(Transaction::toTrytes).toList());
        for (String trytes : stored) {
            assertThat(NodeTransaction.parse(trytes).weight()).isGreaterThanOrEqualTo(MWM);
        }
        String read = stored.stream().map(t -> t.substring(0, 2187)).reduce("", String::concat);
        assertThat(read).startsWith(message);

        String tail = bundle.stream().filter(Transaction::isTailTransaction).findFirst().orElseThrow().getHash();
        assertThat(api.checkConsistency(tail).getState()).isTrue();
        assertThat(api.getTips().getHashes()).contains(tail);
        assertThat(api.getInclusionStates(new String[] {tail}, new String[] {NodeTransaction.NULL_HASH}).getStates())
                .containsExactly(false);

        // the next transfer's tip selection picks recent valid tails; after it, this tail is approved
        String secondAddress = randomTrytes(81);
        SendTransferResponse second = api.sendTransfer(randomTrytes(81), 2, 3, MWM,
                List.of(new Transfer(Checksum.addChecksum(secondAddress), 0, TrytesConverter.asciiToTrytes("second"), tag)),
                null, null, false, false, null);
        String secondTail = second.getTransactions().get(0).getHash();
        assertThat(api.findTransactionsByTags(tag).getHashes()).contains(secondTail).hasSize(3);
        GetTransactionsToApproveResponse tips = api.getTransactionsToApprove(3);
        assertThat(List.of(tips.getTrunkTransaction(), tips.getBranchTransaction())).isNotEmpty()
                .allSatisfy(hash -> assertThat(api.checkConsistency(hash).getState()).isTrue());
    }

    @Test
    void nodeInfoHasTheFieldsJotaMaps() throws Exception {
        GetNodeInfoResponse info = api.getNodeInfo();
        assertThat(info.getAppName()).isEqualTo(NodeInfoCommand.APP_NAME);
        assertThat(info.getLatestMilestone()).isEqualTo(NodeTransaction.NULL_HASH);
        assertThat(info.getLatestSolidSubtangleMilestoneIndex()).isZero();
        assertThat(info.getJreAvailableProcessors()).isPositive();
        assertThat(info.getFeatures()).contains("WereAddressesSpentFrom");
        assertThat(info.getTips()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void getTransactionsToApproveOnAnEmptyTangleReturnsTheNullHash() throws Exception {
        try (RunningNode empty = RunningNode.start(data.resolve("empty"), MWM)) {
            GetTransactionsToApproveResponse tips = empty.jota().getTransactionsToApprove(3);
            assertThat(tips.getTrunkTransaction()).isEqualTo(NodeTransaction.NULL_HASH);
            assertThat(tips.getBranchTransaction()).isEqualTo(NodeTransaction.NULL_HASH);
        }
    }

    static String randomTrytes(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder trytes = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            trytes.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return trytes.toString();
    }
}
