package org.p1iota.camel.p1;

import org.apache.camel.spi.Metadata;

/** Headers the p1 consumer sets on every exchange. */
public final class P1Constants {

    @Metadata(description = "The meter's timestamp of the telegram", javaType = "java.time.ZonedDateTime")
    public static final String TIMESTAMP = "CamelP1Timestamp";

    private P1Constants() {
    }
}
