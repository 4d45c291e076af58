package org.p1iota.app.provider;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.provider.accounts.AccountStore;
import org.p1iota.app.web.HttpRequests;
import org.p1iota.app.web.ServerSentEvents;
import org.p1iota.app.web.WebJson;

/**
 * Wattt Insights' JSON API (docs/http-api.md), one method per route of {@code routes/provider.yaml};
 * the routes put the access gate before these. Every method answers the exchange itself.
 */
public final class ProviderApi {

    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1000;

    private final ConsentRequests requests;
    private final KeyReceipt keyReceipt;
    private final HouseholdStore households;
    private final ReadingStore readings;
    private final ProviderHouseholdEvents events;
    private final NodeProbe node;
    private final ProviderProfile profile;
    private final Clock clock;
    private final int maxStreams;
    private final HouseholdAccess access;
    private final int maxOpenRequests;
    private volatile AccountStore accounts;

    public ProviderApi(ConsentRequests requests, KeyReceipt keyReceipt, HouseholdStore households, ReadingStore readings,
            ProviderHouseholdEvents events, NodeProbe node, ProviderProfile profile, Clock clock, int maxStreams, HouseholdAccess access,
            int maxOpenRequests) {
        this.requests = requests;
        this.keyReceipt = keyReceipt;
        this.households = households;
        this.readings = readings;
        this.events = events;
        this.node = node;
        this.profile = profile;
        this.clock = clock;
        this.maxStreams = maxStreams;
        this.access = access;
        this.maxOpenRequests = maxOpenRequests;
    }

    /** Issue 16: customer accounts and meter names. */
    public void useAccounts(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** {@code POST /api/consent-requests} {@code {}} or {@code {"myHome": url}} → 201 {@code {id, myHomeUrl}}. */
    public void createConsentRequest(Exchange exchange) throws Exception {
        String body = exchange.getIn().getBody(String.class);
        Optional<String> myHome;
        String meterName = null;
        boolean another = false;
        try {
            JsonNode json = body == null || body.isBlank() ? null : WebJson.mapper().readTree(body);
            if (json != null && !json.isObject()) {
                throw new IOException("not an object");
            }
            JsonNode field = json == null ? null : json.get("myHome");
            if (field != null && !field.isNull() && !field.isTextual()) {
                throw new IOException("myHome is not text");
            }
            myHome = Optional.ofNullable(field).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
            if (json != null && json.path("meterName").isTextual()) {
                meterName = AccountStore.meterNameOrRefuse(json.path("meterName").asText());
            }
            another = json != null && json.path("another").asBoolean(false);
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage());
            return;
        } catch (IOException e) {
            WebJson.fail(exchange, 400, "bad_request", "The body must be a JSON object, {} or {\"myHome\": \"http://…\"}.");
            return;
        }
        if (households.countInState(HouseholdState.WAITING_FOR_KEYS) >= maxOpenRequests) {
            exchange.getMessage().setHeader("Retry-After", "60");
            WebJson.fail(exchange, 503, "too_many_open_requests",
                    "Too many consent requests are waiting for an answer; try again in a while.");
            return;
        }
        Optional<Household> connected = another ? Optional.empty() : connectedAlready(exchange);
        if (connected.isPresent()) {
            // issue 16: connecting again while a meter is being received reuses that grant, no second identical policy
            Map<String, Object> existing = householdJson(connected.get());
            existing.put("existing", true);
            WebJson.respond(exchange, 200, existing);
            return;
        }
        ConsentRequests.Created created;
        try {
            created = requests.create(myHome, requestedScope(body), requestedDuration(body));
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", "The consent request was refused: " + e.getMessage() + ".");
            return;
        }
        access.created(exchange, created.id());
        if (accounts != null) {
            accounts.named(created.id(), access.account(exchange).orElse(null), meterName);
        }
        keyReceipt.watch(exchange.getContext(), households.find(created.id()).orElseThrow());
        WebJson.respond(exchange, 201, created);
    }

