package org.p1iota.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iota.jota.IotaAPI;
import org.iota.jota.model.Transaction;
import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.p1iota.iota.pow.TangleAttacher;
import org.p1iota.iota.tangle.TryteCodec;
import org.p1iota.iota.tangle.ZeroValueBundle;

/**
 * What a stranger can write to any inbox: bundles built and attached here (low MWM) and stored on the
 * node with storeTransactions, as an attacker with their own client would. Each method returns the
 * trytes it stored.
 */
public final class InboxJunk {

    /** storeTransactions bodies stay under the node's 1,000,000-character limit. */
    private static final int STORE_BATCH = 300;

    private final IotaAPI api;
    private final int mwm;
    private final List<String> pending = new ArrayList<>();
    private static final String NULL_HASH = "9".repeat(81);
    private static final int TRUNK_OFFSET = 2430;
    private static final int TAG_OFFSET = 2592;
    private static final int NONCE_TRYTE_OFFSET = 2646;
    /** A transaction is 8,019 trits: 33 Curl blocks of 243, the nonce in the last 81. */
    private static final int PREFIX_TRITS = 32 * 243;
    private static final int NONCE_OFFSET = 8019 - 81;

    public InboxJunk(RunningNode node, int mwm) {
        this.api = node.jota();
        this.mwm = mwm;
    }

