package org.p1iota.app.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.p1iota.app.web.ServerSentEvents;
import org.p1iota.app.web.WebJson;

/** Pushes what happens to a household to the pages following it over Server-Sent Events (topic = household id). */
public final class ProviderHouseholdEvents {

    private final ServerSentEvents events;

    public ProviderHouseholdEvents(ServerSentEvents events) {
        this.events = events;
    }

    public ServerSentEvents events() {
        return events;
    }

    /** {@code event: reading}, id = the reading's time, data = the API's Reading JSON. */
    public void reading(StoredReading reading) {
        events.publish(reading.household(), "reading", reading.timestamp().toString(), json(ReadingJson.of(reading)));
    }

    /** {@code event: status} with {@code {"household", "state"}}. */
    public void state(String household, HouseholdState state) {
        state(household, state, null);
    }

    /** {@code event: status} with {@code {"household", "state", "detail"}}: what the page shows beside the state. */
    public void state(String household, HouseholdState state, String detail) {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("household", household);
        status.put("state", state.apiName());
        if (detail != null) {
            status.put("detail", detail);
        }
        events.publish(household, "status", null, json(status));
    }

    private static String json(Object value) {
        try {
            return WebJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON", e);
        }
    }
}
