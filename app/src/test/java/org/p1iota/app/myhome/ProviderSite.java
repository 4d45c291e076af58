package org.p1iota.app.myhome;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.web.ProviderMetadata;
import org.p1iota.app.web.ProviderMetadataEndpoint;

/** A provider's web origin on a real Jetty: publishes its metadata at /.well-known/p1-iota-provider.json. */
final class ProviderSite implements AutoCloseable {

    final String origin;
    final String inbox;
    final String publicKey;
    private final CamelContext camel = new DefaultCamelContext();

    ProviderSite() throws Exception {
        int port = RunningNode.freePort();
        origin = "http://127.0.0.1:" + port;
        inbox = InboxAddress.of(Seed.generate(new SecureRandom()));
        publicKey = randomKey();
        ProviderMetadataEndpoint metadata = ProviderMetadataEndpoint.of(ProviderMetadata.of("Wattt <Insights>", inbox, publicKey, "ML-KEM-768"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jetty:" + origin + ProviderMetadata.PATH).process(metadata);
            }
        });
        camel.start();
    }

    static String randomKey() {
        byte[] key = new byte[1185];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** A consent link's parameters as the provider would send them; inbox and key can be forged. */
    Map<String, String> link(String requestId, String linkInbox, String linkKey) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("requestId", requestId);
        link.put("inbox", linkInbox);
        link.put("publicKey", linkKey);
        link.put("goal", "Show your energy use per day");
        link.put("returnUrl", origin + "/?from=myhome");
        return link;
    }

    Map<String, String> link(String requestId) {
        return link(requestId, inbox, publicKey);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
