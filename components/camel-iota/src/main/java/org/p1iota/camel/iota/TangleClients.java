package org.p1iota.camel.iota;

import java.time.Clock;

import org.p1iota.iota.pow.ProofOfWork;
import org.p1iota.iota.pow.ProofOfWorkEngines;
import org.p1iota.iota.tangle.TangleClient;

/** Creates the node client of an endpoint from its node settings. */
final class TangleClients {

    private TangleClients() {
    }

    /** @param engine the component's configured engine, or null for the default one (used only with localPow) */
    static TangleClient create(IotaNodeConfiguration configuration, ProofOfWork engine) {
        ProofOfWork pow = null;
        if (configuration.isLocalPow()) {
            pow = engine != null ? engine : ProofOfWorkEngines.defaultEngine(configuration.getPowThreads());
        }
        return new TangleClient(configuration, pow, configuration.retryPolicy(), Clock.systemUTC());
    }
}
