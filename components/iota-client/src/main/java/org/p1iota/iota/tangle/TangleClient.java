package org.p1iota.iota.tangle;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iota.jota.IotaAPI;
import org.iota.jota.dto.response.GetTransactionsToApproveResponse;
import org.iota.jota.error.ArgumentException;
import org.iota.jota.error.BaseException;
import org.iota.jota.model.Transaction;
import org.iota.jota.utils.Checksum;
import org.p1iota.iota.pow.ProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;
import org.p1iota.iota.transaction.FetchedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends and reads messages as zero-value bundles through jota's API client, against any node that
 * speaks IRI's HTTP API. Calls that fail because the node cannot be reached are repeated according
 * to the {@link RetryPolicy}; a refusal by the node is not repeated.
 */
public class TangleClient {

    private static final Logger LOG = LoggerFactory.getLogger(TangleClient.class);
    private static final int GET_TRYTES_BATCH = 500;
    /** IRI refuses lists of more than 1,000 entries; anyone can leave that many half bundles at an address. */
    private static final int FIND_BUNDLES_BATCH = 500;

    private final NodeSettings configuration;
    /** The node URLs in the order they are tried; {@link #current} is the one in use. */
    private final List<String> nodeUrls;
    private final List<IotaAPI> apis;
    private volatile int current;
    private final TangleAttacher localAttacher;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private volatile TangleCallListener listener = TangleCallListener.NONE;

