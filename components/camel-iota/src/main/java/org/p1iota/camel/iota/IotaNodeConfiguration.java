package org.p1iota.camel.iota;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.p1iota.iota.tangle.NodeSettings;
import org.p1iota.iota.tangle.RetryPolicy;

/**
 * How the {@code iota:} and {@code iota-mam:} endpoints reach the tangle: which node, and how
 * transactions are attached. Shared by both components, set on the component to apply to every endpoint; the library's
 * {@link org.p1iota.iota.tangle.TangleClient} reads it as its {@link NodeSettings}.
 */
@UriParams
@Configurer
public class IotaNodeConfiguration implements NodeSettings, Cloneable {

    /** The node's IRI HTTP API; the embedded node by default, or any IRI/Hornet node. */
    @UriParam(defaultValue = "http://127.0.0.1:14265")
    private String nodeUrl = "http://127.0.0.1:14265";

    /**
     * Several nodes, comma-separated, tried in this order: a call that cannot reach the node in use goes
     * to the next one at once (and stays there while it answers). When set, it replaces nodeUrl.
     */
    @UriParam
    private String nodeUrls;

    /**
     * Most addresses (and hashes) the node takes in one list: IRI's {@code maxRequestsList}, 1,000 by
     * default. A consumer that follows many channels asks for this many addresses per findTransactions.
     */
    @UriParam(defaultValue = "1000", label = "advanced")
    private int maxAddressesPerRequest = 1000;

    /** Minimum weight magnitude: trailing zero trits the proof of work must reach (14 on the old mainnet). */
    @UriParam(defaultValue = "9")
    private int minWeightMagnitude = 9;

    /** Depth for getTransactionsToApprove. */
    @UriParam(defaultValue = "3", label = "advanced")
    private int depth = 3;

    /** Whether proof of work runs in this process (true) or on the node through attachToTangle (false). */
    @UriParam(defaultValue = "false")
    private boolean localPow;

    /** Threads for local proof of work; 0 means one per available core. */
    @UriParam(defaultValue = "0", label = "advanced")
    private int powThreads;

    /**
     * Tag of the transactions sent (up to 27 trytes). Empty by default, i.e. all 9s, as most IOTA
     * transactions: a project tag would make every message of the project one query away
     * ({@code findTransactions} by tag). The node's attachToTangle then copies the bundle's obsoleteTag
     * (a digest of the message) into it, so no two messages share a tag.
     */
    @UriParam(defaultValue = "")
    @Metadata(label = "producer")
    private String tag = "";

    /** Attempts of a node call before the exchange fails to the route's error handler (node unreachable). */
    @UriParam(defaultValue = "5", label = "advanced")
    private int retryAttempts = 5;

    /** Delay before the first retry in ms; doubled for each further one. */
    @UriParam(defaultValue = "1000", label = "advanced", javaType = "java.time.Duration")
    private long retryInitialDelay = 1000;

    /** Longest delay between retries in ms. */
    @UriParam(defaultValue = "30000", label = "advanced", javaType = "java.time.Duration")
    private long retryMaxDelay = 30_000;

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryAttempts, Duration.ofMillis(retryInitialDelay), Duration.ofMillis(retryMaxDelay));
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    public void setRetryAttempts(int retryAttempts) {
        this.retryAttempts = retryAttempts;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** nodeUrls as a list when set, else nodeUrl alone. */
    @Override
    public java.util.List<String> nodeUrlList() {
        if (nodeUrls == null || nodeUrls.isBlank()) {
            return java.util.List.of(nodeUrl);
        }
        java.util.List<String> urls = java.util.Arrays.stream(nodeUrls.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("nodeUrls names no node: '" + nodeUrls + "'");
        }
        return urls;
    }

    public String getNodeUrls() {
        return nodeUrls;
    }

    public void setNodeUrls(String nodeUrls) {
        this.nodeUrls = nodeUrls;
    }

    public int getMaxAddressesPerRequest() {
        return maxAddressesPerRequest;
    }

    public void setMaxAddressesPerRequest(int maxAddressesPerRequest) {
        if (maxAddressesPerRequest < 1) {
            throw new IllegalArgumentException("maxAddressesPerRequest must be at least 1, not " + maxAddressesPerRequest);
        }
        this.maxAddressesPerRequest = maxAddressesPerRequest;
    }

    @Override
    public String getNodeUrl() {
        return nodeUrl;
    }

    public void setNodeUrl(String nodeUrl) {
        this.nodeUrl = nodeUrl;
    }

    @Override
    public int getMinWeightMagnitude() {
        return minWeightMagnitude;
    }

    public void setMinWeightMagnitude(int minWeightMagnitude) {
        this.minWeightMagnitude = minWeightMagnitude;
    }

    @Override
    public int getDepth() {
        return depth;
    }

    public void setDepth(int depth) {
        this.depth = depth;
    }

    @Override
    public boolean isLocalPow() {
        return localPow;
    }

    public void setLocalPow(boolean localPow) {
        this.localPow = localPow;
    }

    public int getPowThreads() {
        return powThreads;
    }

    public void setPowThreads(int powThreads) {
        this.powThreads = powThreads;
    }

    @Override
    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public IotaNodeConfiguration copy() {
        try {
            return (IotaNodeConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
