package org.p1iota.camel.p1.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.frame.Crc16Arc;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parser reuses its working arrays and the calendar dates of recent timestamps; none of that may
 * change a result. One decoder that has read every corpus telegram before must give, for each,
 * exactly what a fresh decoder gives.
 */
class ReusedParserTest {

    @Test
    void aDecoderThatReadOtherMetersFirstGivesWhatAFreshOneGives() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SharedCorpus.dsmr())) {
            files = list.filter(p -> p.toString().endsWith(".telegram")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (boolean lenient : new boolean[] {false, true}) {
            Decoded reused = new Decoded();
            TelegramDecoder decoder = new TelegramDecoder(reused, lenient);
            for (int round = 0; round < 2; round++) {
                for (Path file : files) {
                    byte[] bytes = SharedCorpus.bytes(file);
                    int telegramsBefore = reused.telegrams.size();
                    int rejectedBefore = reused.rejected.size();
                    decoder.feed(bytes);
                    decoder.finish();
                    Decoded fresh = Decoded.of(bytes, lenient);
                    assertThat(reused.telegrams.subList(telegramsBefore, reused.telegrams.size())).as("%s", file)
                            .isEqualTo(fresh.telegrams);
                    assertThat(reused.rejected.subList(rejectedBefore, reused.rejected.size())).as("%s", file)
                            .extracting(r -> r.reason() + " " + r.detail())
                            .isEqualTo(fresh.rejected.stream().map(r -> r.reason() + " " + r.detail()).toList());
                }
            }
        }
    }

    @Test
    void aCodeThatChangesOnTheSameLineIsReadAnew() {
        Decoded decoded = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(decoded, false);
        decoder.feed(telegram("0-0:96.1.1(4530303334)", "1-0:1.8.1(000001.000*kWh)", "1-0:1.8.2(000002.000*kWh)"));
        decoder.feed(telegram("0-0:96.1.10(4530303334)", "1-0:1.8.2(000003.000*kWh)", "1-0:1.8.1(000004.000*kWh)"));
        decoder.feed(telegram("0-0:96.1.1(4530303335)", "1-0:1.8.1(000005.000*kWh)", "1-0:1.8.2(000006.000*kWh)"));

        assertThat(decoded.rejected).isEmpty();
        Telegram first = decoded.telegrams.get(0);
        Telegram second = decoded.telegrams.get(1);
        Telegram third = decoded.telegrams.get(2);
        assertThat(first.equipmentId()).isEqualTo("E0034");
        assertThat(second.equipmentId()).isNull();
        assertThat(second.unknownObis()).containsExactly("0-0:96.1.10");
        assertThat(second.energyImportTariff1()).isEqualByComparingTo("4");
        assertThat(second.energyImportTariff2()).isEqualByComparingTo("3");
        assertThat(third.equipmentId()).isEqualTo("E0035");
        assertThat(third.energyImportTariff1()).isEqualByComparingTo("5");
    }

    private static byte[] telegram(String... lines) {
        String body = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n" + String.join("\r\n", lines) + "\r\n!";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return (body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
