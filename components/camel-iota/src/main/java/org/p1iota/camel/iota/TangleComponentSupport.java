package org.p1iota.camel.iota;

import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.p1iota.iota.pow.ProofOfWork;

/** What the {@code iota:} and {@code iota-mam:} components share: node settings and the PoW engine. */
public abstract class TangleComponentSupport extends DefaultComponent {

    /** Node settings shared by all endpoints of this component (each endpoint may override them). */
    @Metadata
    private IotaNodeConfiguration configuration = new IotaNodeConfiguration();

    /** The proof-of-work engine for localPow=true; the project's default engine when not set. */
    @Metadata(label = "advanced", autowired = true)
    private ProofOfWork proofOfWork;

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
