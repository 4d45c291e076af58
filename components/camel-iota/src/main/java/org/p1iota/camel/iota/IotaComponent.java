package org.p1iota.camel.iota;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.p1iota.camel.iota.pow.ProofOfWork;

/**
 * The {@code iota:} component: messages as zero-value bundles to and from an address.
 */
@Component("iota")
public class IotaComponent extends DefaultComponent {

    /** Node settings shared by all endpoints of this component (each endpoint may override them). */
    @Metadata
    private IotaNodeConfiguration configuration = new IotaNodeConfiguration();

    /** The proof-of-work engine for localPow=true; the project's default engine when not set. */
    @Metadata(label = "advanced", autowired = true)
    private ProofOfWork proofOfWork;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IotaEndpoint endpoint = new IotaEndpoint(uri, this, configuration.copy());
        endpoint.setAddress(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public IotaNodeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IotaNodeConfiguration configuration) {
        this.configuration = configuration;
    }

    public ProofOfWork getProofOfWork() {
        return proofOfWork;
    }

    public void setProofOfWork(ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
    }
}
