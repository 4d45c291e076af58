package org.p1iota.app.provider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider reads the values the p1 component actually writes: a corpus telegram parsed by the real decoder. */
class TelegramValuesTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void aDsmr4TelegramBecomesAStoredReading() throws Exception {
        byte[] bytes = Files.readAllBytes(shared().resolve("corpus/dsmr/arduinodsmr-parse.telegram"));
        List<String> json = new ArrayList<>();
        TelegramDecoder decoder = new TelegramDecoder(new TelegramListener() {
            @Override
            public void telegram(org.p1iota.camel.p1.model.Telegram telegram, Frame frame) {
                json.add(TelegramJson.toJson(telegram));
            }

            @Override
            public void rejected(RejectedFrame rejected) {
                throw new AssertionError("the corpus telegram was rejected");
            }
        }, false);
        decoder.feed(bytes);
        decoder.finish();
        assertThat(json).hasSize(1);

        Telegram telegram = new Telegram(7, new String(bytes, StandardCharsets.US_ASCII), new ObjectMapper().readTree(json.get(0)));
        StoredReading reading = TelegramValues.read("req_household1", telegram, RECEIVED);

        assertThat(reading.sequence()).isEqualTo(7);
        assertThat(reading.timestamp()).isEqualTo(Instant.parse("2015-01-17T17:59:16Z"));
        assertThat(reading.energyImportTariff1()).isEqualByComparingTo("671.578");
        assertThat(reading.energyImportTariff2()).isEqualByComparingTo("842.472");
        assertThat(reading.energyImportKwh()).isEqualByComparingTo("1514.050");
        assertThat(reading.powerImportW()).isEqualTo(333);
        assertThat(reading.powerExportW()).isZero();
        assertThat(reading.gasM3()).isEqualByComparingTo("473.789");
        assertThat(reading.gasTimestamp()).isEqualTo(Instant.parse("2015-01-17T17:00:00Z"));
    }

    @Test
    void missingOrMalformedValuesAreNullAndTheReceiptTimeStandsIn() throws Exception {
        Telegram telegram = new Telegram(1, "/XYZ5\r\n!", new ObjectMapper().readTree(
                "{\"timestamp\": \"not a time\", \"powerImport\": \"lots\", \"energyImportTariff1\": 12.5}"));
        StoredReading reading = TelegramValues.read("req_household1", telegram, RECEIVED);
        assertThat(reading.timestamp()).isEqualTo(RECEIVED);
        assertThat(reading.powerImportW()).isNull();
        assertThat(reading.energyImportKwh()).isEqualByComparingTo("12.5");
        assertThat(reading.energyExportKwh()).isNull();
        assertThat(reading.gasM3()).isNull();
        assertThat(reading.raw()).isEqualTo("/XYZ5\r\n!");
    }

    private static Path shared() {
        String property = System.getProperty("p1iota.shared");
        if (property != null && Files.isDirectory(Path.of(property, "corpus"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("../shared/corpus"))) {
                return dir.resolve("../shared").normalize();
            }
        }
        throw new IllegalStateException("shared/ corpus not found: set -Dp1iota.shared");
    }
}
