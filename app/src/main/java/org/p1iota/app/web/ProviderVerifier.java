package org.p1iota.app.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * Binds a consent link to the web origin it returns to: fetches the provider's metadata from
 * {@code {origin}/.well-known/p1-iota-provider.json?requestId={id}} and refuses the link unless its
 * inbox address and public key are exactly the published ones and the published fingerprint is the
 * key's. A forged link naming an honest site's return URL but an attacker's key fails here.
 * <p>
 * The link is hostile until checked, and so is where it points: only origins {@link ProviderOriginRules}
 * allows are fetched (a public site on 80/443 unless configured), the host is resolved once and every
 * address it resolves to is checked before anything is sent, and the connection goes to exactly
 * those checked addresses (Jetty's client asks {@link #pinnedAddresses} instead of resolving again,
 * so a DNS answer that changes between check and fetch changes nothing). The fetch is a single GET
 * of that fixed path: no redirects followed, no compressed answers, one deadline over resolving,
 * connecting, the headers and the body (so a provider trickling bytes cannot hold My Home), at most
 * {@link #DEFAULT_MAX_BYTES} bytes read. A provider with one key for all requests may ignore the
 * {@code requestId} parameter.
 */
public final class ProviderVerifier implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;
    private static final int MAX_PINNED_HOSTS = 256;

    private final ProviderOriginRules rules;
    private final Duration timeout;
    private final int maxBytes;
    private final HttpClient client;
    /** Host to the addresses last checked for it; the client connects only to these. */
    private final Map<String, List<InetAddress>> pinned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<InetAddress>> eldest) {
            return size() > MAX_PINNED_HOSTS;
        }
    };

    public ProviderVerifier(ProviderOriginRules rules, Duration timeout, int maxBytes) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = newClient(timeout);
    }

    /** Public origins on 80/443, 5 s, 16 KiB. */
    public ProviderVerifier() {
        this(ProviderOriginRules.PUBLIC, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    public ProviderVerifier(ProviderOriginRules rules) {
        this(rules, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    private HttpClient newClient(Duration deadline) {
        HttpClient jetty = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("provider-check");
        threads.setDaemon(true);
        jetty.setExecutor(threads);
        jetty.setScheduler(new ScheduledExecutorScheduler("provider-check-timer", true));
        jetty.setFollowRedirects(false);
        jetty.setConnectTimeout(deadline.toMillis());
        jetty.setIdleTimeout(deadline.toMillis());
        jetty.setMaxResponseHeadersSize(8 * 1024);
        jetty.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "p1-iota My Home (provider check)"));
        jetty.getContentDecoderFactories().clear(); // no gzip: the byte limit is on what comes over the wire
        jetty.setSocketAddressResolver(this::pinnedAddresses);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client that checks providers: " + e.getMessage(), e);
        }
        return jetty;
    }

    public VerifiedProvider verify(ConsentLink link) throws ConsentLinkException {
        String origin = link.origin();
        URI uri = metadataUri(origin, link.requestId());
        long deadline = System.nanoTime() + timeout.toNanos();
        rules.checkPort(uri);
        pin(uri.getHost(), resolve(uri.getHost(), origin, deadline));
        ProviderMetadata metadata = ProviderMetadata.parse(fetch(uri, origin, deadline));
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

    /** The host's addresses, each checked against the rules; within the deadline. */
    private List<InetAddress> resolve(String host, String origin, long deadline) throws ConsentLinkException {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(literal);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        InetAddress[] addresses;
        try {
            addresses = lookup.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw unreachable(origin + "'s name could not be resolved in time; the provider cannot be verified.", e);
        } catch (ExecutionException e) {
            throw unreachable(origin + "'s name does not resolve (" + e.getCause().getMessage() + "); the provider cannot be verified.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted while verifying " + origin, e);
        }
        for (InetAddress address : addresses) {
            rules.checkAddress(host, address);
        }
        return Arrays.asList(addresses);
    }

    private synchronized void pin(String host, List<InetAddress> addresses) {
        pinned.put(pinKey(host), List.copyOf(addresses));
    }

    private static String pinKey(String host) {
        return host.replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Jetty's resolver: the addresses checked for this host, never a fresh DNS answer. */
    private void pinnedAddresses(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        List<InetAddress> addresses;
        synchronized (this) {
            addresses = pinned.get(pinKey(host));
        }
        if (addresses == null) {
            promise.failed(new UnknownHostException(host + " was not checked before connecting"));
            return;
        }
        promise.succeeded(addresses.stream().map(address -> new InetSocketAddress(address, port)).toList());
    }

    /** One GET with a deadline over all of it (connect, headers and body), the body at most maxBytes. */
    private byte[] fetch(URI uri, String origin, long deadline) throws ConsentLinkException {
        long left = remaining(deadline);
        Request request = client.newRequest(uri).method("GET").timeout(left, TimeUnit.NANOSECONDS)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, "application/json")
                        .put(HttpHeader.CONNECTION, "close"));
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(request, maxBytes).send();
        ContentResponse response;
        try {
            response = answer.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw unreachable(origin + " did not answer within " + timeout.toMillis() + " ms; the provider cannot be verified.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw unreachable(origin + " did not answer within " + timeout.toMillis() + " ms; the provider cannot be verified.", cause);
            }
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
                throw new ConsentLinkException(Reason.METADATA_INVALID, origin
                        + " sent provider metadata larger than " + maxBytes + " bytes.", cause);
            }
            throw unreachable(origin + " could not be reached to verify the provider: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw unreachable("interrupted while verifying " + origin, e);
        }
        if (response.getStatus() != 200) {
            throw new ConsentLinkException(Reason.METADATA_INVALID, origin + " answered HTTP "
                    + response.getStatus() + " for its provider metadata (" + ProviderMetadata.PATH + ").");
        }
        return response.getContent();
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static ConsentLinkException unreachable(String message, Throwable cause) {
        return new ConsentLinkException(Reason.METADATA_UNREACHABLE, message, cause);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
