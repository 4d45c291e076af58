package org.p1iota.app.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.p1iota.app.channel.DataV2Exception.Reason;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.demo.MeterTelegrams;
import org.p1iota.iota.mam.MamTrytes;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

/**
 * DATA v2 round trips over real telegrams (the corpus, the shared capture, the demo meter), one telegram
 * a message and the largest batch, and refusals of every altered or cut message. Also prints the bytes a
 * telegram costs, which docs/performance.md quotes.
 */
public class DataV2CodecTest {

    static final String DEVICE = "DEVICE".repeat(13) + "999";

    @Test
    void everyCorpusTelegramComesBackByteIdenticalAndParsed() throws Exception {
        List<byte[]> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(40);
        int parsed = 0;
        for (byte[] raw : corpus) {
            TelegramBatch back = roundTrip(List.of(raw), 7);
            assertThat(back.telegrams().get(0)).isEqualTo(raw);
            if (acceptedByTheDevice(raw)) {
                Data data = DataChannelDecoder.toData(back);
                assertThat(data.telegrams().get(0).raw().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(raw);
                assertThat(data.telegrams().get(0).parsed().size()).isPositive();
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(30);
        TelegramBatch all = roundTrip(corpus.subList(0, Math.min(corpus.size(), Data.MAX_TELEGRAMS)), 0);
        assertThat(all.telegrams()).containsExactlyElementsOf(corpus.subList(0, Math.min(corpus.size(), Data.MAX_TELEGRAMS)));
    }

    @Test
    void theSharedCaptureComesBackByteIdenticalOneByOneAndInTheLargestBatch() throws Exception {
        List<byte[]> capture = capture();
        assertThat(capture).hasSizeGreaterThanOrEqualTo(Data.MAX_TELEGRAMS);
        for (byte[] raw : capture.subList(0, 30)) {
            assertThat(DataChannelDecoder.toData(roundTrip(List.of(raw), 1)).telegrams().get(0).raw())
                    .isEqualTo(new String(raw, StandardCharsets.ISO_8859_1));
        }
        List<byte[]> largest = capture.subList(0, Data.MAX_TELEGRAMS);
        String trytes = DataV2Codec.encode(new TelegramBatch(DEVICE, 1000, largest));
        assertThat(trytes.length()).isLessThan(MamTrytes.MAX_MESSAGE_TRYTES);
        System.out.printf("DATA v2, shared capture, the largest batch (%d telegrams): %d message trytes%n", largest.size(),
                trytes.length());
        Data data = DataChannelDecoder.toData(DataV2Codec.decode(trytes));
        assertThat(data.firstSequence()).isEqualTo(1000);
        for (int i = 0; i < largest.size(); i++) {
            assertThat(data.telegrams().get(i).raw().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(largest.get(i));
        }
        printCost("shared capture", capture);
    }

    @Test
    void theDemoMeterComesBackByteIdenticalOneByOneAndInTheLargestBatch() throws Exception {
        List<byte[]> demo = demoMeter(Data.MAX_TELEGRAMS);
        for (byte[] raw : demo.subList(0, 30)) {
            assertThat(DataChannelDecoder.toData(roundTrip(List.of(raw), 1)).telegrams().get(0).raw())
                    .isEqualTo(new String(raw, StandardCharsets.ISO_8859_1));
        }
        Data data = DataChannelDecoder.toData(roundTrip(demo, 5));
        for (int i = 0; i < demo.size(); i++) {
            assertThat(data.telegrams().get(i).raw().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(demo.get(i));
            assertThat(data.telegrams().get(i).sequence()).isEqualTo(5 + i);
        }
        printCost("demo meter", demo);
    }

    @Test
    void everyAlteredTryteIsRefusedWithAReason() throws Exception {
        String trytes = DataV2Codec.encode(new TelegramBatch(DEVICE, 42, capture().subList(0, 3)));
        for (int i = DataV2Codec.PREFIX.length(); i < trytes.length(); i++) {
            char other = trytes.charAt(i) == 'Z' ? 'A' : (char) (trytes.charAt(i) == '9' ? 'A' : trytes.charAt(i) + 1);
            String altered = trytes.substring(0, i) + other + trytes.substring(i + 1);
            int at = i;
            assertThatThrownBy(() -> DataV2Codec.decode(altered)).as("tryte %d altered", at)
                    .isInstanceOfSatisfying(DataV2Exception.class, e -> assertThat(e.reason())
                            .isIn(Reason.CORRUPT, Reason.MALFORMED, Reason.TRUNCATED, Reason.OVERSIZE));
        }
    }

    @Test
    void everyCutMessageIsRefusedAsTruncated() throws Exception {
        String trytes = DataV2Codec.encode(new TelegramBatch(DEVICE, 42, capture().subList(0, 3)));
        for (int length = DataV2Codec.PREFIX.length(); length < trytes.length(); length++) {
            String cut = trytes.substring(0, length);
            assertThatThrownBy(() -> DataV2Codec.decode(cut)).as("cut to %d", length)
                    .isInstanceOfSatisfying(DataV2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        }
        assertThatThrownBy(() -> DataV2Codec.decode(trytes + "A"))
                .isInstanceOfSatisfying(DataV2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void aTelegramWithABadCrcIsRefusedByTheReader() throws Exception {
        byte[] raw = capture().get(0).clone();
        int digit = new String(raw, StandardCharsets.ISO_8859_1).indexOf("1-0:1.8.1(") + 12;
        raw[digit] = (byte) (raw[digit] == '1' ? '2' : '1'); // the meter's CRC no longer matches
        TelegramBatch batch = roundTrip(List.of(capture().get(1), raw), 3);
        assertThatThrownBy(() -> DataChannelDecoder.toData(batch))
                .isInstanceOfSatisfying(DataV2Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_TELEGRAM);
                    assertThat(e.getMessage()).contains("telegram 4").contains("CRC");
                });
    }

    @Test
    void aV1MessageIsNotTakenForV2AndStillReads() throws Exception {
        Telegram telegram = DataChannelDecoder.parse(9, capture().get(0));
        String v1 = org.p1iota.iota.tangle.TryteCodec.encode(
                new org.p1iota.app.consent.message.ProtocolCodec().encode(new Data(DEVICE, List.of(telegram))));
        assertThat(DataV2Codec.isDataV2(v1)).isFalse();
        Data read = (Data) new DataChannelDecoder().decode(v1);
        assertThat(read.telegrams().get(0).raw()).isEqualTo(telegram.raw());
    }

    private static TelegramBatch roundTrip(List<byte[]> telegrams, long first) throws DataV2Exception {
        TelegramBatch back = DataV2Codec.decode(DataV2Codec.encode(new TelegramBatch(DEVICE, first, telegrams)));
        assertThat(back.device()).isEqualTo(DEVICE);
        assertThat(back.firstSequence()).isEqualTo(first);
        assertThat(back.telegrams()).hasSameSizeAs(telegrams);
        for (int i = 0; i < telegrams.size(); i++) {
            assertThat(back.telegrams().get(i)).isEqualTo(telegrams.get(i));
        }
        return back;
    }

    /** Message trytes per telegram by batch size: what docs/performance.md quotes. */
    private static void printCost(String what, List<byte[]> telegrams) {
        for (int batch : new int[] {1, 2, 5, 10, 15, 20, 30, 60}) {
            long trytes = 0;
            int messages = 0;
            for (int start = 0; start + batch <= telegrams.size() && messages < 20; start += batch, messages++) {
                trytes += DataV2Codec.encode(new TelegramBatch(DEVICE, start, telegrams.subList(start, start + batch))).length();
            }
            System.out.printf("DATA v2, %s, batch %d: %.0f message trytes a message, %.0f a telegram%n", what, batch,
                    (double) trytes / messages, (double) trytes / messages / batch);
        }
    }

    private static boolean acceptedByTheDevice(byte[] raw) {
        try {
            DataChannelDecoder.parse(0, raw);
            return true;
        } catch (DataV2Exception e) {
            return false;
        }
    }

    static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("../shared/corpus"))) {
                return dir.resolve("../shared").normalize();
            }
        }
        throw new IllegalStateException("../shared/corpus not found");
    }

    static List<byte[]> corpus() throws IOException {
        try (Stream<Path> files = Files.list(shared().resolve("corpus/dsmr"))) {
            List<byte[]> telegrams = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".telegram")).sorted().toList()) {
                byte[] raw = Files.readAllBytes(file);
                if (raw.length > 0 && raw.length <= Telegram.MAX_RAW) {
                    telegrams.add(raw);
                }
            }
            return telegrams;
        }
    }

    /** The frames of the shared capture, as the device's p1 consumer hands them on. */
    public static List<byte[]> capture() throws IOException {
        List<byte[]> frames = new ArrayList<>();
        TelegramDecoder decoder = new TelegramDecoder(new TelegramListener() {
            @Override
            public void telegram(org.p1iota.camel.p1.model.Telegram telegram, Frame frame) {
                frames.add(frame.bytes());
            }

            @Override
            public void rejected(RejectedFrame rejected) {
            }
        }, false);
        decoder.feed(Files.readAllBytes(shared().resolve("corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt")));
        decoder.finish();
        return frames;
    }

    static List<byte[]> demoMeter(int count) {
        MeterTelegrams meter = MeterTelegrams.demoCapture();
        ZonedDateTime started = ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);
        List<byte[]> telegrams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            telegrams.add(meter.telegram(i, started.plusSeconds(i), started));
        }
        return telegrams;
    }
}
