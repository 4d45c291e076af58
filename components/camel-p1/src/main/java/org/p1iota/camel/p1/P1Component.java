package org.p1iota.camel.p1;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1:} component: reads DSMR P1 telegrams from a smart meter.
 * {@code p1:serial:/dev/ttyUSB0?profile=DSMR5}, {@code p1:tcp:192.168.1.20:2001},
 * {@code p1:file:/captures/meter.txt?pace=1000}.
 */
@Component("p1")
public class P1Component extends DefaultComponent {

    /**
     * Options shared by every p1 endpoint, set as camel.component.p1 properties; an endpoint's own
     * options override them for that endpoint only.
     */
    @Metadata
    private P1Configuration configuration = new P1Configuration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.indexOf(':');
        if (colon <= 0 || colon == remaining.length() - 1) {
            throw new IllegalArgumentException("p1 endpoint needs KIND:ADDRESS (serial:/dev/ttyUSB0, tcp:host:port,"
                    + " file:/path), not '" + remaining + "'");
        }
        P1Endpoint endpoint = new P1Endpoint(uri, this, configuration.copy());
        endpoint.setKind(P1Endpoint.Kind.valueOf(remaining.substring(0, colon).toUpperCase(java.util.Locale.ROOT)));
        endpoint.setAddress(remaining.substring(colon + 1));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public P1Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(P1Configuration configuration) {
        this.configuration = configuration;
    }
}
