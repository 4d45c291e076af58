package org.p1iota.camel.p1.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.frame.Crc16Arc;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A decoder keeps nothing of one telegram that could change how it reads the next. A meter's next
 * telegram differs from its last one in a few values, but a damaged or reconfigured one may gain,
 * lose, swap or split lines anywhere; whatever changes, one long-lived decoder must give exactly what
 * a fresh decoder gives for the same bytes.
 */
class ChangingTelegramsTest {

    @Test
    void successiveVariantsOfEveryCorpusTelegramReadAsAFreshDecoderReadsThem() throws IOException {
        Random random = new Random(11);
        int compared = 0;
        for (boolean lenient : new boolean[] {false, true}) {
            Decoded reused = new Decoded();
            TelegramDecoder decoder = new TelegramDecoder(reused, lenient);
            for (Path file : corpusTelegrams()) {
                byte[] base = SharedCorpus.bytes(file);
                byte[] current = base;
                for (int step = 0; step < 40; step++) {
                    byte[] next = withValidCrc(random.nextInt(4) == 0 ? base : changeLines(current, random));
                    int telegramsBefore = reused.telegrams.size();
                    int rejectedBefore = reused.rejected.size();
                    decoder.feed(next);
                    decoder.finish();
                    Decoded fresh = Decoded.of(next, lenient);
                    List<Telegram> got = reused.telegrams.subList(telegramsBefore, reused.telegrams.size());
                    String where = file.getFileName() + " step " + step + "\n" + new String(next, StandardCharsets.ISO_8859_1);
                    assertThat(got).as(where).isEqualTo(fresh.telegrams);
                    assertThat(got).as(where).extracting(TelegramJson::toJson)
                            .isEqualTo(fresh.telegrams.stream().map(TelegramJson::toJson).toList());
                    assertThat(reused.rejected.subList(rejectedBefore, reused.rejected.size())).as(where)
                            .extracting(r -> r.reason() + " " + r.detail())
                            .isEqualTo(fresh.rejected.stream().map(r -> r.reason() + " " + r.detail()).toList());
                    compared += got.size();
                    if (random.nextInt(3) > 0) {
                        current = next;
                    }
                }
            }
        }
        assertThat(compared).as("most variants are still telegrams").isGreaterThan(1000);
    }

    @Test
    void manyMBusDevicesRepeatedKeepTheirOwnReadings() {
        List<String> lines = new ArrayList<>();
        for (int channel = 1; channel <= 6; channel++) {
            lines.add("0-" + channel + ":24.1.0(00" + (channel % 3 == 0 ? 7 : 3) + ")");
            lines.add("0-" + channel + ":96.1.0(4730303" + channel + "33)");
            lines.add("0-" + channel + ":24.2.1(260310120000W)(0000" + channel + ".123*m3)");
        }
        byte[] first = telegram(lines);
        lines.set(2, "0-1:24.2.1(260310120500W)(00001.456*m3)");
        byte[] second = telegram(lines);

        Decoded reused = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(reused, false);
        for (byte[] bytes : List.of(first, second, first, second)) {
            decoder.feed(bytes);
        }

        assertThat(reused.rejected).isEmpty();
        assertThat(reused.telegrams).hasSize(4);
        assertThat(reused.telegrams.get(2)).isEqualTo(Decoded.of(first, false).telegrams.get(0));
        Telegram last = reused.telegrams.get(3);
        assertThat(last).isEqualTo(Decoded.of(second, false).telegrams.get(0));
        assertThat(last.mbus()).extracting(MBusDevice::channel).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(last.mbus().get(0).readings().get(0).value()).isEqualByComparingTo("1.456");
        assertThat(last.mbus().get(5).readings().get(0).value()).isEqualByComparingTo("6.123");
        assertThat(last.mbus().get(2).deviceType()).isEqualTo(7);
    }

    @Test
    void theRawObisMapOfARepeatedTelegramIsItsOwnAndReadOnly() {
        byte[] first = telegram(List.of("1-0:1.8.1(000001.000*kWh)", "0-0:96.13.0(303132)"));
        byte[] second = telegram(List.of("1-0:1.8.1(000002.000*kWh)", "0-0:96.13.0(303132)"));
        Decoded reused = new Decoded();
        TelegramDecoder decoder = new TelegramDecoder(reused, false);
        decoder.feed(first);
        decoder.feed(second);

        Telegram earlier = reused.telegrams.get(0);
        Telegram later = reused.telegrams.get(1);
        assertThat(later.obis().get("1-0:1.8.1")).containsExactly("000002.000*kWh");
        assertThat(earlier.obis().get("1-0:1.8.1")).as("read after the next telegram replaced the parser's buffers")
                .containsExactly("000001.000*kWh");
        assertThat(later.obis()).isEqualTo(Decoded.of(second, false).telegrams.get(0).obis());
        assertThatThrownBy(() -> later.obis().put("1-0:1.8.2", List.of("1"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> later.obis().get("1-0:1.8.1").add("1")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<Path> corpusTelegrams() throws IOException {
        try (Stream<Path> list = Files.list(SharedCorpus.dsmr())) {
            return list.filter(p -> p.toString().endsWith(".telegram")).sorted().toList();
        }
    }

    /** One line-level change, the kinds a meter, a dongle or a damaged cable produce. */
    private static byte[] changeLines(byte[] telegram, Random random) {
        String text = new String(telegram, StandardCharsets.ISO_8859_1);
        int bang = text.lastIndexOf('!');
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.substring(0, bang).split(separator, -1)));
        if (lines.size() < 3) {
            return telegram;
        }
        int at = 1 + random.nextInt(lines.size() - 1);
        String line = lines.get(at);
        switch (random.nextInt(9)) {
            case 0 -> lines.add(at, line);
            case 1 -> lines.remove(at);
            case 2 -> lines.add(at, "garbage " + random.nextInt(10));
            case 3 -> lines.add(at, "(" + random.nextInt(1000) + ")");
            case 4 -> lines.add(at, "");
            case 5 -> lines.set(at, changeOneDigit(line, random));
            case 6 -> lines.set(at, line + "(9)");
            case 7 -> lines.set(at, line.substring(0, Math.max(0, line.lastIndexOf(')'))));
            default -> {
                int other = 1 + random.nextInt(lines.size() - 1);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
        }
        return (String.join(separator, lines) + text.substring(bang)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String changeOneDigit(String line, Random random) {
        int open = line.indexOf('(');
        if (open < 0 || open + 2 >= line.length()) {
            return line;
        }
        int at = open + 1 + random.nextInt(line.length() - open - 1);
        if (!Character.isDigit(line.charAt(at))) {
            return line;
        }
        return line.substring(0, at) + (char) ('0' + random.nextInt(10)) + line.substring(at + 1);
    }

    private static byte[] withValidCrc(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int bang = text.lastIndexOf('!');
        int slash = text.lastIndexOf('/', bang);
        if (bang + 5 > bytes.length || slash < 0) {
            return bytes;
        }
        String crc = String.format("%04X", Crc16Arc.of(bytes, slash, bang + 1 - slash));
        byte[] out = bytes.clone();
        for (int i = 0; i < 4; i++) {
            out[bang + 1 + i] = (byte) crc.charAt(i);
        }
        return out;
    }

    private static byte[] telegram(List<String> lines) {
        String body = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(260310120000W)\r\n" + String.join("\r\n", lines) + "\r\n!";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return (body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
