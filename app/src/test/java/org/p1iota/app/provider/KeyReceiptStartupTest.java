package org.p1iota.app.provider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox routes of open requests are added again on start by a {@code timer} with delay 0, which
 * fires while the Camel context is still starting. Camel keeps the definition of a route added from a
 * template at that moment but never creates or starts the route: the keys were never read (a flaky
 * ProviderRoleOnNodeTest). {@link KeyReceipt#watch} must start the route whenever it is called.
 */
class KeyReceiptStartupTest {

    private static final String INBOX = "A".repeat(81);

    @TempDir
    Path directory;

    @Test
    void anInboxRouteAddedWhileTheContextStartsIsStarted() throws Exception {
        try (ProviderDatabase database = ProviderDatabase.open(directory);
                // watch() needs neither the requests nor the events
                KeyReceipt receipt = new KeyReceipt(new HouseholdStore(database), null, null, Clock.systemUTC(), Duration.ofHours(1));
                CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(inboxTemplate());
            Household household = new Household("req_startup0001", 1, INBOX, "a goal", Instant.now(),
                    HouseholdState.WAITING_FOR_KEYS, null, null, null);
            // what timer:provider-start with delay 0 does: it fires from this callback, the context still starting
            AtomicBoolean calledWhileStarting = new AtomicBoolean();
            context.addStartupListener((starting, alreadyStarted) -> {
                if (starting.isStarting() && !calledWhileStarting.getAndSet(true)) {
                    receipt.watch(starting, household);
                }
            });

            context.start();

            assertThat(calledWhileStarting).isTrue();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                    context.getRouteController().getRouteStatus(KeyReceipt.routeId(household.id()))).isEqualTo(ServiceStatus.Started));
            // and a second call (e.g. a start after a restart of the routes) adds nothing
            receipt.watch(context, household);
            assertThat(context.getRoutes()).hasSize(1);
        }
    }

    @Test
    void anInboxRouteAddedToARunningContextStartsAtOnce() throws Exception {
        try (ProviderDatabase database = ProviderDatabase.open(directory);
                KeyReceipt receipt = new KeyReceipt(new HouseholdStore(database), null, null, Clock.systemUTC(), Duration.ofHours(1));
                CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(inboxTemplate());
            context.start();
            Household household = new Household("req_running0001", 1, INBOX, "a goal", Instant.now(),
                    HouseholdState.WAITING_FOR_KEYS, null, null, null);

            receipt.watch(context, household);

            assertThat(context.getRouteController().getRouteStatus(KeyReceipt.routeId(household.id()))).isEqualTo(ServiceStatus.Started);
        }
    }

    /** The template's shape as in routes/provider.yaml, with an in-JVM endpoint instead of the node's inbox. */
    private static RouteBuilder inboxTemplate() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate(KeyReceipt.TEMPLATE).templateParameter("household").templateParameter("inbox")
                        .from("seda:inbox-{{inbox}}")
                        .setHeader(KeyReceipt.HOUSEHOLD, constant("{{household}}"));
            }
        };
    }
}
