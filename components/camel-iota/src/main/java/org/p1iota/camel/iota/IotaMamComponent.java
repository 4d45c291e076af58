package org.p1iota.camel.iota;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.p1iota.camel.iota.mam.ChannelState;
import org.p1iota.camel.iota.mam.MamException;
import org.p1iota.camel.iota.mam.MamWriter;
import org.p1iota.camel.iota.pow.ProofOfWork;
import org.p1iota.camel.iota.state.FollowBook;

/**
 * The {@code iota-mam:} component: publishes to and follows MAM v0 channels. Endpoints with the same
 * channel name and state directory share one channel writer and one set of followed channels, so a
 * producer can change what a consumer follows while it runs.
 */
@Component("iota-mam")
public class IotaMamComponent extends DefaultComponent {

    /** Node settings shared by all endpoints of this component (each endpoint may override them). */
    @Metadata
    private IotaNodeConfiguration configuration = new IotaNodeConfiguration();

    /** The proof-of-work engine for localPow=true; the project's default engine when not set. */
    @Metadata(label = "advanced", autowired = true)
    private ProofOfWork proofOfWork;

    private final Map<Path, MamWriter> writers = new HashMap<>();
    private final Map<Path, FollowBook> followBooks = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IotaMamEndpoint endpoint = new IotaMamEndpoint(uri, this, configuration.copy());
        endpoint.setChannel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    synchronized MamWriter writer(Path file, ChannelState initial) throws MamException {
        MamWriter writer = writers.get(file.toAbsolutePath());
        if (writer == null) {
            writer = MamWriter.open(file, initial);
            writers.put(file.toAbsolutePath(), writer);
        }
        return writer;
    }

    synchronized FollowBook followBook(Path file) throws IOException {
        FollowBook book = followBooks.get(file.toAbsolutePath());
        if (book == null) {
            book = FollowBook.open(file);
            followBooks.put(file.toAbsolutePath(), book);
        }
        return book;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        for (MamWriter writer : writers.values()) {
            writer.close();
        }
        writers.clear();
        followBooks.clear();
        super.doStop();
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
