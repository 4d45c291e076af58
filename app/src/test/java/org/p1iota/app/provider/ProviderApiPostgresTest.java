package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;
import org.p1iota.app.testing.TestPostgres;

/**
 * The web API of Wattt Insights over real HTTP with its database on a real PostgreSQL server
 * ({@code provider.database.url}): accounts, consent requests, households and status, readings as JSON
 * and CSV, per Europe/Amsterdam day and per clock hour, a tariff and the costs priced with it. The
 * readings are stored through a second connection to the server, as another instance's channel reader
 * stores them; the account outlives a restart because it is on the server, not beside the instance.
 */
class ProviderApiPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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

    private RunningProvider start(TestPostgres postgres, int port) throws Exception {
        return RunningProvider.start(data, RunningNode.freePort(), 3, port, Map.of("provider.database.url", postgres.url,
                "provider.zone", AMSTERDAM.getId()));
    }

    private static StoredReading reading(String household, long sequence, Instant at, String t1, String t2, String gas) {
        return new StoredReading(household, sequence, at, new BigDecimal(t1), new BigDecimal(t2), BigDecimal.ZERO, BigDecimal.ZERO,
                100, 0, new BigDecimal(gas), at, "/raw " + sequence);
    }

    @Test
    void theWebApiAnswersFromPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.create()) {
            int port = RunningNode.freePort();
            provider = start(postgres, port);
            assertThat(data.resolve("provider-db")).as("no embedded file beside the instance").doesNotExist();
            WatttVisitor ann = new WatttVisitor(http, () -> provider.baseUrl());
            HttpResponse<String> signedUp = ann.post("/api/account/signup", "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}");
            assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
            assertThat(ann.post("/api/account/signup", "{\"email\":\"ANN@example.org\",\"password\":\"another password\"}").statusCode())
                    .isEqualTo(409);
            HttpResponse<String> created = ann.post("/api/consent-requests", "{\"meterName\":\"Home, Amsterdam\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String household = JSON.readTree(created.body()).get("id").asText();
            HttpResponse<String> byClient = provider.post("/api/consent-requests", "{}");
            assertThat(byClient.statusCode()).as(byClient.body()).isEqualTo(201);
            String other = JSON.readTree(byClient.body()).get("id").asText();

            JsonNode mine = ann.get("/api/households");
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("name").asText()).isEqualTo("Home, Amsterdam");
            assertThat(mine.get(0).get("state").asText()).isEqualTo("waiting_for_keys");
            JsonNode all = JSON.readTree(provider.get("/api/households").body());
            assertThat(all).extracting(h -> h.get("id").asText()).as("the most recent first").containsExactly(other, household);
            assertThat(provider.get("/.well-known/p1-iota-provider.json?requestId=" + household).statusCode()).isEqualTo(200);

            // readings stored by another instance: yesterday and in this clock hour
            LocalDate today = LocalDate.now(AMSTERDAM);
            Instant yesterdayNoon = today.minusDays(1).atTime(12, 0).atZone(AMSTERDAM).toInstant();
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            try (ProviderDatabase instance = ProviderDatabase.open(postgres.url, null, null)) {
                new ReadingStore(instance).store(List.of(
                        reading(household, 1, yesterdayNoon, "1000.000", "2000.000", "500.000"),
                        reading(household, 2, yesterdayNoon.plusSeconds(3600), "1001.250", "2003.500", "501.125"),
                        reading(household, 3, hour.plusSeconds(60), "1002.000", "2004.000", "502.000"),
                        reading(household, 4, hour.plusSeconds(120), "1002.400", "2004.000", "502.010")));
            }
            JsonNode status = ann.get("/api/status?household=" + household);
            assertThat(status.get("readings").asInt()).isEqualTo(4);
            assertThat(status.get("lastReadingAt").asText()).isEqualTo(hour.plusSeconds(120).toString());
            assertThat(ann.get("/api/status").get("household").asText()).as("without a household: the visitor's").isEqualTo(household);

            JsonNode readings = ann.get("/api/readings?household=" + household + "&from=" + hour + "&limit=10").get("readings");
            assertThat(readings).extracting(r -> r.get("timestamp").asText())
                    .containsExactly(hour.plusSeconds(60).toString(), hour.plusSeconds(120).toString());
            assertThat(readings.get(1).get("energyImportKwh").decimalValue()).isEqualByComparingTo("3006.4");
            assertThat(ann.get("/api/readings?household=" + household + "&to=" + hour + "&limit=1").get("readings"))
                    .extracting(r -> r.get("timestamp").asText()).containsExactly(yesterdayNoon.toString());
            String csv = provider.get("/api/readings?format=csv&household=" + household, "text/csv").body();
            assertThat(csv.lines()).hasSize(5).first().isEqualTo(ReadingJson.CSV_HEADER);

            JsonNode daily = ann.get("/api/readings/daily?household=" + household + "&days=2");
            assertThat(daily).extracting(d -> d.get("date").asText()).containsExactly(today.minusDays(1).toString(), today.toString());
            assertThat(daily.get(0).get("energyImportKwh").decimalValue()).isEqualByComparingTo("4.75");
            assertThat(daily.get(0).get("gasM3").decimalValue()).isEqualByComparingTo("1.125");
            assertThat(daily.get(1).get("energyImportKwh").decimalValue()).isEqualByComparingTo("0.4");
            JsonNode hourly = ann.get("/api/readings/hourly?household=" + household + "&hours=1");
            assertThat(hourly).extracting(h -> h.get("start").asText()).containsExactly(hour.toString());
            assertThat(hourly.get(0).get("energyImportKwh").decimalValue()).isEqualByComparingTo("0.4");
            assertThat(hourly.get(0).get("gasM3").decimalValue()).isEqualByComparingTo("0.01");

            // the tariff: set, replaced (the upsert on PostgreSQL), and the costs priced with it
            assertThat(ann.post("/api/account/tariff", "{\"kind\":\"fixed\",\"importPerKwh\":0.25,\"gasPerM3\":1.2}").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> set = ann.post("/api/account/tariff", "{\"kind\":\"daynight\",\"t1PerKwh\":0.21,\"t2PerKwh\":0.33,\"gasPerM3\":1.40}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            JsonNode costs = ann.get("/api/readings/costs?household=" + household + "&days=2");
            assertThat(costs.get("tariffIsDefault").asBoolean()).isFalse();
            assertThat(costs.get("tariff").get("kind").asText()).isEqualTo("daynight");
            JsonNode yesterday = costs.get("days").get(0);
            assertThat(yesterday.get("date").asText()).isEqualTo(today.minusDays(1).toString());
            assertThat(yesterday.get("electricityEur").decimalValue()).isEqualByComparingTo("1.42"); // 1.25 × 0.21 + 3.5 × 0.33
            assertThat(yesterday.get("gasEur").decimalValue()).isEqualByComparingTo("1.58"); // 1.125 × 1.40
            assertThat(JSON.readTree(provider.get("/api/readings/costs?household=" + other).body()).get("tariffIsDefault").asBoolean())
                    .as("the API client has no account").isTrue();

            // a restart of this instance: the account, its meter and its tariff are on the server
            provider.close();
            provider = start(postgres, port);
            WatttVisitor again = new WatttVisitor(http, () -> provider.baseUrl());
            assertThat(again.post("/api/account/login", "{\"email\":\"ann@example.org\",\"password\":\"wrong password!\"}").statusCode())
                    .isEqualTo(401);
            assertThat(again.post("/api/account/login", "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}").statusCode())
                    .isEqualTo(200);
            assertThat(again.get("/api/households")).extracting(h -> h.get("name").asText()).containsExactly("Home, Amsterdam");
            JsonNode account = again.get("/api/account");
            assertThat(account.get("email").asText()).isEqualTo("ann@example.org");
            assertThat(account.get("meters")).extracting(m -> m.get("household").asText()).containsExactly(household);
            assertThat(again.get("/api/account/tariff").get("tariff").get("t2PerKwh").decimalValue()).isEqualByComparingTo("0.33");
            provider.close();
            provider = null;
        }
    }
}
