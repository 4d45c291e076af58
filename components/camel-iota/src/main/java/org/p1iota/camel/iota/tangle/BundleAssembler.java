package org.p1iota.iota.tangle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iota.jota.model.Bundle;
import org.iota.jota.model.Transaction;
import org.iota.jota.utils.BundleValidator;

/**
 * Rebuilds bundles from loose transactions as the reference readers do: start at each tail
 * (currentIndex 0) and follow trunk through the same bundle up to lastIndex. A bundle counts once
 * whatever the number of reattachments. A bundle is accepted only when it is complete, its Kerl bundle
 * hash is right and it moves no value; anything else is reported as rejected, never as a message.
 * <p>
 * The bundle hash covers each transaction's essence (address, value, tags, timestamp, indexes), not its
 * message fragment: the integrity of a message's content is for the message format to prove (MAM
 * signs its payloads). Anyone can therefore attach a copy of a bundle with the same hash and other
 * content; such copies are distinct messages ({@link TangleMessage#messageKey()}), so a copy never hides
 * the original, whichever is read first.
 */
public final class BundleAssembler {

    /**
     * The outcome for one set of transactions.
     *
         * @param transactionsByBundle for every message, keyed by its {@link TangleMessage#messageKey()}, the
     *                             hashes of the transactions that carry it, and for every rejected bundle,
     *                             keyed by its bundle hash, the transactions that carry that hash (a
     *                             consumer that has handled a message, or knows a bundle is invalid,
     *                             need not fetch them again)
     */
    public record Result(List<TangleMessage> messages, Set<String> rejectedBundles, Set<String> incompleteBundles,
                         Map<String, Set<String>> transactionsByBundle) {

        public Result(List<TangleMessage> messages, Set<String> rejectedBundles, Set<String> incompleteBundles) {
            this(messages, rejectedBundles, incompleteBundles, Map.of());
        }
    }

    private BundleAssembler() {
    }

    /**
     * @param address      only transactions of bundles whose tail is at this address are considered
     * @param transactions transactions in any order, possibly with duplicates and reattachments
     */
    public static Result assemble(String address, Collection<Transaction> transactions) {
        Map<String, Transaction> byHash = new HashMap<>();
        for (Transaction transaction : transactions) {
            byHash.put(transaction.getHash(), transaction);
        }
        Map<String, TangleMessage> accepted = new HashMap<>(); // by message key
        Map<String, Set<String>> settled = new HashMap<>();
        Set<String> acceptedBundles = new HashSet<>();
        Set<String> rejected = new LinkedHashSet<>();
        Set<String> incomplete = new LinkedHashSet<>();
        for (Transaction tail : byHash.values()) {
            if (tail.getCurrentIndex() != 0 || !address.equals(tail.getAddress())) {
                continue;
            }
            Optional<List<Transaction>> chain = followTrunk(tail, byHash);
            if (chain.isEmpty()) {
                incomplete.add(tail.getBundle());
                continue;
            }
            if (isValid(chain.get())) {
                TangleMessage message = toMessage(chain.get());
                String key = message.messageKey();
                accepted.putIfAbsent(key, message); // a reattachment of the same content counts once
                Set<String> carriers = settled.computeIfAbsent(key, k -> new HashSet<>());
                chain.get().forEach(t -> carriers.add(t.getHash()));
                acceptedBundles.add(tail.getBundle());
            } else {
                rejected.add(tail.getBundle());
            }
        }
        rejected.removeAll(acceptedBundles);
        incomplete.removeAll(acceptedBundles);
        List<TangleMessage> messages = new ArrayList<>(accepted.values());
        messages.sort(Comparator.comparingLong(TangleMessage::attachmentTimestamp).thenComparing(TangleMessage::tailHash));
        for (Transaction transaction : byHash.values()) {
            String bundle = transaction.getBundle();
            if (rejected.contains(bundle)) {
                settled.computeIfAbsent(bundle, b -> new HashSet<>()).add(transaction.getHash());
            }
        }
        return new Result(messages, rejected, incomplete, settled);
    }

    private static Optional<List<Transaction>> followTrunk(Transaction tail, Map<String, Transaction> byHash) {
        List<Transaction> chain = new ArrayList<>();
        Transaction current = tail;
        long lastIndex = tail.getLastIndex();
        if (lastIndex < 0 || lastIndex > 10_000) {
            return Optional.of(List.of(tail)); // absurd: let validation reject it
        }
        chain.add(current);
        while (current.getCurrentIndex() < lastIndex) {
            Transaction next = byHash.get(current.getTrunkTransaction());
            if (next == null) {
                return Optional.empty();
            }
            if (!next.getBundle().equals(tail.getBundle()) || next.getCurrentIndex() != current.getCurrentIndex() + 1) {
                return Optional.of(chain); // broken chain: invalid
            }
            chain.add(next);
            current = next;
        }
        return Optional.of(chain);
    }

    private static boolean isValid(List<Transaction> chain) {
        long lastIndex = chain.get(0).getLastIndex();
        if (chain.size() != lastIndex + 1) {
            return false;
        }
        for (int i = 0; i < chain.size(); i++) {
            Transaction transaction = chain.get(i);
            if (transaction.getCurrentIndex() != i || transaction.getLastIndex() != lastIndex || transaction.getValue() != 0) {
                return false;
            }
        }
        try {
            return BundleValidator.isBundle(new Bundle(new ArrayList<>(chain), chain.size()));
        } catch (RuntimeException e) { // jota reports a malformed bundle with ArgumentException
            return false;
        }
    }

    private static TangleMessage toMessage(List<Transaction> chain) {
        StringBuilder trytes = new StringBuilder(chain.size() * ZeroValueBundle.FRAGMENT_TRYTES);
        for (Transaction transaction : chain) {
            trytes.append(transaction.getSignatureFragments());
        }
        Transaction tail = chain.get(0);
        long attached = tail.getAttachmentTimestamp() != 0 ? tail.getAttachmentTimestamp() : tail.getTimestamp() * 1000;
        return new TangleMessage(tail.getBundle(), tail.getHash(), tail.getAddress(), tail.getTag(), trytes.toString(), attached);
    }
}
