package org.p1iota.camel.p1.dataformat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.p1iota.camel.p1.model.Telegram;

/**
 * JSON of the telegram model: field names as the record components, numbers as JSON numbers, times as
 * ISO-8601 with offset, absent fields omitted.
 */
public final class TelegramJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private TelegramJson() {
    }

    /** One line of JSON. */
    public static String toJson(Telegram telegram) {
        try {
            return MAPPER.writeValueAsString(telegram);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("telegram model is not serialisable: " + e.getMessage(), e);
        }
    }

    /** The mapper, for callers that stream or pretty-print. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
