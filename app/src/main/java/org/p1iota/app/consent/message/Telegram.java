package org.p1iota.app.consent.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One meter telegram in a {@link Data} batch.
 *
 * @param sequence the device's running number for accepted telegrams: gaps show loss, repeats a replay
 * @param raw      the telegram exactly as the meter sent it (header to CRC line)
 * @param parsed   the parsed values as a JSON object (the p1 data format's JSON)
 */
public record Telegram(long sequence, String raw, JsonNode parsed) {

    /** DSMR telegrams are about 1 kB; 8 kB leaves room for long text messages and M-Bus devices. */
    public static final int MAX_RAW = 8192;

    public Telegram {
        Check.notNegative("telegram.sequence", sequence);
        Check.present("telegram.raw", raw);
        if (raw.isEmpty() || raw.length() > MAX_RAW) {
            throw new IllegalArgumentException("telegram.raw must be 1 to " + MAX_RAW + " characters");
        }
        Check.present("telegram.parsed", parsed);
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("telegram.parsed must be a JSON object");
        }
        parsed = parsed.deepCopy();
    }

    /** A copy: the record stays immutable even though JsonNode is not. */
    @Override
    public JsonNode parsed() {
        return parsed.deepCopy();
    }
}
