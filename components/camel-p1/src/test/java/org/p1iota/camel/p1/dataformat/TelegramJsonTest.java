package org.p1iota.camel.p1.dataformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.Decoded;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON field names and types the issue specifies, on a DSMR 5 telegram with gas. */
class TelegramJsonTest {

    @Test
    void fieldNamesAndTypesAreAsSpecified() throws Exception {
        Telegram telegram = Decoded.of(SharedCorpus.bytes(SharedCorpus.dsmr().resolve("ndokter-telegram-v5.telegram")), false)
                .telegrams.get(0);
        JsonNode json = new ObjectMapper().readTree(TelegramJson.toJson(telegram));

        assertThat(json.get("header").asText()).isEqualTo("/ISk5\\2MT382-1000");
        assertThat(json.get("p1Version").asText()).isEqualTo("50");
        assertThat(json.get("timestamp").asText()).isEqualTo("2017-01-02T19:20:02+01:00");
        assertThat(json.get("equipmentId").asText()).isEqualTo("K8EG004046395507");
        assertThat(json.get("energyImportTariff1").isNumber()).isTrue();
        assertThat(json.get("energyImportTariff1").decimalValue()).isEqualByComparingTo("4.426");
        assertThat(json.get("energyImportTariff2").decimalValue()).isEqualByComparingTo("2.399");
        assertThat(json.get("energyExportTariff1").decimalValue()).isEqualByComparingTo("2.444");
        assertThat(json.get("energyExportTariff2").decimalValue()).isEqualByComparingTo("0");
        assertThat(json.get("powerImport").decimalValue()).isEqualByComparingTo("0.244");
        assertThat(json.get("powerExport").decimalValue()).isEqualByComparingTo("0");
        assertThat(json.get("tariffIndicator").asInt()).isEqualTo(2);
        assertThat(json.has("energyImportTotal")).isFalse();
        assertThat(json.get("crc").asText()).isEqualTo("valid");

        JsonNode mbus = json.get("mbus");
        assertThat(mbus.size()).isEqualTo(2);
        assertThat(mbus.get(0).get("channel").asInt()).isEqualTo(1);
        assertThat(mbus.get(0).get("deviceType").asInt()).isEqualTo(3);
        assertThat(mbus.get(0).get("equipmentId").asText()).isEqualTo("2222ABCD123456789");
        JsonNode reading = mbus.get(0).get("readings").get(0);
        assertThat(reading.get("obis").asText()).isEqualTo("0-1:24.2.1");
        assertThat(reading.get("timestamp").asText()).isEqualTo("2017-01-02T16:10:05+01:00");
        assertThat(reading.get("value").decimalValue()).isEqualByComparingTo("0.107");
        assertThat(reading.get("unit").asText()).isEqualTo("m3");

        JsonNode gas = json.get("gas");
        assertThat(gas.get("channel").asInt()).isEqualTo(1);
        assertThat(gas.get("value").decimalValue()).isEqualByComparingTo("0.107");
        assertThat(gas.get("unit").asText()).isEqualTo("m3");
        assertThat(gas.get("timestamp").asText()).isEqualTo("2017-01-02T16:10:05+01:00");

        assertThat(json.get("obis").get("1-0:1.8.1").get(0).asText()).isEqualTo("000004.426*kWh");
        assertThat(json.get("obis").get("0-1:24.2.1").size()).isEqualTo(2);
        assertThat(json.get("obis").size()).isEqualTo(37);
        assertThat(json.get("phases").get(2).get("voltage").decimalValue()).isEqualByComparingTo("229.0");
        assertThat(json.get("powerFailures").asLong()).isEqualTo(13);
    }
}
