package org.p1iota.camel.iota;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamWriter;
import org.p1iota.camel.iota.state.FollowBook;

/**
 * The {@code iota-mam:} component: publishes to and follows MAM v0 channels. Endpoints with the same
 * channel name and state directory share one channel writer and one set of followed channels, so a
 * producer can change what a consumer follows while it runs.
 */
@Component("iota-mam")
public class IotaMamComponent extends TangleComponentSupport {

    private final Map<Path, MamWriter> writers = new HashMap<>();
    private final Map<Path, FollowBook> followBooks = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IotaMamEndpoint endpoint = new IotaMamEndpoint(uri, this, getConfiguration().copy());
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
}
