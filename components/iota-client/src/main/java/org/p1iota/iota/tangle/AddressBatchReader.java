package org.p1iota.iota.tangle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iota.jota.model.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the messages at many addresses in few node calls: one findTransactions per
 * {@code maxAddressesPerRequest} addresses (IRI's {@code maxRequestsList}), the transactions in
 * getTrytes batches, and the missing parts of split bundles by bundle hash for all addresses at once.
 * A list the node refuses (IRI answers 400 when more than {@code maxFindTransactions} hashes match:
 * anyone can flood an address) is halved and asked again, down to the single address, which is then
 * left out of this read and reported: one flooded address never hides the others.
 */
public final class AddressBatchReader {

    private static final Logger LOG = LoggerFactory.getLogger(AddressBatchReader.class);

    /** What one read found: the messages per address, and the addresses the node refused to list. */
    public record Batch(Map<String, BundleAssembler.Result> byAddress, Set<String> refused) {
    }

    private final TangleClient client;
    private final int maxAddressesPerRequest;

    public AddressBatchReader(TangleClient client, int maxAddressesPerRequest) {
        if (maxAddressesPerRequest < 1) {
            throw new IllegalArgumentException("maxAddressesPerRequest must be at least 1");
        }
        this.client = client;
        this.maxAddressesPerRequest = maxAddressesPerRequest;
    }

    /** @param addresses 81- or 90-tryte addresses; each of them is a key of the answer (normalised to 81 trytes) */
    public Batch read(Collection<String> addresses) throws TangleException, InterruptedException {
        List<String> normalised = new ArrayList<>(new LinkedHashSet<>(addresses.stream().map(ZeroValueBundle::normaliseAddress).toList()));
        Set<String> hashes = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        for (int start = 0; start < normalised.size(); start += maxAddressesPerRequest) {
            find(normalised.subList(start, Math.min(normalised.size(), start + maxAddressesPerRequest)), hashes, refused);
        }
        List<Transaction> transactions = client.getTransactions(new ArrayList<>(hashes));
        Map<String, List<Transaction>> byAddress = new HashMap<>();
        Set<String> wanted = new HashSet<>(normalised);
        for (Transaction transaction : transactions) {
            if (wanted.contains(transaction.getAddress())) {
                byAddress.computeIfAbsent(transaction.getAddress(), a -> new ArrayList<>()).add(transaction);
            }
        }
        Map<String, BundleAssembler.Result> results = new LinkedHashMap<>();
        Set<String> incomplete = new LinkedHashSet<>();
        for (String address : normalised) {
            BundleAssembler.Result result = BundleAssembler.assemble(address, byAddress.getOrDefault(address, List.of()));
            results.put(address, result);
            incomplete.addAll(result.incompleteBundles());
        }
        if (!incomplete.isEmpty()) {
            // a bundle's other transactions are usually at the same address; fetch the rest by bundle if not
            Set<String> have = new HashSet<>(hashes);
            List<String> missing = client.findByBundles(new ArrayList<>(incomplete)).stream().filter(have::add).toList();
            List<Transaction> more = client.getTransactions(missing);
            for (Map.Entry<String, BundleAssembler.Result> entry : results.entrySet()) {
                if (!entry.getValue().incompleteBundles().isEmpty()) {
                    List<Transaction> all = new ArrayList<>(byAddress.getOrDefault(entry.getKey(), List.of()));
                    Set<String> bundles = entry.getValue().incompleteBundles();
                    more.stream().filter(t -> bundles.contains(t.getBundle())).forEach(all::add);
                    entry.setValue(BundleAssembler.assemble(entry.getKey(), all));
                }
            }
        }
        return new Batch(results, refused);
    }

    private void find(List<String> addresses, Set<String> hashes, Set<String> refused) throws TangleException, InterruptedException {
        try {
            hashes.addAll(List.of(client.findByAddresses(addresses)));
        } catch (TangleException e) {
            if (e.isNodeUnreachable()) {
                throw e;
            }
            if (addresses.size() == 1) {
                LOG.warn("The node refused to list address {} ({}); it is left out of this read", addresses.get(0), e.getMessage());
                refused.add(addresses.get(0));
                return;
            }
            int half = addresses.size() / 2;
            find(addresses.subList(0, half), hashes, refused);
            find(addresses.subList(half, addresses.size()), hashes, refused);
        }
    }
}
