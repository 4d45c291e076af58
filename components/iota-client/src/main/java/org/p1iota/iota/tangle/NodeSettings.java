package org.p1iota.iota.tangle;

/**
 * Which node a {@link TangleClient} talks to and how it attaches transactions. The Camel component's
 * endpoint configuration implements it; code without Camel uses {@link #of(String, int)}.
 */
public interface NodeSettings {

    /** The node's IRI HTTP API, e.g. {@code http://127.0.0.1:14265}. */
    String getNodeUrl();

    /** Minimum weight magnitude: trailing zero trits the proof of work must reach. */
    int getMinWeightMagnitude();

    /** Depth for getTransactionsToApprove. */
    int getDepth();

    /** Tag of the transactions sent (up to 27 trytes, empty for all 9s). */
    String getTag();

    /** Whether proof of work runs in this process (the client then needs an engine) or on the node. */
    boolean isLocalPow();

    /** The nodes to try in order (the first answering is used until it fails); by default the one node. */
    default java.util.List<String> nodeUrlList() {
        return java.util.List.of(getNodeUrl());
    }

    /** A node with depth 3, no tag and proof of work on the node. */
    static NodeSettings of(String nodeUrl, int minWeightMagnitude) {
        return new Fixed(nodeUrl, minWeightMagnitude, 3, "", false);
    }

    /** Settings that do not change. */
    record Fixed(String nodeUrl, int minWeightMagnitude, int depth, String tag, boolean localPow) implements NodeSettings {

        @Override
        public String getNodeUrl() {
            return nodeUrl;
        }

        @Override
        public int getMinWeightMagnitude() {
            return minWeightMagnitude;
        }

        @Override
        public int getDepth() {
            return depth;
        }

        @Override
        public String getTag() {
            return tag;
        }

        @Override
        public boolean isLocalPow() {
            return localPow;
        }

        /** The same node with proof of work done here (the client then needs an engine). */
        public Fixed withLocalPow() {
            return new Fixed(nodeUrl, minWeightMagnitude, depth, tag, true);
        }
    }
}
