package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Reading;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of {@code corpus/dsmr} against its manifest: CRC verdict, then every value the
 * manifest extracted from the telegram text. Samples with a wrong CRC must be rejected in strict
 * mode; their values are checked in lenient mode.
 */
class CorpusTelegramTest {

    static Stream<Arguments> samples() {
        JsonNode manifest = SharedCorpus.manifest(SharedCorpus.dsmr());
        List<Arguments> samples = new ArrayList<>();
        manifest.get("samples").forEach(sample -> samples.add(Arguments.of(sample.get("file").asText(), sample)));
        assertThat(samples).hasSize(manifest.get("stats").get("count").asInt());
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parsesAsTheManifestSays(String file, JsonNode sample) {
        byte[] input = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(file));
        boolean crcInvalid = sample.get("has_crc").asBoolean() && !sample.get("crc_valid").asBoolean();

        Decoded strict = Decoded.of(input, false);
        Telegram telegram;
        if (crcInvalid) {
            assertThat(strict.telegrams).isEmpty();
            assertThat(strict.rejected).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.CRC_MISMATCH);
                assertThat(r.offset()).isZero();
            });
            Decoded lenient = Decoded.of(input, true);
            assertThat(lenient.rejected).isEmpty();
            assertThat(lenient.telegrams).hasSize(1);
            telegram = lenient.telegrams.get(0);
            assertThat(telegram.crc()).isEqualTo(CrcStatus.INVALID);
        } else {
            assertThat(strict.rejected).as("rejected").isEmpty();
            assertThat(strict.telegrams).hasSize(1);
            telegram = strict.telegrams.get(0);
            assertThat(telegram.crc()).isEqualTo(sample.get("has_crc").asBoolean() ? CrcStatus.VALID : CrcStatus.ABSENT);
            assertThat(telegram.fieldErrors()).isNull();
        }
        assertThat(Decoded.chunked(input, crcInvalid, 7).telegrams).as("same result in 7-byte chunks").hasSize(1);
        checkExpectedValues(telegram, sample.get("expected_from_telegram_text"));
    }

    private static void checkExpectedValues(Telegram t, JsonNode expected) {
        assertThat(t.header()).isEqualTo(expected.get("header").asText());
        if (expected.has("p1_version")) {
            assertThat(t.p1Version()).isEqualTo(expected.get("p1_version").asText());
        }
        if (expected.has("be_version_info_96_1_4")) {
            assertThat(t.emucsVersion()).isEqualTo(expected.get("be_version_info_96_1_4").asText());
        }
        if (expected.has("timestamp")) {
            assertThat(t.timestamp()).isEqualTo(timestamp(expected.get("timestamp").asText()));
        }
        JsonNode id = first(expected, "equipment_id_96_1_1", "equipment_id_42_0_0_lux", "equipment_id_96_1_0");
        if (id != null) {
            assertThat(t.equipmentId()).isEqualTo(decodedOrRaw(id));
        }
        quantity(expected, "import_tariff1", t.energyImportTariff1());
        quantity(expected, "import_tariff2", t.energyImportTariff2());
        quantity(expected, "export_tariff1", t.energyExportTariff1());
        quantity(expected, "export_tariff2", t.energyExportTariff2());
        quantity(expected, "import_total", t.energyImportTotal());
        quantity(expected, "export_total", t.energyExportTotal());
        quantity(expected, "power_import", t.powerImport());
        quantity(expected, "power_export", t.powerExport());
        if (expected.has("tariff_indicator")) {
            assertThat(t.tariffIndicator()).isEqualTo(Integer.valueOf(expected.get("tariff_indicator").get("value").asText()));
        }
        if (expected.has("mbus")) {
            expected.get("mbus").forEach(device -> checkDevice(t, device));
        }
        if (expected.has("gas")) {
            JsonNode gas = expected.get("gas");
            assertThat(t.gas()).isNotNull();
            assertThat(t.gas().channel()).isEqualTo(gas.get("channel").asInt());
            assertThat(t.gas().value()).isEqualByComparingTo(gas.get("reading").get("value").asText());
            JsonNode unit = gas.get("reading").get("unit");
            assertThat(t.gas().unit()).isEqualTo(unit.isNull() ? null : unit.asText());
            assertThat(t.gas().timestamp()).isEqualTo(timestamp(gas.get("timestamp").asText()));
        } else {
            assertThat(t.gas()).isNull();
        }
        Set<String> codes = new TreeSet<>();
        expected.get("obis_codes").forEach(code -> codes.add(code.asText()));
        assertThat(new TreeSet<>(t.obis().keySet())).isEqualTo(codes);
    }

    private static void checkDevice(Telegram t, JsonNode expected) {
        int channel = expected.get("channel").asInt();
        MBusDevice device = t.mbus().stream().filter(d -> d.channel() == channel).findFirst().orElseThrow();
        if (expected.has("device_type")) {
            String type = expected.get("device_type").asText();
            assertThat(device.deviceType()).isEqualTo(type.isEmpty() ? null : Integer.valueOf(type));
        }
        if (expected.has("equipment_id")) {
            assertThat(device.equipmentId()).isEqualTo(decodedOrRaw(expected.get("equipment_id")));
        }
        if (expected.has("readings")) {
            List<Reading> readings = device.readings();
            JsonNode list = expected.get("readings");
            assertThat(readings).hasSize(list.size());
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                assertThat(readings.get(i).obis()).isEqualTo(r.get("obis").asText());
                assertThat(readings.get(i).timestamp()).isEqualTo(timestamp(r.get("timestamp").asText()));
                assertThat(readings.get(i).value()).isEqualByComparingTo(r.get("reading").get("value").asText());
                JsonNode unit = r.get("reading").get("unit");
                assertThat(readings.get(i).unit()).isEqualTo(unit == null || unit.isNull() ? null : unit.asText());
            }
        }
    }

    private static void quantity(JsonNode expected, String field, BigDecimal actual) {
        if (!expected.has(field)) {
            return;
        }
        JsonNode q = expected.get(field);
        BigDecimal value = new BigDecimal(q.get("value").asText());
        String unit = q.get("unit").asText();
        if (unit.equals("Wh") || unit.equals("W")) {
            value = value.movePointLeft(3);
        }
        assertThat(actual).as(field).isNotNull();
        assertThat(actual).as(field).isEqualByComparingTo(value);
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    /** An empty {@code ()} means "no value": expected as null. */
    private static String decodedOrRaw(JsonNode id) {
        if (id.get("raw").asText().isEmpty()) {
            return null;
        }
        JsonNode decoded = id.get("hex_decoded");
        return decoded == null || decoded.isNull() ? id.get("raw").asText() : decoded.asText();
    }

    /**
     * The manifest's raw {@code YYMMDDhhmmss[S|W]}, independently of the parser's code. Placeholder
     * dates meters send for "no value" and impossible dates are expected as null.
     */
    static OffsetDateTime timestamp(String raw) {
        if (Set.of("632525252525", "000101000001", "000101000000", "000101010000", "700101010000").contains(raw.substring(0, 12))) {
            return null;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse("20" + raw.substring(0, 12), DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        if (raw.length() == 12) {
            return local.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
        }
        Function<Character, ZoneOffset> offset = flag -> flag == 'S' ? ZoneOffset.ofHours(2) : ZoneOffset.ofHours(1);
        return OffsetDateTime.of(local, offset.apply(raw.charAt(12)));
    }
}