    /**
     * @param localPow the proof-of-work engine used when {@code configuration.isLocalPow()}; may be
     *                 null when PoW runs on the node
     */
    public TangleClient(NodeSettings configuration, ProofOfWork localPow, RetryPolicy retryPolicy, Clock clock) {
        this.configuration = configuration;
        this.nodeUrls = configuration.nodeUrlList();
        this.apis = nodeUrls.stream().map(TangleClient::connect).toList();
        this.localAttacher = configuration.isLocalPow() ? new TangleAttacher(requireEngine(localPow), clock) : null;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    private static ProofOfWork requireEngine(ProofOfWork localPow) {
        if (localPow == null) {
            throw new IllegalArgumentException("localPow=true needs a proof-of-work engine");
        }
        return localPow;
    }

    /** Who is told about node calls and local proof of work (metrics); {@link TangleCallListener#NONE} by default. */
    public void setCallListener(TangleCallListener listener) {
        this.listener = listener == null ? TangleCallListener.NONE : listener;
    }

    static IotaAPI connect(String nodeUrl) {
        URI uri = URI.create(nodeUrl);
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("node URL must look like http://host:port, not " + nodeUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new IotaAPI.Builder().protocol(uri.getScheme()).host(uri.getHost()).port(port).build();
    }

    /**
     * Sends a message to an address: builds the bundle, selects tips, does proof of work (here or on
     * the node), stores and broadcasts.
     */
    public SentBundle send(String address, String messageTrytes) throws TangleException, InterruptedException {
        List<String> unattached = ZeroValueBundle.build(address, configuration.getTag(), messageTrytes,
                clock.instant().getEpochSecond());
        GetTransactionsToApproveResponse tips = call("getTransactionsToApprove",
                api -> api.getTransactionsToApprove(configuration.getDepth()));
        List<String> attached = attach(tips.getTrunkTransaction(), tips.getBranchTransaction(), unattached);
        String[] trytes = attached.toArray(String[]::new);
        call("storeTransactions", api -> api.storeTransactions(trytes));
        call("broadcastTransactions", api -> api.broadcastTransactions(trytes));
        Transaction tail = FetchedTransactions.parse(List.of(attached.get(0))).get(0);
        return new SentBundle(tail.getBundle(), tail.getHash(), attached);
    }

    private List<String> attach(String trunk, String branch, List<String> unattached) throws TangleException, InterruptedException {
        if (localAttacher != null) {
            long start = System.nanoTime();
            List<String> attached = localAttacher.attach(trunk, branch, configuration.getMinWeightMagnitude(), unattached);
            listener.localProofOfWork(unattached.size(), configuration.getMinWeightMagnitude(), System.nanoTime() - start);
            return attached;
        }
        String[] trytes = unattached.toArray(String[]::new);
        return Arrays.asList(call("attachToTangle",
                api -> api.attachToTangle(trunk, branch, configuration.getMinWeightMagnitude(), trytes)).getTrytes());
    }

    /** Every complete, valid message bundle at the address, oldest attachment first. */
    public BundleAssembler.Result read(String address) throws TangleException, InterruptedException {
        return read(address, Set.of());
    }

    /**
     * As {@link #read(String)}, but transactions whose hash is in {@code knownTransactions} are not
     * fetched again (a polling consumer passes the ones of bundles it has already emitted).
     */
    public BundleAssembler.Result read(String address, Set<String> knownTransactions) throws TangleException, InterruptedException {
        String addr = ZeroValueBundle.normaliseAddress(address);
        String[] hashes = findByAddresses(List.of(addr));
        List<String> wanted = new ArrayList<>();
        for (String hash : hashes) {
            if (!knownTransactions.contains(hash)) {
                wanted.add(hash);
            }
        }
        List<Transaction> transactions = getTransactions(wanted);
        // a bundle's other transactions are usually at the same address; fetch the rest by bundle if not
        Set<String> partial = BundleAssembler.assemble(addr, transactions).incompleteBundles();
        if (!partial.isEmpty()) {
            List<String> incomplete = new ArrayList<>(partial);
            Set<String> have = new HashSet<>(wanted);
            List<String> missing = new ArrayList<>();
            for (int start = 0; start < incomplete.size(); start += FIND_BUNDLES_BATCH) {
                String[] bundles = incomplete.subList(start, Math.min(incomplete.size(), start + FIND_BUNDLES_BATCH))
                        .toArray(String[]::new);
                String[] more = call("findTransactions", api -> api.findTransactions(null, null, null, bundles)).getHashes();
                Arrays.stream(more).filter(have::add).forEach(missing::add);
            }
            transactions.addAll(getTransactions(missing));
        }
        return BundleAssembler.assemble(addr, transactions);
    }

    /** Hashes of the transactions at any of the (81-tryte, normalised) addresses: one findTransactions. */
    String[] findByAddresses(List<String> addresses) throws TangleException, InterruptedException {
        String[] withChecksums = addresses.stream().map(TangleClient::withChecksum).toArray(String[]::new);
        return call("findTransactions", api -> api.findTransactions(withChecksums, null, null, null)).getHashes();
    }

    /** Hashes of the transactions of any of the bundles, in lists of at most {@value #FIND_BUNDLES_BATCH}. */
    List<String> findByBundles(List<String> bundles) throws TangleException, InterruptedException {
        List<String> hashes = new ArrayList<>();
        for (int start = 0; start < bundles.size(); start += FIND_BUNDLES_BATCH) {
            String[] batch = bundles.subList(start, Math.min(bundles.size(), start + FIND_BUNDLES_BATCH)).toArray(String[]::new);
            hashes.addAll(Arrays.asList(call("findTransactions", api -> api.findTransactions(null, null, null, batch)).getHashes()));
        }
        return hashes;
    }

    /** The node URL calls go to now (the first one that answered last). */
    public String currentNodeUrl() {
        return nodeUrls.get(current);
    }

    /** jota's client accepts only 90-tryte addresses in findTransactions (it strips the checksum again). */
    private static String withChecksum(String address) {
        try {
            return Checksum.addChecksum(address);
        } catch (ArgumentException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }

    List<Transaction> getTransactions(List<String> hashes) throws TangleException, InterruptedException {
        List<Transaction> transactions = new ArrayList<>(hashes.size());
        for (int start = 0; start < hashes.size(); start += GET_TRYTES_BATCH) {
            String[] batch = hashes.subList(start, Math.min(hashes.size(), start + GET_TRYTES_BATCH)).toArray(String[]::new);
            String[] trytes = call("getTrytes", api -> api.getTrytes(batch)).getTrytes();
            transactions.addAll(FetchedTransactions.parse(Arrays.asList(trytes)));
        }
        return transactions;
    }

    @FunctionalInterface
    private interface NodeCall<T> {
        T call(IotaAPI api);
    }

    /**
     * Sends the call to the node in use; when it cannot be reached, to the next URL of the list at once
     * (in order, wrapping), and only after every URL failed does it wait and repeat per the retry policy.
     */
    private <T> T call(String command, NodeCall<T> call) throws TangleException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure = null;
            for (int tried = 0; tried < apis.size(); tried++) {
                int index = current;
                long start = System.nanoTime();
                try {
                    T answer = call.call(apis.get(index));
                    listener.nodeCall(command, System.nanoTime() - start, TangleCallListener.Outcome.OK);
                    return answer;
                } catch (BaseException e) {
                    // 400/401/500 from the node: it answered, and it said no
                    listener.nodeCall(command, System.nanoTime() - start, TangleCallListener.Outcome.REFUSED);
                    throw new TangleException(command + " refused by " + nodeUrls.get(index) + ": " + e.getMessage(), false, e);
                } catch (RuntimeException e) {
                    listener.nodeCall(command, System.nanoTime() - start, TangleCallListener.Outcome.UNREACHABLE);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException(command + " interrupted"); // stopping: no other node, no retry
                    }
                    failure = e;
                    if (apis.size() > 1) {
                        current = (index + 1) % apis.size();
                        LOG.warn("{}: node {} unreachable ({}); switching to {}", command, nodeUrls.get(index), e.getMessage(),
                                nodeUrls.get(current));
                    }
                }
            }
            if (attempt >= retryPolicy.attempts()) {
                throw new TangleException(command + ": node " + String.join(", ", nodeUrls) + " unreachable after "
                        + attempt + " attempt(s): " + failure.getMessage(), true, failure);
            }
            if (attempt == 1) {
                LOG.warn("{}: node {} unreachable ({}); retrying up to {} more time(s)", command,
                        String.join(", ", nodeUrls), failure.getMessage(), retryPolicy.attempts() - attempt);
            }
            Thread.sleep(retryPolicy.delayBefore(attempt).toMillis());
        }
    }
}
