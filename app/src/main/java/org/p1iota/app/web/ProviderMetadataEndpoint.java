package org.p1iota.app.web;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Serves a provider's {@code /.well-known/p1-iota-provider.json}. A provider with a key per consent
 * request looks the request up by the {@code requestId} query parameter My Home sends; one with a
 * single key ignores it. Unknown requests answer 404.
 */
public final class ProviderMetadataEndpoint implements Processor {

    private final Function<Optional<String>, Optional<ProviderMetadata>> lookup;

    /** @param lookup from the requested consent request id (if any) to the metadata to publish */
    public ProviderMetadataEndpoint(Function<Optional<String>, Optional<ProviderMetadata>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Publishes the same metadata for every request. */
    public static ProviderMetadataEndpoint of(ProviderMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return new ProviderMetadataEndpoint(requestId -> Optional.of(metadata));
    }

    @Override
    public void process(Exchange exchange) {
        Optional<String> requestId = Optional.ofNullable(HttpRequests.queryParameters(exchange).get("requestId"))
                .filter(id -> !id.isEmpty());
        Optional<ProviderMetadata> metadata = lookup.apply(requestId);
        if (metadata.isEmpty()) {
            WebJson.fail(exchange, 404, "unknown_consent_request", "This provider has no consent request with that id.");
            return;
        }
        WebJson.respond(exchange, 200, metadata.get());
    }
}
