package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p1iota.app.web.ConsentLinkException.Reason;

class ConsentLinkTest {

    private static Map<String, String> valid() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("requestId", "req_0123456789");
        parameters.put("inbox", ProviderVerifierTest.INBOX);
        parameters.put("publicKey", "AQIDBA");
        parameters.put("goal", "  Energy advice  ");
        parameters.put("returnUrl", "HTTPS://Wattt.Example:443/back?x=1");
        return parameters;
    }

    @Test
    void aValidLinkIsReadAndItsOriginNormalised() throws Exception {
        ConsentLink link = ConsentLink.fromParameters(valid());

        assertThat(link.goal()).isEqualTo("Energy advice");
        assertThat(link.origin()).isEqualTo("https://wattt.example");
        Map<String, String> withPort = valid();
        withPort.put("returnUrl", "http://localhost:8081/");
        assertThat(ConsentLink.fromParameters(withPort).origin()).isEqualTo("http://localhost:8081");
    }

    @Test
    void eachDamagedParameterIsNamed() {
        Object[][] cases = {
            {"requestId", null}, {"requestId", "short"}, {"requestId", "has space 123"},
            {"inbox", "abc"}, {"inbox", ProviderVerifierTest.INBOX.toLowerCase()},
            {"publicKey", "not base64!"}, {"publicKey", "A".repeat(ConsentLink.MAX_PUBLIC_KEY + 1)},
            {"goal", " "}, {"goal", "line\nbreak"}, {"goal", "g".repeat(ConsentLink.MAX_GOAL + 1)},
            {"returnUrl", "http://host/#fragment"}, {"returnUrl", "not a url"},
        };
        for (Object[] c : cases) {
            Map<String, String> parameters = valid();
            parameters.put((String) c[0], (String) c[1]);
            assertThatThrownBy(() -> ConsentLink.fromParameters(parameters)).as(c[0] + "=" + c[1])
                    .isInstanceOfSatisfying(ConsentLinkException.class, e -> assertThat(e.reason())
                            .isIn(Reason.MALFORMED, Reason.RETURN_URL_NOT_HTTP))
                    .hasMessageContaining((String) c[0]);
        }
    }
}
