package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input of {@code corpus/dsmr-bad}: the number of telegrams the manifest says a framer should
 * emit, and for the inputs it leaves to the implementation, the choice made here.
 */
class BadCorpusTest {

    /** Strict-mode telegram counts where the manifest says "implementation-defined" (null). */
    private static final Map<String, Integer> OUR_CHOICE = Map.ofEntries(
            Map.entry("bad-crc-lowercase-hex.bin", 1),        // the issue: CRC digits in either case
            Map.entry("slash-inside-telegram.bin", 0),        // "/" restarts; the rest fails its CRC
            Map.entry("line-too-long-text-message.bin", 0),   // over the 4096-byte bound
            Map.entry("wrong-unit-kw-for-kwh.bin", 0),        // field error: strict rejects
            Map.entry("wrong-unit-wh-scale.bin", 1),          // W is a valid power unit, scaled to kW
            Map.entry("missing-unit.bin", 0),
            Map.entry("non-numeric-value.bin", 0),
            Map.entry("invalid-timestamp-month13.bin", 0),
            Map.entry("timestamp-without-dst-flag.bin", 1),   // offset from the zone rules
            Map.entry("duplicate-obis-line.bin", 1),          // first value typed, both kept raw
            Map.entry("obis-b-over-255.bin", 0),
            Map.entry("header-only.bin", 1));                 // an empty telegram, CRC valid

    /** The reason of the (first) rejection, where it matters. */
    private static final Map<String, RejectReason> REASONS = Map.ofEntries(
            Map.entry("truncated-mid-line.bin", RejectReason.INCOMPLETE),
            Map.entry("truncated-in-crc.bin", RejectReason.INCOMPLETE),
            Map.entry("bad-crc-digit.bin", RejectReason.CRC_MISMATCH),
            Map.entry("bad-crc-body-bitflip.bin", RejectReason.CRC_MISMATCH),
            Map.entry("lf-only-line-endings.bin", RejectReason.CRC_MISMATCH),
            Map.entry("missing-crc-on-dsmr5.bin", RejectReason.MISSING_CRC),
            Map.entry("non-ascii-in-body.bin", RejectReason.CRC_MISMATCH),
            Map.entry("non-ascii-in-body-crc-valid.bin", RejectReason.UNPARSABLE),
            Map.entry("telegram-too-large.bin", RejectReason.OVERSIZE),
            Map.entry("line-too-long-text-message.bin", RejectReason.OVERSIZE),
            Map.entry("wrong-unit-kw-for-kwh.bin", RejectReason.UNPARSABLE),
            Map.entry("missing-unit.bin", RejectReason.UNPARSABLE),
            Map.entry("non-numeric-value.bin", RejectReason.UNPARSABLE),
            Map.entry("invalid-timestamp-month13.bin", RejectReason.UNPARSABLE),
            Map.entry("obis-b-over-255.bin", RejectReason.UNPARSABLE),
            Map.entry("src-dsmrreader-test-error-testdataloggercrcerror.bin", RejectReason.CRC_MISMATCH),
            Map.entry("src-basjes-testcrcvalidator-l116.bin", RejectReason.CRC_MISMATCH),
            Map.entry("missing-bang-dsmr22.bin", RejectReason.INCOMPLETE),
            Map.entry("empty-telegram.bin", RejectReason.UNPARSABLE));

