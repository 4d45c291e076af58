package org.p1iota.camel.p1;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Options set once on the component ({@code camel.component.p1.*}) reach every endpoint; an
 * endpoint's own option overrides them for that endpoint only.
 */
class P1ComponentConfigurationTest extends CamelTestSupport {

    private static final Path SPEC_EXAMPLE = SharedCorpus.dsmr().resolve("athombv-dsmr-5-0-spec-example-lowercase.crlf.telegram");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel-main does with camel.component.p1.lenient=true in application.properties: bind the
        // option through the component's generated configurer
        P1Component component = context.getComponent("p1", P1Component.class);
        boolean bound = PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withProperties(new HashMap<>(Map.of("lenient", "true", "maxTelegramSize", "4096"))).withRemoveParameters(false)
                .bind();
        assertThat(bound).isTrue();
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(P1RejectedFrameException.class).handled(true).to("mock:rejected");
                from("p1:file:" + SPEC_EXAMPLE).routeId("inherits").to("mock:inherits");
                from("p1:file:" + SPEC_EXAMPLE + "?lenient=false").routeId("overrides").to("mock:overrides");
            }
        };
    }

    @Test
    void componentOptionsReachEveryEndpointAndEndpointOptionsOverrideThem() {
        P1Component component = context.getComponent("p1", P1Component.class);
        P1Endpoint inherits = context.getEndpoint("p1:file:" + SPEC_EXAMPLE + "?pace=5", P1Endpoint.class);
        P1Endpoint overrides = context.getEndpoint("p1:file:" + SPEC_EXAMPLE + "?pace=6&lenient=false", P1Endpoint.class);

        assertThat(inherits.getConfiguration().isLenient()).isTrue();
        assertThat(inherits.getConfiguration().getMaxTelegramSize()).isEqualTo(4096);
        assertThat(overrides.getConfiguration().isLenient()).isFalse();
        assertThat(component.getConfiguration().isLenient()).as("the component's own options stay as set").isTrue();
        assertThat(inherits.getConfiguration()).isNotSameAs(component.getConfiguration());
    }

    @Test
    void aLenientComponentParsesWhatAStrictEndpointRejects() {
        // the spec example's CRC was computed over other line ends: lenient parses it, strict rejects it
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        MockEndpoint inherits = getMockEndpoint("mock:inherits");
        await().atMost(10, TimeUnit.SECONDS).until(() -> rejected.getReceivedCounter() >= 1);
        assertThat(rejected.getReceivedCounter()).isEqualTo(1);
        assertThat(rejected.getExchanges().get(0).getFromRouteId()).isEqualTo("overrides");
        assertThat(inherits.getReceivedCounter()).isEqualTo(1);
    }
}
