package org.p1iota.app.myhome;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.consent.policy.DeviceRecord;
import org.p1iota.app.myhome.energy.EnergyStore;
import org.p1iota.app.myhome.energy.EnergyStore.Usage;
import org.p1iota.app.myhome.energy.MeterReading;
import org.p1iota.app.myhome.energy.Tariffs;
import org.p1iota.app.web.Csv;
import org.p1iota.app.web.HttpRequests;
import org.p1iota.app.web.WebJson;

/**
 * {@code /api/energy/...}: the household's own meters (docs/http-api.md, "My Home's own energy").
 * Behind {@code myhomeApiGate}. Periods are local days, weeks (from Monday), months and years in
 * {@code myhome.zone}.
 */
public final class EnergyApi {

    private static final int MAX_EXPORT_ROWS = 100_000;
    private static final Duration ONLINE = Duration.ofMinutes(2);

    private final EventStore events;
    private final EnergyStore store;
    private final Tariffs tariffs;
    private final Clock clock;
    private final ZoneId zone;

    public EnergyApi(EventStore events, EnergyStore store, Tariffs tariffs, Clock clock, ZoneId zone) {
        this.events = events;
        this.store = store;
        this.tariffs = tariffs;
        this.clock = clock;
        this.zone = zone;
    }

    // One method per REST verb of routes/myhome.yaml (GET /api/energy/...); the answer and the refusals in answer().
    public void meters(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, meters()));
    }

    public void live(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, live(device(query), query)));
    }

    public void summary(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, summary(device(query))));
    }

    public void hours(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, hours(device(query), query)));
    }

    public void days(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, days(device(query), query)));
    }

    public void export(Exchange exchange) throws SQLException {
        answer(exchange, query -> export(exchange, device(query), query));
    }

    public void tariffs(Exchange exchange) throws SQLException {
        answer(exchange, query -> WebJson.respond(exchange, 200, tariffs.settings()));
    }

    public void saveTariffs(Exchange exchange) throws SQLException {
        answer(exchange, query -> storeTariffs(exchange));
    }

    public void prices(Exchange exchange) throws SQLException {
        answer(exchange, query -> storePrices(exchange));
    }

    private interface Answer {
        void give(Map<String, String> query) throws ApiRefusal, EventChannelException, SQLException;
    }

    private void answer(Exchange exchange, Answer answer) throws SQLException {
        events.useContext(exchange.getContext());
        try {
            answer.give(ApiRequests.query(exchange));
        } catch (ApiRefusal refusal) {
            ApiRequests.refuse(exchange, refusal);
        } catch (EventChannelException e) {
            ApiRequests.nodeUnreachable(exchange, e);
        } catch (IllegalArgumentException e) {
            ApiRequests.refuse(exchange, new ApiRefusal(400, "bad_request", e.getMessage()));
        }
    }

    private DeviceRecord device(Map<String, String> query) throws ApiRefusal, EventChannelException {
        String address = query.get("device");
        List<DeviceRecord> devices = events.state().activeDevices();
        if (address == null || address.isBlank()) {
            if (devices.isEmpty()) {
                throw new ApiRefusal(404, "not_found", "No device is paired yet: pair one on the Devices page.");
            }
            return devices.get(0);
        }
        return devices.stream().filter(d -> d.address().equals(address)).findFirst()
                .orElseThrow(() -> new ApiRefusal(422, "unknown_device", "No such device in this household."));
    }

    private List<Map<String, Object>> meters() throws EventChannelException, SQLException {
        List<Map<String, Object>> meters = new ArrayList<>();
        for (DeviceRecord device : events.state().activeDevices()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("address", device.address());
            json.put("name", device.name());
            var info = store.meter(device.address());
            Instant last = info.map(EnergyStore.MeterInfo::lastReadingS).map(Instant::ofEpochSecond).orElse(null);
            json.put("online", last != null && Duration.between(last, clock.instant()).compareTo(ONLINE) < 0);
            json.put("lastReadingAt", last == null ? null : last.toString());
            json.put("dsmrVersion", info.map(i -> MeterReading.dsmrVersion(i.p1Version())).orElse(null));
            json.put("meterHeader", info.map(EnergyStore.MeterInfo::header).orElse(null));
            json.put("equipmentId", info.map(EnergyStore.MeterInfo::equipmentId).orElse(null));
            json.put("gasEquipmentId", info.map(EnergyStore.MeterInfo::gasEquipmentId).orElse(null));
            json.put("readings", store.count(device.address()));
            meters.add(json);
        }
        return meters;
    }

    private Map<String, Object> live(DeviceRecord device, Map<String, String> query) throws SQLException {
        int minutes = intParameter(query, "minutes", 10, 1, 240);
        List<List<Object>> rows = store.latest(device.address(), minutes * 60);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", device.address());
        json.put("columns", EnergyStore.ROW_HEADER);
        if (!rows.isEmpty()) {
            // the window ends at the last reading, whatever the clock says: a meter that fell silent still shows its last minutes
            Instant last = Instant.parse((String) rows.get(rows.size() - 1).get(0));
            Instant from = last.minus(Duration.ofMinutes(minutes));
            rows = rows.stream().filter(r -> !Instant.parse((String) r.get(0)).isBefore(from)).toList();
        }
        json.put("rows", rows);
        return json;
    }

    private Map<String, Object> summary(DeviceRecord device) throws SQLException {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        Tariffs.Settings prices = tariffs.settings();
        Map<String, Object> periods = new LinkedHashMap<>();
        periods.put("today", period(device, prices, today.atStartOfDay(zone), today.plusDays(1).atStartOfDay(zone)));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        periods.put("week", period(device, prices, monday.atStartOfDay(zone), monday.plusWeeks(1).atStartOfDay(zone)));
        LocalDate month = today.withDayOfMonth(1);
        periods.put("month", period(device, prices, month.atStartOfDay(zone), month.plusMonths(1).atStartOfDay(zone)));
        LocalDate year = today.withDayOfYear(1);
        periods.put("year", period(device, prices, year.atStartOfDay(zone), year.plusYears(1).atStartOfDay(zone)));
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("thisMonth", period(device, prices, month.atStartOfDay(zone), month.plusMonths(1).atStartOfDay(zone)));
        comparison.put("lastMonth", period(device, prices, month.minusMonths(1).atStartOfDay(zone), month.atStartOfDay(zone)));
        comparison.put("sameMonthLastYear", period(device, prices, month.minusYears(1).atStartOfDay(zone),
                month.minusYears(1).plusMonths(1).atStartOfDay(zone)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", device.address());
        json.put("zone", zone.getId());
        json.put("periods", periods);
        json.put("comparison", comparison);
        json.put("tariffsEntered", prices.entered());
        return json;
    }

    private Map<String, Object> period(DeviceRecord device, Tariffs.Settings prices, ZonedDateTime from, ZonedDateTime to)
            throws SQLException {
        Usage usage = store.usage(device.address(), new long[] {from.toEpochSecond(), to.toEpochSecond()}).get(0);
        Map<String, Object> json = usageJson(usage, prices, device);
        json.put("from", from.toLocalDate().toString());
        json.put("to", to.toLocalDate().toString());
        return json;
    }

    private Map<String, Object> usageJson(Usage usage, Tariffs.Settings prices, DeviceRecord device) throws SQLException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("importT1Kwh", usage.importT1());
        json.put("importT2Kwh", usage.importT2());
        json.put("exportT1Kwh", usage.exportT1());
        json.put("exportT2Kwh", usage.exportT2());
        json.put("importKwh", sum(usage.importT1(), usage.importT2()));
        json.put("exportKwh", sum(usage.exportT1(), usage.exportT2()));
        json.put("gasM3", usage.gas());
        json.put("costEur", tariffs.cost(prices, usage, store, device.address()));
        json.put("readings", usage.readings());
        return json;
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null && b == null ? null : (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b);
    }

    /** The 24 (23, 25) hours of a local day: energy, gas and cost per hour. */
    private List<Map<String, Object>> hours(DeviceRecord device, Map<String, String> query) throws SQLException, ApiRefusal {
        LocalDate day = date(query, "date", clock.instant().atZone(zone).toLocalDate());
        ZonedDateTime start = day.atStartOfDay(zone);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
        List<Long> bounds = new ArrayList<>();
        for (ZonedDateTime hour = start; !hour.isAfter(end); hour = hour.plusHours(1)) {
            bounds.add(hour.toEpochSecond());
        }
        return spans(device, bounds, s -> Instant.ofEpochSecond(s).atZone(zone).toLocalDateTime().toString());
    }

    /** The last {@code days} local days, oldest first. */
    private List<Map<String, Object>> days(DeviceRecord device, Map<String, String> query) throws SQLException, ApiRefusal {
        int days = intParameter(query, "days", 31, 1, 400);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<Long> bounds = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            bounds.add(day.atStartOfDay(zone).toEpochSecond());
        }
        return spans(device, bounds, s -> Instant.ofEpochSecond(s).atZone(zone).toLocalDate().toString());
    }

    private List<Map<String, Object>> spans(DeviceRecord device, List<Long> bounds, java.util.function.LongFunction<String> label)
            throws SQLException {
        Tariffs.Settings prices = tariffs.settings();
        List<Map<String, Object>> spans = new ArrayList<>();
        for (Usage usage : store.usage(device.address(), bounds.stream().mapToLong(Long::longValue).toArray())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("start", label.apply(usage.fromS()));
            json.putAll(usageJson(usage, prices, device));
            spans.add(json);
        }
        return spans;
    }

    private void export(Exchange exchange, DeviceRecord device, Map<String, String> query) throws SQLException, ApiRefusal {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate from = date(query, "from", today);
        LocalDate to = date(query, "to", from);
        if (to.isBefore(from)) {
            throw new ApiRefusal(400, "bad_request", "The export's end date is before its start date.");
        }
        List<List<Object>> rows = store.rows(device.address(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), MAX_EXPORT_ROWS);
        Csv.respond(exchange, "energy-" + from + "-" + to + ".csv", EnergyStore.ROW_HEADER, rows);
    }

    private void storeTariffs(Exchange exchange) throws ApiRefusal, SQLException {
        JsonNode body = ApiRequests.jsonBody(exchange);
        Tariffs.Settings settings = Tariffs.parse(body);
        tariffs.save(settings);
        WebJson.respond(exchange, 200, settings);
    }

    private void storePrices(Exchange exchange) throws SQLException, ApiRefusal {
        String contentType = HttpRequests.contentType(exchange).orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/")) {
            throw new ApiRefusal(415, "unsupported_media_type", "Send the price list as text/csv: lines <hour>,<euro per kWh>.");
        }
        String csv = exchange.getIn().getBody(String.class);
        int hours = tariffs.importPrices(csv == null ? "" : csv);
        WebJson.respond(exchange, 200, Map.of("hours", hours));
    }

    private static int intParameter(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }

    private static LocalDate date(Map<String, String> query, String name, LocalDate fallback) throws ApiRefusal {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiRefusal(400, "bad_request", name + " must be a date such as 2026-12-07.");
        }
    }
}