    /** The caller's household that is receiving now (a visitor's or a logged-in customer's, not the API client's). */
    private Optional<Household> connectedAlready(Exchange exchange) throws SQLException {
        if (!"session".equals(exchange.getProperty(org.p1iota.app.web.AccessGate.PRINCIPAL))) {
            return Optional.empty();
        }
        return households.all().stream().filter(h -> h.state() == HouseholdState.RECEIVING)
                .filter(h -> access.maySee(exchange, h.id())).findFirst();
    }

    /**
     * The scope a consent request asks for: {@code "choice": "live"} (every telegram, everything) or
     * {@code "insights"} (15-minute electricity and gas), or {@code "resolution"} and {@code "categories"}
     * (comma-separated); none: the full scope.
     */
    static org.p1iota.app.consent.message.Scope requestedScope(String body) throws IOException {
        JsonNode json = body == null || body.isBlank() ? WebJson.mapper().createObjectNode() : WebJson.mapper().readTree(body);
        String choice = json.path("choice").asText("");
        if (choice.equals("live")) {
            return null;
        }
        if (choice.equals("insights")) {
            return ProviderProfile.INSIGHTS;
        }
        if (!choice.isEmpty()) {
            throw new IllegalArgumentException("choice must be live or insights");
        }
        return org.p1iota.app.consent.policy.ScopeParameters.scope(json.path("resolution").asText(null),
                json.path("categories").asText(null));
    }

    /** {@code "duration"}: ISO-8601 (P30D, PT2M); none: until revoked. */
    static java.time.Duration requestedDuration(String body) throws IOException {
        JsonNode json = body == null || body.isBlank() ? WebJson.mapper().createObjectNode() : WebJson.mapper().readTree(body);
        return org.p1iota.app.consent.policy.ScopeParameters.duration(json.path("duration").asText(null));
    }

    /** {@code GET /api/households} → every household, the most recent first. */
    public void households(Exchange exchange) throws SQLException {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (Household household : households.all()) {
            if (access.maySee(exchange, household.id())) {
                list.add(householdJson(household));
            }
        }
        WebJson.respond(exchange, 200, list);
    }

    /**
     * {@code GET /api/status?household=} (without it: the most recent household), with
     * {@code rejectedKeyDeliveries} and a {@code message} for the household when any was refused.
     */
    public void status(Exchange exchange) throws SQLException {
        Optional<Household> household = household(exchange, true);
        if (household == null) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("household", household.map(Household::id).orElse(null));
        status.put("state", household.map(h -> h.state().apiName()).orElse("not_connected"));
        status.put("lastReadingAt", household.map(Household::lastReadingAt).map(Object::toString).orElse(null));
        status.put("readings", household.isPresent() ? readings.count(household.get().id()) : 0);
        status.put("node", node.state());
        int rejected = household.map(Household::rejectedKeyDeliveries).orElse(0);
        status.put("rejectedKeyDeliveries", rejected);
        status.put("message", refusalMessage(rejected));
        WebJson.respond(exchange, 200, status);
    }

