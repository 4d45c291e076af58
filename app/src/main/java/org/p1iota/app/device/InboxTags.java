package org.p1iota.app.device;

import java.security.SecureRandom;

import org.apache.camel.Message;
import org.p1iota.app.consent.secrets.RandomTrytes;

/**
 * A fresh tag for every message the device sends to an inbox. A zero-value bundle's hash covers only
 * address, tag, timestamp (seconds) and length, not the message, and the {@code iota:} consumer emits
 * each bundle hash once: two same-sized messages to one inbox within a second (a CHALLENGE and a
 * CLAIM_RESULT can be) would share a hash and the second would never be read. A random tag keeps the
 * hashes apart. The route sends with {@code toD ...?tag=${header.P1IotaDeviceTag}}.
 */
final class InboxTags {

    /** Header holding the tag for the message in the body. */
    static final String HEADER = "P1IotaDeviceTag";

    private static final SecureRandom RANDOM = new SecureRandom();

    private InboxTags() {
    }

    static void tag(Message message) {
        message.setHeader(HEADER, "PIOTA" + RandomTrytes.of(RANDOM, 22));
    }
}
