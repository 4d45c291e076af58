package org.p1iota.camel.iota;

import org.apache.camel.spi.Metadata;

/** Headers of the {@code iota:} endpoints. */
public final class IotaConstants {

    @Metadata(description = "The address the message was sent to or read from (81 trytes). On the producer, overrides the endpoint's address.",
              javaType = "String")
    public static final String ADDRESS = "CamelIotaAddress";

    @Metadata(label = "consumer,producer", description = "Hash of the bundle that carries the message", javaType = "String")
    public static final String BUNDLE_HASH = "CamelIotaBundleHash";

    @Metadata(label = "consumer,producer", description = "Hash of the bundle's tail transaction (currentIndex 0)", javaType = "String")
    public static final String TAIL_HASH = "CamelIotaTailHash";

    @Metadata(label = "consumer", description = "The tag of the tail transaction", javaType = "String")
    public static final String TAG = "CamelIotaTag";

    @Metadata(label = "consumer", description = "When the bundle was attached, ms since the epoch", javaType = "long")
    public static final String ATTACHMENT_TIMESTAMP = "CamelIotaAttachmentTimestamp";

    @Metadata(label = "producer", description = "Number of transactions the message took", javaType = "int")
    public static final String TRANSACTION_COUNT = "CamelIotaTransactionCount";

    private IotaConstants() {
    }
}
