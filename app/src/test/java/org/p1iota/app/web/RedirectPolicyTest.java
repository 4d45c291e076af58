package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p1iota.app.web.RedirectPolicy.Outcome;

class RedirectPolicyTest {

    private final RedirectPolicy redirects = new RedirectPolicy();

    private static VerifiedProvider provider(String returnUrl) throws Exception {
        ConsentLink link = ConsentLink.fromParameters(Map.of("requestId", "req_0123456789", "inbox", ProviderVerifierTest.INBOX,
                "publicKey", "AQIDBA", "goal", "advice", "returnUrl", returnUrl));
        return new VerifiedProvider(link, link.origin(),
                ProviderMetadata.of("Wattt", ProviderVerifierTest.INBOX, "AQIDBA", "ML-KEM-768"));
    }

    @Test
    void returnsToTheVerifiedReturnUrlWithTheOutcome() throws Exception {
        assertThat(redirects.returnTo(provider("http://localhost:8081/connected?x=1"), Outcome.GRANTED))
                .isEqualTo(URI.create("http://localhost:8081/connected?x=1&consent=granted&requestId=req_0123456789"));
        assertThat(redirects.returnTo(provider("https://wattt.example"), Outcome.DENIED))
                .isEqualTo(URI.create("https://wattt.example/?consent=denied&requestId=req_0123456789"));
    }

    @Test
    void refusesEveryOtherOrigin() {
        String origin = "http://localhost:8081";
        for (String target : new String[] {"http://localhost:8082/", "https://localhost:8081/", "http://evil.example/",
            "javascript:alert(1)", "//evil.example/", "http://localhost:8081@evil.example/", "/relative"}) {
            assertThatThrownBy(() -> redirects.check(URI.create(target), origin)).as(target)
                    .isInstanceOfSatisfying(ConsentLinkException.class,
                            e -> assertThat(e.reason()).isEqualTo(ConsentLinkException.Reason.REDIRECT_NOT_ALLOWED));
        }
    }
}
