package org.p1iota.app.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * Binds a consent link to the web origin it returns to: fetches the provider's metadata from
 * {@code {origin}/.well-known/p1-iota-provider.json?requestId={id}} and refuses the link unless its
 * inbox address and public key are exactly the published ones and the published fingerprint is the
 * key's. A forged link naming an honest site's return URL but an attacker's key fails here.
 * <p>
 * The fetch is a single GET of that fixed path: no redirects followed (the answer must come from the
 * origin itself), one deadline over connecting, the headers and the body (so a provider trickling
 * bytes cannot hold My Home), and at most {@link #DEFAULT_MAX_BYTES} bytes read. A provider
 * with one key for all requests may ignore the {@code requestId} parameter.
 */
public final class ProviderVerifier {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    public ProviderVerifier(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ProviderVerifier() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    public VerifiedProvider verify(ConsentLink link) throws ConsentLinkException {
        String origin = link.origin();
        ProviderMetadata metadata = ProviderMetadata.parse(fetch(metadataUri(origin, link.requestId()), origin));
        if (!metadata.inboxAddress().equals(link.inbox())) {
            throw new ConsentLinkException(Reason.ADDRESS_MISMATCH, "Refused: " + origin
                    + " does not publish the inbox address this link names. The link may be forged; do not grant it.");
        }
        if (!metadata.publicKey().equals(link.publicKey())) {
            throw new ConsentLinkException(Reason.KEY_MISMATCH, "Refused: " + origin
                    + " does not publish the key this link names. The link may be forged; do not grant it.");
        }
        if (!ProviderMetadata.fingerprintOf(metadata.publicKey()).equals(metadata.publicKeyFingerprint())) {
            throw new ConsentLinkException(Reason.FINGERPRINT_MISMATCH, "Refused: the fingerprint " + origin
                    + " publishes is not the fingerprint of its key.");
        }
        return new VerifiedProvider(link, origin, metadata);
    }

    static URI metadataUri(String origin, String requestId) {
        return URI.create(origin + ProviderMetadata.PATH + "?requestId="
                + URLEncoder.encode(requestId, StandardCharsets.UTF_8));
    }

    /** One GET with a deadline over all of it (connect, headers and body), the body at most maxBytes. */
    private byte[] fetch(URI uri, String origin) throws ConsentLinkException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<Optional<byte[]>>> answer = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        HttpResponse<Optional<byte[]>> response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ConsentLinkException(Reason.METADATA_UNREACHABLE, origin + " did not answer within "
                    + timeout.toMillis() + " ms; the provider cannot be verified.", e);
        } catch (ExecutionException e) {
            throw new ConsentLinkException(Reason.METADATA_UNREACHABLE, origin
                    + " could not be reached to verify the provider: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ConsentLinkException(Reason.METADATA_UNREACHABLE, "interrupted while verifying " + origin, e);
        }
        if (response.statusCode() != 200) {
            throw new ConsentLinkException(Reason.METADATA_INVALID, origin + " answered HTTP "
                    + response.statusCode() + " for its provider metadata (" + ProviderMetadata.PATH + ").");
        }
        return response.body().orElseThrow(() -> new ConsentLinkException(Reason.METADATA_INVALID, origin
                + " sent provider metadata larger than " + maxBytes + " bytes."));
    }
}
