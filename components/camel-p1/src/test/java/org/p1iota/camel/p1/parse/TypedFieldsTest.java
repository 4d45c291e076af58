package org.p1iota.camel.p1.parse;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.model.PeakDemand;
import org.p1iota.camel.p1.model.PowerFailure;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed fields beyond the manifest's columns, checked against the telegram text. */
class TypedFieldsTest {

    private static Telegram parse(String file) {
        Decoded decoded = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmr().resolve(file)), true);
        assertThat(decoded.telegrams).hasSize(1);
        return decoded.telegrams.get(0);
    }

    @Test
    void belgianCapacityTariff() {
        Telegram t = parse("dsmrreader-test-fluvius-with-peak-data.telegram");
        assertThat(t.emucsVersion()).isEqualTo("50217");
        assertThat(t.currentAverageDemand()).isEqualByComparingTo("0.078");
        assertThat(t.maxDemandThisMonth()).isEqualTo(new PeakDemand(null,
                OffsetDateTime.parse("2023-02-01T02:00:00+01:00"), new java.math.BigDecimal("1.566")));
        assertThat(t.maxDemandHistory()).singleElement().satisfies(peak -> {
            assertThat(peak.period()).isEqualTo(OffsetDateTime.parse("2023-02-01T00:00:00+01:00"));
            assertThat(peak.time()).isEqualTo(OffsetDateTime.parse("2023-01-14T12:45:00+01:00"));
            assertThat(peak.power()).isEqualByComparingTo("3.332");
        });
        assertThat(t.unknownObis()).contains("1-0:31.4.0");
        assertThat(t.obis().get("1-0:31.4.0")).containsExactly("999*A");
    }

    @Test
    void powerFailureLog() {
        Telegram t = parse("basjes-testdsmrparseronpowerfailure-l35.telegram");
        assertThat(t.powerFailureLog()).containsExactly(
                new PowerFailure(OffsetDateTime.parse("2018-04-17T20:14:58+02:00"), 236),
                new PowerFailure(OffsetDateTime.parse("2022-05-25T09:43:46+02:00"), 2936));
    }

    @Test
    void textMessageIsHexDecoded() {
        Telegram t = parse("athombv-dsmr-5-0-spec-example-lowercase.crlf.telegram");
        assertThat(t.textMessage()).isEqualTo("0123456789:;<=>?".repeat(5));
    }

    @Test
    void austrianWattHoursAreKilowattHours() {
        Telegram t = parse("openhab-dsmr-50-austria.crlf.telegram");
        assertThat(t.energyImportTotal()).isEqualByComparingTo("326.641");
        assertThat(t.energyExportTotal()).isEqualByComparingTo("4.998");
        assertThat(t.powerImport()).isEqualByComparingTo("0.621");
        assertThat(t.reactiveEnergyImportTotal()).isEqualByComparingTo("5.672");
        assertThat(t.reactiveEnergyExportTotal()).isEqualByComparingTo("253.220");
    }

    @Test
    void wrappedTextValueIsJoined() {
        Telegram t = parse("openhab-dsmr-42.crlf.telegram");
        assertThat(t.textMessage()).isEqualTo("0123456789:;<=>?".repeat(5));
        assertThat(t.obis().get("0-0:96.13.0").get(0)).doesNotContain("\r").doesNotContain("\n");
    }
}
