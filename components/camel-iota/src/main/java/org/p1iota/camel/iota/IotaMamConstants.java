package org.p1iota.camel.iota;

import org.apache.camel.spi.Metadata;

/** Headers of the {@code iota-mam:} endpoints. */
public final class IotaMamConstants {

    @Metadata(description = "Root of the message: published (producer) or read (consumer); for operation subscribe, the root to follow from",
              javaType = "String")
    public static final String ROOT = "CamelIotaMamRoot";

    @Metadata(description = "The tangle address the message is attached to", javaType = "String")
    public static final String ADDRESS = "CamelIotaMamAddress";

    @Metadata(description = "Root of the channel's next message", javaType = "String")
    public static final String NEXT_ROOT = "CamelIotaMamNextRoot";

    @Metadata(label = "producer", description = "Hash of the bundle that carries the published message", javaType = "String")
    public static final String BUNDLE_HASH = "CamelIotaMamBundleHash";

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this exchange",
              javaType = "org.p1iota.camel.iota.IotaMamOperation")
    public static final String OPERATION = "CamelIotaMamOperation";

    @Metadata(description = "Which followed channel a message came from (consumer), or which one to subscribe, change or unsubscribe (producer)",
              javaType = "String")
    public static final String SUBSCRIPTION = "CamelIotaMamSubscription";

    @Metadata(label = "producer", description = "Mode of the channel to subscribe to: public, private or restricted", javaType = "String")
    public static final String MODE = "CamelIotaMamMode";

    @Metadata(label = "producer", description = "The new side key for changeSideKey and changeSubscriptionSideKey, or the key of a restricted channel to subscribe to",
              javaType = "String", secret = true)
    public static final String SIDE_KEY = "CamelIotaMamSideKey";

    @Metadata(label = "producer", description = "Publish this message under the current side key, then mask every later message with this one (key rotation)",
              javaType = "String", secret = true)
    public static final String NEXT_SIDE_KEY = "CamelIotaMamNextSideKey";

    private IotaMamConstants() {
    }
}
