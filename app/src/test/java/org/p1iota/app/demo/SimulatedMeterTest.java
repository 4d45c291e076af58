package org.p1iota.app.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's meter, read through the real p1:tcp consumer as the demo's device reads it. */
class SimulatedMeterTest extends CamelTestSupport {

    private SimulatedMeter meter;

    private static MeterTelegrams firstThreeOfTheCapture() throws Exception {
        try (InputStream capture = SimulatedMeterTest.class.getResourceAsStream("/demo/iskra-am550-2019-03-24.telegrams")) {
            byte[] all = capture.readAllBytes();
            int third = 0;
            for (int i = 0, seen = 0; i < all.length; i++) {
                if (all[i] == '/' && ++seen == 4) {
                    third = i;
                    break;
                }
            }
            return MeterTelegrams.load(new ByteArrayInputStream(java.util.Arrays.copyOf(all, third)));
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        MeterTelegrams telegrams = firstThreeOfTheCapture();
        assertThat(telegrams.size()).isEqualTo(3);
        meter = SimulatedMeter.start(telegrams, 0, Duration.ofMillis(20), Clock.systemUTC());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("p1:tcp:127.0.0.1:" + meter.port()).to("mock:telegrams");
            }
        };
    }

    @AfterEach
    void stopMeter() throws Exception {
        meter.close();
    }

    @Test
    void telegramsAreCurrentValidLoopWithoutEnergyGoingBackAndCarryGas() throws Exception {
        MockEndpoint telegrams = getMockEndpoint("mock:telegrams");
        telegrams.expectedMinimumMessageCount(8);
        telegrams.assertIsSatisfied(TimeUnit.SECONDS.toMillis(20));

        List<Telegram> received = telegrams.getExchanges().stream().map(e -> e.getMessage().getBody(Telegram.class)).toList();
        BigDecimal previousImport = BigDecimal.ZERO;
        BigDecimal previousGas = BigDecimal.ZERO;
        for (Telegram telegram : received) {
            assertThat(telegram.crc()).isEqualTo(CrcStatus.VALID);
            assertThat(telegram.timestamp()).isCloseTo(OffsetDateTime.now(),
                    org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
            BigDecimal imported = telegram.energyImportTariff1().add(telegram.energyImportTariff2()); // no 1.8.0 line on this meter
            assertThat(imported).isGreaterThanOrEqualTo(previousImport);
            assertThat(telegram.gas().value()).isGreaterThanOrEqualTo(previousGas);
            assertThat(telegram.gas().unit()).isEqualTo("m3");
            previousImport = imported;
            previousGas = telegram.gas().value();
        }
        assertThat(meter.telegramsSent()).isGreaterThan(3); // it looped over the three telegrams
    }
}
