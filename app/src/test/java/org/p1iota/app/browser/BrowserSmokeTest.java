package org.p1iota.app.browser;

import org.junit.jupiter.api.Test;
import org.p1iota.app.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserSmokeTest {
    @Test
    void starts() throws Exception {
        try (Browser browser = Browser.start("smoke")) {
            browser.driver().get("data:text/html,<title>ok</title><p>hello</p>");
            assertThat(browser.driver().getTitle()).isEqualTo("ok");
            assertThat(browser.screenshot("hello")).exists();
        }
    }
}
