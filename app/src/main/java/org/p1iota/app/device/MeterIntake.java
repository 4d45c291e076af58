package org.p1iota.app.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.camel.p1.P1Constants;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter → spool: each telegram the {@code p1:} consumer accepted is appended to the durable spool as
 * {@code {"raw": ..., "parsed": {...}}} and forced to disk before the exchange completes. Frames the
 * meter garbled (rejected by the p1 component) are counted and logged, never spooled.
 */
public final class MeterIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MeterIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DurableSpool spool;
    private final int batchSize;
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public MeterIntake(DurableSpool spool, int batchSize) {
        this.spool = spool;
        this.batchSize = batchSize;
    }

    /** Spools the telegram in the exchange. @return whether a full batch now waits (publish promptly) */
    public boolean accept(Exchange exchange) throws IOException, org.apache.camel.InvalidPayloadException {
        org.p1iota.camel.p1.model.Telegram telegram = exchange.getMessage().getMandatoryBody(org.p1iota.camel.p1.model.Telegram.class);
        byte[] rawBytes = exchange.getMessage().getHeader(P1Constants.RAW, byte[].class);
        String raw = new String(rawBytes, StandardCharsets.ISO_8859_1);
        if (raw.length() > Telegram.MAX_RAW) {
            rejected(exchange, "telegram of " + raw.length() + " bytes exceeds the protocol's " + Telegram.MAX_RAW);
            return false;
        }
        ObjectNode record = JSON.createObjectNode();
        record.put("raw", raw);
        JsonNode parsed = JSON.readTree(TelegramJson.toJson(telegram));
        record.set("parsed", parsed);
        long sequence = spool.append(JSON.writeValueAsBytes(record));
        spooled.incrementAndGet();
        LOG.debug("telegram {} spooled", sequence);
        return spool.pendingCount() >= batchSize;
    }

    /** A frame the p1 component rejected (CRC, truncation...): counted and logged, not spooled. */
    public void rejected(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        rejected(exchange, cause == null ? "rejected frame" : cause.getMessage());
    }

    private void rejected(Exchange exchange, String why) {
        long count = rejected.incrementAndGet();
        LOG.warn("meter frame dropped ({} so far): {}", count, why);
    }

    public long spooled() {
        return spooled.get();
    }

    public long rejectedFrames() {
        return rejected.get();
    }

    /** The telegram's bytes exactly as the meter sent them, from a spool record. */
    static byte[] raw(byte[] record) throws IOException {
        return JSON.readTree(record).get("raw").asText().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Rebuilds a protocol telegram from a spool record. */
    static Telegram telegram(long sequence, byte[] record) throws IOException {
        JsonNode json = JSON.readTree(record);
        return new Telegram(sequence, json.get("raw").asText(), json.get("parsed"));
    }
}