    public static String randomTrytes(Random random, int length) {
        StringBuilder trytes = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            trytes.append(TryteCodec.ALPHABET.charAt(random.nextInt(27)));
        }
        return trytes.toString();
    }

    /** A complete, valid zero-value bundle whose message is these trytes, attached. */
    public List<String> bundle(String address, String messageTrytes) throws InterruptedException {
        List<String> unattached = ZeroValueBundle.build(address, "JUNK", messageTrytes, System.currentTimeMillis() / 1000);
        return attach(NULL_HASH, unattached);
    }

    /** A valid bundle whose message trytes do not decode to bytes (e.g. 4,001 random trytes). */
    public List<String> nonByteTrytes(String address, Random random, int length) throws InterruptedException {
        String trytes = randomTrytes(random, length);
        while (decodes(trytes)) {
            trytes = randomTrytes(random, length);
        }
        return bundle(address, trytes);
    }

    /** Text (JSON or not) as the producer would send it. */
    public List<String> text(String address, String text) throws InterruptedException {
        return bundle(address, TryteCodec.encode(text));
    }

    /** The tail of a bundle of two transactions, without the other (its trunk names a transaction nobody has). */
    public List<String> halfBundle(String address, Random random) throws InterruptedException {
        List<String> whole = ZeroValueBundle.build(address, "JUNK", TryteCodec.encode("half " + randomTrytes(random, 3000)),
                System.currentTimeMillis() / 1000);
        return attach(randomTrytes(random, 81), whole.subList(0, 1));
    }

    /** A bundle whose essence no longer matches its bundle hash (the tail's obsoleteTag changed after signing). */
    public List<String> invalidBundle(String address, String text) throws InterruptedException {
        List<String> unattached = new ArrayList<>(ZeroValueBundle.build(address, "JUNK", TryteCodec.encode(text),
                System.currentTimeMillis() / 1000));
        Transaction tail = new Transaction(unattached.get(0));
        tail.setObsoleteTag("FORGED" + "9".repeat(21));
        unattached.set(0, tail.toTrytes());
        return attach(NULL_HASH, unattached);
    }

    /**
     * A copy of someone's one-transaction bundle with other content and the same bundle hash (the bundle
     * hash does not cover the message fragments), attached anew.
     */
    public List<String> sameBundleOtherContent(String genuineTransaction, String text) throws InterruptedException {
        Transaction copy = new Transaction(genuineTransaction);
        String trytes = TryteCodec.encode(text);
        copy.setSignatureFragments(trytes + "9".repeat(ZeroValueBundle.FRAGMENT_TRYTES - trytes.length()));
        return attach(NULL_HASH, List.of(copy.toTrytes()));
    }

    /**
     * attachToTangle as {@link TangleAttacher} does it (head first, each transaction's trunk the next
     * one's hash), with the nonce searched on this thread: thousands of bundles at a low MWM are cheaper
     * without a search thread per transaction.
     *
     * @param headTrunk the trunk of the transaction with the highest index
     */
    private List<String> attach(String headTrunk, List<String> unattached) {
        List<String> attached = new ArrayList<>();
        String previous = headTrunk;
        String bounds = "9".repeat(9) + Converter.trytes(Converter.trits(TangleAttacher.MAX_TIMESTAMP_VALUE, 27));
        for (int i = unattached.size() - 1; i >= 0; i--) { // in currentIndex order, as ZeroValueBundle builds them
            String trytes = unattached.get(i);
            String now = Converter.trytes(Converter.trits(System.currentTimeMillis(), 27));
            String withTips = trytes.substring(0, TRUNK_OFFSET) + previous + NULL_HASH + trytes.substring(TAG_OFFSET, TAG_OFFSET + 27)
                    + now + bounds + trytes.substring(NONCE_TRYTE_OFFSET);
            int[] trits = Converter.trits(withTips);
            int[] hash = searchNonce(trits);
            previous = Converter.trytes(hash);
            attached.add(0, Converter.trytes(trits));
        }
        return attached;
    }

    /** Sets the nonce (the last 81 trits) so that the hash ends in {@code mwm} zero trits; returns the hash. */
    private int[] searchNonce(int[] trits) {
        ICurl prefix = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
        prefix.absorb(trits, 0, PREFIX_TRITS);
        int[] state = prefix.getState().clone();
        for (long n = 0; ; n++) {
            long value = n;
            for (int i = NONCE_OFFSET; i < trits.length; i++) {
                int digit = (int) (value % 3);
                trits[i] = digit == 2 ? -1 : digit;
                value = value / 3 + (digit == 2 ? 1 : 0);
            }
            ICurl curl = SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
            curl.setState(state.clone());
            curl.absorb(trits, PREFIX_TRITS, trits.length - PREFIX_TRITS);
            int[] hash = new int[243];
            curl.squeeze(hash, 0, 243);
            boolean heavy = true;
            for (int i = 243 - mwm; i < 243 && heavy; i++) {
                heavy = hash[i] == 0;
            }
            if (heavy) {
                return hash;
            }
        }
    }

    /** JSON texts an inbox must drop: broken, truncated, oversized, deeply nested, unknown type, wrong types, empty. */
    public static List<String> badJson(Random random) {
        return List.of(
                "{\"type\":\"CLAIM_DEVICE\",",
                "{\"type\":\"CLAIM_DEVICE\",\"version\":1,\"claimId\":\"" + randomTrytes(random, 20),
                "not json at all " + randomTrytes(random, 40),
                "{\"type\":\"CLAIM_DEVICE\",\"version\":1,\"padding\":\"" + "x".repeat(20_000) + "\"}",
                "{\"type\":\"CLAIM_DEVICE\",\"version\":1,\"nested\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"type\":\"SELF_DESTRUCT\",\"version\":1}",
                "{\"type\":\"MAM_DATA\",\"version\":\"1\",\"device\":5}",
                "{\"type\":\"CHALLENGE\",\"version\":99}",
                "[1,2,3]",
                "");
    }

    /** One bundle of every kind of junk, in this order: non-byte trytes, half bundle, invalid bundle, then {@link #badJson}. */
    public List<List<String>> everyKind(String address, Random random) throws InterruptedException {
        List<List<String>> bundles = new ArrayList<>();
        bundles.add(nonByteTrytes(address, random, 4001));
        bundles.add(halfBundle(address, random));
        bundles.add(invalidBundle(address, "{\"type\":\"CLAIM_DEVICE\",\"version\":1}"));
        for (String json : badJson(random)) {
            bundles.add(text(address, json));
        }
        return bundles;
    }

    /** Stores one bundle of every kind of junk at the address and waits until the node holds them all. */
    public int storeEveryKind(String address, Random random) throws InterruptedException {
        List<List<String>> bundles = everyKind(address, random);
        bundles.forEach(this::store);
        flush();
        return bundles.size();
    }

    /** Queues trytes for {@link #flush}; stores when a batch is full. */
    public void store(List<String> trytes) {
        pending.addAll(trytes);
        if (pending.size() >= STORE_BATCH) {
            flush();
        }
    }

    public void flush() {
        while (!pending.isEmpty()) {
            List<String> batch = pending.subList(0, Math.min(STORE_BATCH, pending.size()));
            api.storeTransactions(batch.toArray(String[]::new));
            batch.clear();
        }
    }

    private static boolean decodes(String trytes) {
        try {
            TryteCodec.decode(trytes);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
