package org.p1iota.camel.iota;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code iota:} component: messages as zero-value bundles to and from an address.
 */
@Component("iota")
public class IotaComponent extends TangleComponentSupport {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IotaEndpoint endpoint = new IotaEndpoint(uri, this, getConfiguration().copy());
        endpoint.setAddress(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
