package org.p1iota.app.web;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.p1iota.app.web.ConsentLinkException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses and ports a consent link may make My Home fetch from (no connection is made here). */
class ProviderOriginRulesTest {

    private static final String[] PRIVATE = {"127.0.0.1", "127.0.0.2", "::1", "10.0.0.1", "172.16.5.4", "172.31.255.255",
        "192.168.1.1", "100.64.0.1", "100.127.255.254", "fc00::1", "fd12:3456::1", "::ffff:192.168.1.1"};
    private static final String[] NEVER = {"0.0.0.0", "0.1.2.3", "::", "169.254.169.254", "169.254.0.1", "fe80::1",
        "224.0.0.1", "ff02::1", "255.255.255.255", "240.0.0.1", "::10.0.0.1", "64:ff9b::a00:1"};
    private static final String[] PUBLIC = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"};

    @Test
    void privateAddressesOnlyWhenAllowedOthersNeverPublicOnesAlways() throws Exception {
        ProviderOriginRules strict = ProviderOriginRules.PUBLIC;
        ProviderOriginRules demo = ProviderOriginRules.of(true, "8081");
        for (String address : PRIVATE) {
            assertRefused(strict, address);
            assertThatCode(() -> demo.checkAddress("h", InetAddress.getByName(address))).as(address).doesNotThrowAnyException();
        }
        for (String address : NEVER) {
            assertRefused(strict, address);
            assertRefused(demo, address);
        }
        for (String address : PUBLIC) {
            assertThatCode(() -> strict.checkAddress("h", InetAddress.getByName(address))).as(address).doesNotThrowAnyException();
        }
    }

    @Test
    void onlyTheConfiguredPortsAndTheDefaultsOfTheScheme() throws Exception {
        ProviderOriginRules strict = ProviderOriginRules.PUBLIC;
        assertThatCode(() -> strict.checkPort(URI.create("https://wattt.example/"))).doesNotThrowAnyException();
        assertThatCode(() -> strict.checkPort(URI.create("http://wattt.example:80/"))).doesNotThrowAnyException();
        for (String url : new String[] {"http://wattt.example:22/", "https://wattt.example:8443/", "http://wattt.example:6379/"}) {
            assertThatThrownBy(() -> strict.checkPort(URI.create(url))).as(url).isInstanceOfSatisfying(ConsentLinkException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED));
        }
        assertThat(ProviderOriginRules.of(false, " 443 , 8443").ports()).isEqualTo(Set.of(443, 8443));
        assertThat(ProviderOriginRules.of(false, "*").ports()).isEmpty();
        assertThatThrownBy(() -> ProviderOriginRules.of(false, "80,http")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderOriginRules.of(false, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkToAPrivateOrOddOriginIsRefusedBeforeAnyConnection() throws Exception {
        try (ProviderVerifier verifier = new ProviderVerifier()) {
            for (String returnUrl : new String[] {"http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/",
                "http://0.0.0.0/", "http://2130706433/", "http://10.1.2.3/", "http://localhost/", "http://wattt.example:22/"}) {
                ConsentLink link = ConsentLink.fromParameters(java.util.Map.of("requestId", "req_0123456789",
                        "inbox", "A".repeat(81), "publicKey", "AAAA", "goal", "g", "returnUrl", returnUrl));
                assertThatThrownBy(() -> verifier.verify(link)).as(returnUrl).isInstanceOfSatisfying(ConsentLinkException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED));
            }
        }
    }

    private static void assertRefused(ProviderOriginRules rules, String address) {
        assertThatThrownBy(() -> rules.checkAddress("h", InetAddress.getByName(address))).as(address)
                .isInstanceOfSatisfying(ConsentLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED));
    }
}
