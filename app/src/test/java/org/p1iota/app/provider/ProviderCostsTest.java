package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

/**
 * Issue 16, costs at Wattt Insights, over real HTTP to the running provider role: a logged-in customer
 * sets a day/night tariff, and the costs per day are the stored readings' T1/T2 and gas use priced with
 * it; a visitor gets the default tariff, marked as such, and cannot set one.
 */
class ProviderCostsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningProvider provider;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    private WatttVisitor visitor() throws Exception {
        return new WatttVisitor(http, () -> provider.baseUrl());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + path));
    }

    private static StoredReading reading(String household, long sequence, Instant at, String t1, String t2, String gas) {
        return new StoredReading(household, sequence, at, new BigDecimal(t1), new BigDecimal(t2), BigDecimal.ZERO, BigDecimal.ZERO,
                100, 0, new BigDecimal(gas), at, "");
    }

    @Test
    void aCustomersTariffPricesTheStoredDailyUse() throws Exception {
        int port = RunningNode.freePort();
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, port, Map.of());
        WatttVisitor ann = visitor();
        assertThat(ann.post("/api/account/signup", "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> created = ann.post("/api/consent-requests", "{\"meterName\":\"Home\"}");
        String household = JSON.readTree(created.body()).get("id").asText();

        // readings as the channel reader stores them: yesterday and today (local days of the provider's zone)
        provider.close();
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDate today = LocalDate.now(zone);
        Instant yesterdayNoon = today.minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        Instant todayStart = today.atTime(0, 30).atZone(zone).toInstant();
        try (ProviderDatabase database = ProviderDatabase.open(data.resolve("provider-db"))) {
            new ReadingStore(database).store(List.of(
                    reading(household, 1, yesterdayNoon, "1000.000", "2000.000", "500.000"),
                    reading(household, 2, yesterdayNoon.plusSeconds(3600), "1001.250", "2003.500", "501.125"),
                    reading(household, 3, todayStart, "1002.000", "2004.000", "502.000"),
                    reading(household, 4, todayStart.plusSeconds(600), "1002.400", "2004.000", "502.010")));
        }
        provider = RunningProvider.start(data, RunningNode.freePort(), 3, port, Map.of());

        // a visitor: the default tariff, said to be the default, and no way to set one
        WatttVisitor visitor = visitor();
        assertThat(visitor.get("/api/account/tariff").get("tariffIsDefault").asBoolean()).isTrue();
        assertThat(visitor.post("/api/account/tariff", "{\"kind\":\"fixed\",\"importPerKwh\":0.1}").statusCode()).isEqualTo(401);

        WatttVisitor again = visitor();
        assertThat(again.post("/api/account/login", "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}")
                .statusCode()).isEqualTo(200);
        JsonNode defaults = again.get("/api/readings/costs?household=" + household);
        assertThat(defaults.get("tariffIsDefault").asBoolean()).isTrue();
        assertThat(defaults.get("unit").asText()).isEqualTo("€");

        assertThat(again.post("/api/account/tariff", "{\"kind\":\"daynight\",\"t1PerKwh\":0.2}").statusCode())
                .as("day/night without a day price").isEqualTo(400);
        assertThat(again.post("/api/account/tariff", "{\"kind\":\"fixed\",\"importPerKwh\":\"lots\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> set = again.post("/api/account/tariff",
                "{\"kind\":\"daynight\",\"t1PerKwh\":\"0,21\",\"t2PerKwh\":0.33,\"gasPerM3\":1.40}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode tariff = again.get("/api/account/tariff");
        assertThat(tariff.get("tariffIsDefault").asBoolean()).isFalse();
        assertThat(tariff.get("tariff").get("t1PerKwh").decimalValue()).isEqualByComparingTo("0.21");

        JsonNode costs = again.get("/api/readings/costs?household=" + household + "&days=2");
        assertThat(costs.get("tariffIsDefault").asBoolean()).isFalse();
        JsonNode days = costs.get("days");
        assertThat(days).hasSize(2);
        // yesterday: T1 1.25 kWh, T2 3.5 kWh, gas 1.125 m3; today: T1 0.4 kWh, T2 0, gas 0.01 m3
        assertDay(days.get(0), today.minusDays(1), "1.25", "3.5", "1.125");
        assertDay(days.get(1), today, "0.4", "0", "0.01");
        assertThat(days.get(0).get("electricityEur").decimalValue()).isEqualByComparingTo("1.42"); // 0.2625 + 1.155 = 1.4175
        assertThat(days.get(0).get("gasEur").decimalValue()).isEqualByComparingTo("1.58"); // 1.575
        assertThat(days.get(0).get("totalEur").decimalValue()).isEqualByComparingTo("3.00");

        // another account's visitor cannot read this household's costs
        assertThat(http.send(request("/api/readings/costs?household=" + household).header("Cookie", visitor.cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private static void assertDay(JsonNode day, LocalDate date, String t1, String t2, String gas) {
        BigDecimal expectedElectricity = new BigDecimal(t1).multiply(new BigDecimal("0.21"))
                .add(new BigDecimal(t2).multiply(new BigDecimal("0.33"))).setScale(2, RoundingMode.HALF_UP);
        BigDecimal expectedGas = new BigDecimal(gas).multiply(new BigDecimal("1.40")).setScale(2, RoundingMode.HALF_UP);
        assertThat(day.get("date").asText()).isEqualTo(date.toString());
        assertThat(day.get("importT1Kwh").decimalValue()).isEqualByComparingTo(t1);
        assertThat(day.get("importT2Kwh").decimalValue()).isEqualByComparingTo(t2);
        assertThat(day.get("gasM3").decimalValue()).isEqualByComparingTo(gas);
        assertThat(day.get("electricityEur").decimalValue()).isEqualByComparingTo(expectedElectricity);
        assertThat(day.get("gasEur").decimalValue()).isEqualByComparingTo(expectedGas);
        assertThat(day.get("totalEur").decimalValue()).isEqualByComparingTo(expectedElectricity.add(expectedGas));
    }
}
