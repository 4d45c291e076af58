package org.p1iota.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iota.jota.IotaAPI;
import org.iota.jota.model.Transaction;
import org.p1iota.camel.iota.pow.PearlDiverProofOfWork;
import org.p1iota.camel.iota.pow.TangleAttacher;
import org.p1iota.camel.iota.tangle.TryteCodec;
import org.p1iota.camel.iota.tangle.ZeroValueBundle;

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
    private final TangleAttacher attacher = new TangleAttacher(new PearlDiverProofOfWork(1));
    private final List<String> pending = new ArrayList<>();

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
        return attacher.attach("9".repeat(81), "9".repeat(81), mwm, unattached);
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

    /** The tail of a bundle of at least two transactions, without the rest. */
    public List<String> halfBundle(String address, Random random) throws InterruptedException {
        List<String> whole = bundle(address, TryteCodec.encode("half " + randomTrytes(random, 3000)));
        return whole.subList(0, Math.max(1, whole.size() - 1));
    }

    /** A bundle whose essence no longer matches its bundle hash (the tail's obsoleteTag changed after signing). */
    public List<String> invalidBundle(String address, String text) throws InterruptedException {
        List<String> unattached = new ArrayList<>(ZeroValueBundle.build(address, "JUNK", TryteCodec.encode(text),
                System.currentTimeMillis() / 1000));
        Transaction tail = new Transaction(unattached.get(0));
        tail.setObsoleteTag("FORGED" + "9".repeat(21));
        unattached.set(0, tail.toTrytes());
        return attacher.attach("9".repeat(81), "9".repeat(81), mwm, unattached);
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
