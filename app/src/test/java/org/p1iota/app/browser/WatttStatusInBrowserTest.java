package org.p1iota.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.p1iota.app.testing.Browser;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

/**
 * Issue 16, "status tells the truth", in a real Chromium: Wattt Insights with its IOTA node down says
 * so beside the connection's state, and when Wattt itself goes away the page says it lost the
 * connection, in words, never a raw "Failed to fetch" beside "Receiving readings". Screenshots in
 * target/screenshots/wattt-status/ at 1280 and 390 px.
 */
class WatttStatusInBrowserTest {

    @TempDir
    Path data;

    @Test
    void nodeDownAndWatttDownAreSaidInWords() throws Exception {
        RunningProvider provider = RunningProvider.start(data, RunningNode.freePort(), 3, Map.of("provider.visitor-scope", "all"));
        try (Browser browser = Browser.start("wattt-status")) {
            WebDriver driver = browser.driver();
            assertThat(provider.post("/api/consent-requests", "{\"meterName\":\"Cottage\"}").statusCode()).isEqualTo(201);
            driver.get(provider.baseUrl() + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-health", "node_unreachable"));
            assertThat(driver.findElement(By.id("connection-detail")).getText()).contains("IOTA node is unreachable");
            assertThat(driver.findElement(By.id("household-select")).getText()).startsWith("Cottage").doesNotContain("req_");
            browser.screenshots("01-node-down");

            provider.close();
            provider = null;
            wait.until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-health", "wattt_unreachable"));
            assertThat(driver.findElement(By.id("connection-state")).getText()).isEqualTo("Connection to Wattt Insights lost")
                    .doesNotContain("Receiving");
            assertThat(driver.findElement(By.id("status")).getText()).contains("cannot be reached").doesNotContain("Failed to fetch");
            browser.screenshots("02-wattt-down");
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }
}
