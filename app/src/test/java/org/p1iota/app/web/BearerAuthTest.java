package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class BearerAuthTest extends JettyRouteTestSupport {

    private static final String TOKEN = "provider-api-token-0123456789";
    private final BearerAuth bearer = new BearerAuth(TOKEN);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/api/readings")).process(bearer)
                        .setHeader("Content-Type", constant("application/json")).setBody(constant("[]"));
            }
        };
    }

    @Test
    void theRightTokenGetsIn() throws Exception {
        HttpResponse<String> response = get("/api/readings", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(get("/api/readings", "Authorization", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void noTokenAWrongOneOrAnotherSchemeIsRefused() throws Exception {
        for (String authorization : new String[] {null, "Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "0",
            "Basic " + TOKEN, "Bearer ", TOKEN}) {
            HttpResponse<String> response = authorization == null ? get("/api/readings")
                    : get("/api/readings", "Authorization", authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(WebJson.MAPPER.readTree(response.body()).get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void aShortTokenIsNotAccepted() {
        assertThatThrownBy(() -> new BearerAuth("short")).hasMessageContaining("at least 16");
    }
}
