package org.p1iota.app.provider.costs;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.provider.Household;
import org.p1iota.app.provider.HouseholdAccess;
import org.p1iota.app.provider.HouseholdStore;
import org.p1iota.app.tariff.Tariff;
import org.p1iota.app.web.HttpRequests;
import org.p1iota.app.web.WebJson;

/**
 * Issue 16: costs at Wattt Insights (docs/http-api.md "Tariff and costs"). A logged-in customer sets
 * their tariff ({@code GET|POST /api/account/tariff}); {@code GET /api/readings/costs} prices a
 * household's use per day with it. Anyone else (a visitor, an API client with the bearer token) gets
 * {@link Tariff#DEFAULT}, marked {@code "tariffIsDefault": true} so the page says so.
 */
public final class CostsApi {

    private static final int MAX_BODY = 2048;

    private final TariffStore tariffs;
    private final HouseholdStore households;
    private final HouseholdAccess access;
    private final ZoneId zone;
    private final Clock clock;

    public CostsApi(TariffStore tariffs, HouseholdStore households, HouseholdAccess access, ZoneId zone, Clock clock) {
        this.tariffs = tariffs;
        this.households = households;
        this.access = access;
        this.zone = zone;
        this.clock = clock;
    }

    // One method per REST verb of routes/provider.yaml.

    /** {@code GET /api/account/tariff} → {@code {tariff, tariffIsDefault, loggedIn}}. */
    public void tariff(Exchange exchange) throws SQLException {
        Optional<String> account = access.account(exchange);
        Optional<Tariff> own = account.isPresent() ? tariffs.of(account.get()) : Optional.empty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedIn", account.isPresent());
        body.put("tariff", own.orElse(Tariff.DEFAULT));
        body.put("tariffIsDefault", own.isEmpty());
        WebJson.respond(exchange, 200, body);
    }

    /** {@code POST /api/account/tariff} {@code {kind, importPerKwh | t1PerKwh + t2PerKwh, gasPerM3}}: logged-in customers only. */
    public void setTariff(Exchange exchange) throws SQLException {
        Optional<String> account = access.account(exchange);
        if (account.isEmpty()) {
            WebJson.fail(exchange, 401, "not_logged_in", "Log in to keep your own tariff; until then costs use the default tariff.");
            return;
        }
        String text = HttpRequests.hasJsonBody(exchange) ? exchange.getIn().getBody(String.class) : null;
        Tariff tariff;
        try {
            JsonNode json = text == null || text.length() > MAX_BODY ? null : WebJson.mapper().readTree(text);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("Send a JSON object: {\"kind\": \"fixed\"|\"daynight\", \"importPerKwh\" | "
                        + "\"t1PerKwh\" + \"t2PerKwh\", \"gasPerM3\"}.");
            }
            tariff = Tariff.parse(json);
        } catch (java.io.IOException e) {
            WebJson.fail(exchange, 400, "bad_request", "Send a JSON object: {\"kind\": …, \"importPerKwh\": …, \"gasPerM3\": …}.");
            return;
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        tariffs.save(account.get(), tariff);
        WebJson.respond(exchange, 200, Map.of("tariff", tariff, "tariffIsDefault", false, "loggedIn", true));
    }

    /** {@code GET /api/readings/costs?household=&days=14} → costs per local day, oldest first, in euro. */
    public void daily(Exchange exchange) throws SQLException {
        Map<String, String> query = HttpRequests.queryParameters(exchange);
        String id = query.get("household");
        if (id == null || id.isBlank()) {
            WebJson.fail(exchange, 400, "bad_request", "Name the household: ?household=req_….");
            return;
        }
        int days;
        try {
            days = Integer.parseInt(query.getOrDefault("days", "14"));
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > 366) {
            WebJson.fail(exchange, 400, "bad_request", "days must be a whole number from 1 to 366.");
            return;
        }
        Optional<Household> household = households.find(id).filter(h -> access.maySee(exchange, h.id()));
        if (household.isEmpty()) {
            WebJson.fail(exchange, 404, "not_found", "There is no household with that id.");
            return;
        }
        Optional<String> account = access.account(exchange);
        Optional<Tariff> own = account.isPresent() ? tariffs.of(account.get()) : Optional.empty();
        Tariff tariff = own.orElse(Tariff.DEFAULT);
        LocalDate first = LocalDate.now(clock.withZone(zone)).minusDays(days - 1L);
        List<Map<String, Object>> perDay = tariffs.dailyUse(household.get().id(), first.atStartOfDay(zone).toInstant(), zone)
                .stream().map(day -> {
                    BigDecimal electricity = tariff.electricityCost(day.importT1Kwh(), day.importT2Kwh());
                    BigDecimal gas = tariff.gasCost(day.gasM3());
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("date", day.date().toString());
                    json.put("importT1Kwh", day.importT1Kwh());
                    json.put("importT2Kwh", day.importT2Kwh());
                    json.put("gasM3", day.gasM3());
                    json.put("electricityEur", electricity);
                    json.put("gasEur", gas);
                    json.put("totalEur", electricity.add(gas));
                    return json;
                }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("household", household.get().id());
        body.put("currency", "EUR");
        body.put("unit", "€");
        body.put("tariff", tariff);
        body.put("tariffIsDefault", own.isEmpty());
        body.put("days", perDay);
        WebJson.respond(exchange, 200, body);
    }
}
