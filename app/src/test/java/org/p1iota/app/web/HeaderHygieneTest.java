package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class HeaderHygieneTest extends JettyRouteTestSupport {

    private static final String[] SECRETS = {
        "Cookie", "p1iota_session=secret-session", "Authorization", "Bearer secret-token-0123456789",
        "X-CSRF-Token", "secret-csrf", "X-Anything", "echo-me"};

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/raw?matchOnUriPrefix=true"))
                        .setBody(constant("raw"));
                from(jetty("/clean?matchOnUriPrefix=true&headerFilterStrategy=#headerHygiene"))
                        .process(new SecurityHeaders())
                        .setHeader("Content-Type", constant("text/plain; charset=utf-8"))
                        .setHeader("X-Internal", constant("not for clients"))
                        .setBody(constant("clean"));
                from(jetty("/processor?matchOnUriPrefix=true"))
                        .setHeader("Content-Type", constant("text/plain; charset=utf-8"))
                        .process(new HeaderHygiene())
                        .setBody(constant("processed"));
            }
        };
    }

    @Test
    void camelJettyEchoesRequestHeadersWithoutIt() throws Exception {
        HttpResponse<String> response = get("/raw", SECRETS);

        assertThat(response.headers().firstValue("X-Anything")).contains("echo-me");
    }

    @Test
    void withTheStrategyOnlyTheHeadersWeSetLeave() throws Exception {
        HttpResponse<String> response = get("/clean", SECRETS);

        assertThat(response.body()).isEqualTo("clean");
        for (int i = 0; i < SECRETS.length; i += 2) {
            assertThat(response.headers().firstValue(SECRETS[i])).as(SECRETS[i]).isEmpty();
        }
        assertThat(response.headers().firstValue("X-Internal")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void asAProcessorItRemovesRequestHeadersFromTheMessage() throws Exception {
        HttpResponse<String> response = get("/processor", SECRETS);

        assertThat(response.body()).isEqualTo("processed");
        for (int i = 0; i < SECRETS.length; i += 2) {
            assertThat(response.headers().firstValue(SECRETS[i])).as(SECRETS[i]).isEmpty();
        }
    }
}
