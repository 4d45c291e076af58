package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.List;

import org.iota.jota.model.Transaction;
import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.iota.jota.utils.TrytesConverter;
import org.p1iota.iota.pow.PearlDiverProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;

/** Builds single zero-value transactions with a message, attached with PearlDiver at a low MWM. */
final class TestTransactions {

    static final String ADDRESS = "PONEIOTA9NODE9TEST9ADDRESS" + "9".repeat(81 - 26);
    private static final TangleAttacher ATTACHER = new TangleAttacher(new PearlDiverProofOfWork(1));

    private TestTransactions() {
    }

    /** Unattached trytes: timestamp now, index 0 of 0, the message in the signature fragment. */
    static String unattached(String address, String tag, String message, long timestampSeconds) {
        Transaction t = new Transaction();
        String fragment = TrytesConverter.asciiToTrytes(message);
        t.setSignatureFragments(fragment + "9".repeat(2187 - fragment.length()));
        t.setAddress(address);
        t.setValue(0);
        t.setObsoleteTag(tag);
        t.setTag(tag);
        t.setTimestamp(timestampSeconds);
        t.setCurrentIndex(0);
        t.setLastIndex(0);
        t.setBundle("9".repeat(81));
        t.setTrunkTransaction("9".repeat(81));
        t.setBranchTransaction("9".repeat(81));
        t.setNonce("9".repeat(27));
        String trytes = t.toTrytes();
        // a one-transaction bundle: its hash is the Kerl hash of the essence
        int[] essence = Converter.trits(trytes.substring(2187, 2349));
        ICurl kerl = SpongeFactory.create(SpongeFactory.Mode.KERL);
        kerl.absorb(essence, 0, essence.length);
        int[] bundle = new int[243];
        kerl.squeeze(bundle, 0, bundle.length);
        return trytes.substring(0, 2349) + Converter.trytes(bundle) + trytes.substring(2430);
    }

    static String attached(String address, String tag, String message, int mwm) throws InterruptedException {
        String raw = unattached(address, tag, message, System.currentTimeMillis() / 1000);
        return ATTACHER.attach("9".repeat(81), "9".repeat(81), mwm, List.of(raw)).get(0);
    }

    static List<String> attachedMany(int count, String tag, int mwm) throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(attached(ADDRESS, tag, "message " + i, mwm));
        }
        return all;
    }

    static String hash(String trytes) {
        return NodeTransaction.parse(trytes).hash();
    }

    static String tag(String prefix) {
        return (prefix + "9".repeat(27)).substring(0, 27);
    }
}
