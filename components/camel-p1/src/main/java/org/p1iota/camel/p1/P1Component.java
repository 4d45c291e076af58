package org.p1iota.camel.p1;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1:} component: reads DSMR P1 telegrams from a smart meter.
 */
@Component("p1")
public class P1Component extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        P1Endpoint endpoint = new P1Endpoint(uri, this);
        endpoint.setSource(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