    static Stream<Arguments> items() {
        JsonNode manifest = SharedCorpus.manifest(SharedCorpus.dsmrBad());
        List<Arguments> items = new ArrayList<>();
        manifest.get("items").forEach(item -> items.add(Arguments.of(item.get("file").asText(), item)));
        assertThat(items).hasSize(manifest.get("count").asInt());
        return items.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void handledAsTheManifestSays(String file, JsonNode item) {
        byte[] input = SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve(file));
        JsonNode expected = item.get("expected_valid_telegrams_to_emit");
        int count = expected.isNull() ? OUR_CHOICE.get(file) : expected.asInt();

        Decoded strict = Decoded.of(input, false);
        assertThat(strict.telegrams).as(item.get("expected_reason").asText()).hasSize(count);
        assertThat(Decoded.chunked(input, false, 13).telegrams).hasSize(count);
        strict.telegrams.forEach(t -> assertThat(t.fieldErrors()).isNull());
        if (REASONS.containsKey(file)) {
            assertThat(strict.rejected).isNotEmpty();
            assertThat(strict.rejected.get(0).reason()).isEqualTo(REASONS.get(file));
            assertThat(strict.rejected.get(0).raw()).isNotEmpty();
        }
        if (file.equals("serial-7e1-read-as-8n1.bin")) {
            // no "/" at all (it arrives as 0xAF): nothing to frame; the skipped bytes are what shows it
            assertThat(skippedBytes(input)).isEqualTo(input.length);
        } else if (!item.get("expected_action").asText().startsWith("recover") && count == 0) {
            assertThat(strict.rejected).as("a rejected input is reported, not silently lost").isNotEmpty();
        }
    }

    private static long skippedBytes(byte[] input) {
        TelegramDecoder decoder = new TelegramDecoder(new Decoded(), false);
        decoder.feed(input);
        return decoder.skippedBytes();
    }

    @Test
    void everyImplementationDefinedInputHasAChoice() {
        items().forEach(args -> {
            JsonNode item = (JsonNode) args.get()[1];
            if (item.get("expected_valid_telegrams_to_emit").isNull()) {
                assertThat(OUR_CHOICE).containsKey(item.get("file").asText());
            }
        });
    }

    @Test
    void lenientModeKeepsFieldErrorTelegramsAndNamesTheField() {
        for (String file : List.of("wrong-unit-kw-for-kwh.bin", "missing-unit.bin", "non-numeric-value.bin",
                "invalid-timestamp-month13.bin", "obis-b-over-255.bin", "non-ascii-in-body-crc-valid.bin")) {
            Decoded lenient = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve(file)), true);
            assertThat(lenient.telegrams).as(file).hasSize(1);
            assertThat(lenient.telegrams.get(0).fieldErrors()).as(file).hasSize(1);
            assertThat(lenient.telegrams.get(0).energyImportTariff2()).as(file).isNotNull();
        }
    }

    @Test
    void wattsAreScaledToKilowatts() {
        Telegram t = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("wrong-unit-wh-scale.bin")), false)
                .telegrams.get(0);
        String raw = t.obis().get("1-0:1.7.0").get(0);
        BigDecimal stated = new BigDecimal(raw.substring(0, raw.indexOf('*')));
        assertThat(raw).endsWith("*W");
        assertThat(t.powerImport()).isEqualByComparingTo(stated.movePointLeft(3));
    }

    @Test
    void timestampWithoutFlagTakesTheOffsetOfTheZoneRules() {
        Telegram t = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("timestamp-without-dst-flag.bin")), false)
                .telegrams.get(0);
        assertThat(t.timestamp()).isEqualTo(OffsetDateTime.parse("2019-03-24T15:05:41+01:00"));
    }

    @Test
    void duplicateLineKeepsTheFirstValueTypedAndBothRaw() {
        Telegram t = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("duplicate-obis-line.bin")), false)
                .telegrams.get(0);
        List<String> raw = t.obis().get("1-0:1.8.1");
        assertThat(raw).hasSize(2);
        assertThat(t.energyImportTariff1()).isEqualByComparingTo(raw.get(0).substring(0, raw.get(0).indexOf('*')));
    }

    @Test
    void unknownObisIsKeptNotDropped() {
        Telegram t = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("unknown-obis-line.bin")), false)
                .telegrams.get(0);
        assertThat(t.unknownObis()).contains("1-0:99.1.0");
        assertThat(t.obis()).containsKey("1-0:99.1.0");
    }
}