    /** {@code GET /api/readings?household=&from=&to=&limit=&format=}: JSON, or CSV for {@code Accept: text/csv} / {@code format=csv}. */
    public void readings(Exchange exchange) throws SQLException {
        Optional<Household> household = household(exchange, false);
        if (household == null) {
            return;
        }
        List<StoredReading> found;
        boolean csv;
        try {
            Query query = Query.of(exchange);
            found = readings.between(household.get().id(), query.instant("from").orElse(null), query.instant("to").orElse(null),
                    query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
            csv = query.text("format").map("csv"::equals).orElse(false)
                    || HttpRequests.header(exchange, "Accept").orElse("").contains("text/csv");
        } catch (Query.BadQueryException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage() + ".");
            return;
        }
        List<ReadingJson> json = found.stream().map(ReadingJson::of).toList();
        if (csv) {
            StringBuilder text = new StringBuilder(ReadingJson.CSV_HEADER).append("\r\n");
            json.forEach(reading -> text.append(reading.csvLine()).append("\r\n"));
            Message out = exchange.getMessage();
            out.setBody(text.toString());
            out.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            out.setHeader("Content-Disposition", "attachment; filename=\"readings.csv\"");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("household", household.get().id());
        body.put("readings", json);
        WebJson.respond(exchange, 200, body);
    }

    /** {@code GET /api/readings/daily?household=&days=14} → use per local day, oldest first. */
    public void daily(Exchange exchange) throws SQLException {
        Optional<Household> household = household(exchange, false);
        if (household == null) {
            return;
        }
        int days;
        try {
            days = Query.of(exchange).integer("days", 14, 1, 366);
        } catch (Query.BadQueryException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage() + ".");
            return;
        }
        LocalDate first = LocalDate.now(clock.withZone(profile.zone())).minusDays(days - 1L);
        List<Map<String, Object>> answer = readings.daily(household.get().id(), first.atStartOfDay(profile.zone()).toInstant(),
                profile.zone()).stream().map(day -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("date", day.date().toString());
                    json.put("energyImportKwh", day.energyImportKwh());
                    json.put("energyExportKwh", day.energyExportKwh());
                    json.put("gasM3", day.gasM3());
                    return json;
                }).toList();
        WebJson.respond(exchange, 200, answer);
    }

    /** Issue 16: {@code GET /api/readings/hourly?household=&hours=24} → gas and electricity per clock hour, oldest first. */
    public void hourly(Exchange exchange) throws SQLException {
        Optional<Household> household = household(exchange, false);
        if (household == null) {
            return;
        }
        int hours;
        try {
            hours = Query.of(exchange).integer("hours", 24, 1, 24 * 31);
        } catch (Query.BadQueryException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage() + ".");
            return;
        }
        java.time.Instant since = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(java.time.Duration.ofHours(hours - 1L));
        WebJson.respond(exchange, 200, readings.hourly(household.get().id(), since));
    }

    /** {@code GET /api/readings/stream?household=}: Server-Sent Events, at most {@code maxStreams} at once. */
    public void stream(Exchange exchange) throws SQLException {
        Optional<Household> household = household(exchange, false);
        if (household == null) {
            return;
        }
        ServerSentEvents sse = events.events();
        if (sse.subscribers() >= maxStreams) {
            exchange.getMessage().setHeader("Retry-After", "30");
            WebJson.fail(exchange, 503, "too_many_streams", "Too many live views are open; the page falls back to polling.");
            return;
        }
        String id = household.get().id();
        sse.respond(exchange, id::equals);
    }

    /**
     * The household the query names; null when a refusal was answered. {@code optional}: without
     * the parameter, the most recent household (or empty when there is none).
     */
    private Optional<Household> household(Exchange exchange, boolean optional) throws SQLException {
        Optional<String> id;
        try {
            id = Query.of(exchange).text("household");
        } catch (Query.BadQueryException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage() + ".");
            return null;
        }
        if (id.isEmpty()) {
            if (optional) {
                return households.all().stream().filter(h -> access.maySee(exchange, h.id())).findFirst();
            }
            WebJson.fail(exchange, 400, "bad_request", "Name the household: ?household=req_….");
            return null;
        }
        Optional<Household> household = households.find(id.get()).filter(h -> access.maySee(exchange, h.id()));
        if (household.isEmpty()) {
            WebJson.fail(exchange, 404, "not_found", "There is no household with that id.");
            return null;
        }
        return household;
    }

    /** What the household's page says about refused key deliveries, or null when there were none. */
    static String refusalMessage(int rejected) {
        if (rejected == 0) {
            return null;
        }
        return (rejected == 1 ? "A key delivery that did not come from your meter was refused."
                : rejected + " key deliveries that did not come from your meter were refused.")
                + " Only your meter's own delivery is accepted; nothing else was stored.";
    }

    /** The meter's name is the one the customer gave it at Wattt, never the request id. */
    private Map<String, Object> householdJson(Household household) throws SQLException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", household.id());
        Optional<AccountStore.Meter> meter = accounts == null ? Optional.empty() : accounts.meter(household.id());
        json.put("name", meter.map(AccountStore.Meter::name).orElse("Meter connected on "
                + household.requestedAt().atZone(profile.zone()).toLocalDate()));
        json.put("state", household.state().apiName());
        json.put("requestedAt", household.requestedAt().toString());
        json.put("lastReadingAt", household.lastReadingAt() == null ? null : household.lastReadingAt().toString());
        json.put("rejectedKeyDeliveries", household.rejectedKeyDeliveries());
        return json;
    }
}
