package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p1iota.app.web.ConsentLinkException.Reason;

/** Failures answer the error shape, never a stack trace; wired in YAML with onException. */
class WebErrorsTest extends JettyRouteTestSupport {

    private final Processor failure = exchange -> {
        String path = exchange.getIn().getHeader("CamelHttpUri", String.class);
        if (path.endsWith("/bad")) {
            throw new IllegalArgumentException("device must be an address of 81 trytes");
        }
        if (path.endsWith("/refused")) {
            throw new ConsentLinkException(Reason.KEY_MISMATCH, "Refused: the key is not the provider's.");
        }
        throw new IllegalStateException("secret internal detail at com.example.Internal");
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        Properties properties = new Properties();
        properties.setProperty("errors.port", String.valueOf(port));
        context.getPropertiesComponent().setOverrideProperties(properties);
        context.getRegistry().bind("webErrors", new WebErrors());
        context.getRegistry().bind("securityHeaders", new SecurityHeaders());
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        context.getRegistry().bind("failure", failure);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/raw/fail")).process(failure);
            }
        };
    }

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:web-routes/errors.camel.yaml"));
    }

    @Test
    void withoutItCamelJettyAnswersAnEmpty500() throws Exception {
        HttpResponse<String> raw = get("/raw/fail");

        assertThat(raw.statusCode()).isEqualTo(500);
        assertThat(raw.body()).doesNotContain("\"error\"");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() throws Exception {
        HttpResponse<String> response = get("/api/fail/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("Exception");
        assertThat(WebJson.MAPPER.readTree(response.body()).get("error").asText()).isEqualTo("internal_error");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void badInputAndRefusedLinksKeepTheirMeaning() throws Exception {
        HttpResponse<String> bad = get("/api/fail/bad");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(WebJson.MAPPER.readTree(bad.body()).get("message").asText()).isEqualTo("device must be an address of 81 trytes");

        HttpResponse<String> refused = get("/api/fail/refused");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(WebJson.MAPPER.readTree(refused.body()).get("error").asText()).isEqualTo("provider_key_mismatch");
    }
}
