package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The readings query and the CSV download, over a real Jetty. */
class ReadingsQueryTest extends JettyRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/readings?headerFilterStrategy=#headerHygiene")).process(exchange -> {
                    Optional<ReadingsQuery> query = ReadingsQuery.of(exchange);
                    if (query.isEmpty()) {
                        return;
                    }
                    if (query.get().csv()) {
                        Csv.respond(exchange, "readings.csv", List.of("timestamp", "powerImportW", "note"),
                                List.of(List.of("2026-11-25T03:00:00Z", 432, "=HYPERLINK(\"x\")"), List.of("2026-11-25T03:00:01Z", -5, "a,b")));
                    } else {
                        ReadingsQuery q = query.get();
                        WebJson.respond(exchange, 200, java.util.Map.of("household", q.household(),
                                "from", q.from().map(Object::toString).orElse(""), "to", q.to().map(Object::toString).orElse(""),
                                "limit", q.limit(), "csv", q.csv()));
                    }
                });
            }
        };
    }

    @Test
    void aFullQueryIsRead() throws Exception {
        HttpResponse<String> response = get("/api/readings?household=req_0123456789&from=2026-11-25T02:00:00Z"
                + "&to=2026-11-25T03:00:00Z&limit=50");

        assertThat(response.statusCode()).isEqualTo(200);
        var json = WebJson.MAPPER.readTree(response.body());
        assertThat(json.get("household").asText()).isEqualTo("req_0123456789");
        assertThat(json.get("limit").asInt()).isEqualTo(50);
        assertThat(json.get("from").asText()).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(json.get("to").asText()).isEqualTo("2026-11-25T03:00:00Z");
        assertThat(json.get("csv").asBoolean()).isFalse();
    }

    @Test
    void badQueriesAre400WithTheReason() throws Exception {
        String[][] cases = {
            {"/api/readings", "household"},
            {"/api/readings?household=req_0123456789&from=yesterday", "from"},
            {"/api/readings?household=req_0123456789&limit=0", "limit"},
            {"/api/readings?household=req_0123456789&limit=lots", "limit"},
            {"/api/readings?household=req_0123456789&from=2026-11-25T03:00:00Z&to=2026-11-25T02:00:00Z", "before"},
            {"/api/readings?household=req_0123456789&format=xml", "format"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = get(c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            var json = WebJson.MAPPER.readTree(response.body());
            assertThat(json.get("error").asText()).isEqualTo("bad_request");
            assertThat(json.get("message").asText()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void csvByAcceptHeaderOrFormatParameterSafeForSpreadsheets() throws Exception {
        HttpResponse<String> byHeader = get("/api/readings?household=req_0123456789", "Accept", "text/csv");
        HttpResponse<String> byParameter = get("/api/readings?household=req_0123456789&format=csv");

        for (HttpResponse<String> response : List.of(byHeader, byParameter)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"readings.csv\"");
            assertThat(response.body()).isEqualTo("timestamp,powerImportW,note\r\n"
                    + "2026-11-25T03:00:00Z,432,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
                    + "2026-11-25T03:00:01Z,-5,\"a,b\"\r\n");
        }
    }
}
