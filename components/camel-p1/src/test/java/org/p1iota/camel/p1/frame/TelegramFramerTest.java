package org.p1iota.camel.p1.frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramFramerTest {

    private final List<Frame> frames = new ArrayList<>();
    private final List<RejectedFrame> rejected = new ArrayList<>();
    private final FrameSink sink = new FrameSink() {
        @Override
        public void frame(Frame frame) {
            frames.add(frame);
        }

        @Override
        public void rejected(RejectedFrame r) {
            rejected.add(r);
        }
    };

    private static String withCrc(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length));
    }

    private void feed(TelegramFramer framer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(bytes, 0, bytes.length);
    }

    @Test
    void offsetsCountFromTheStartOfTheStreamAcrossChunks() {
        TelegramFramer framer = new TelegramFramer(sink);
        String telegram = withCrc("/ABC5\r\n\r\n1-0:1.8.1(000001.000*kWh)\r\n!") + "\r\n";
        feed(framer, "noise");
        feed(framer, telegram.substring(0, 10));
        feed(framer, telegram.substring(10) + "xx" + telegram);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).offset()).isEqualTo(5);
        assertThat(frames.get(1).offset()).isEqualTo(5 + telegram.length() + 2);
        assertThat(frames.get(0).crc()).isEqualTo(CrcStatus.VALID);
        // four CRC digits end a frame at once, so the CRLF after each counts as skipped, like the noise
        assertThat(framer.skippedBytes()).isEqualTo(5 + 2 + 2 + 2);
    }

    @Test
    void lowerCaseAndUnpaddedCrcDigitsAreAccepted() {
        TelegramFramer framer = new TelegramFramer(sink);
        String upper = withCrc("/ABC5\r\n\r\n0-0:96.14.0(0001)\r\n!");
        feed(framer, upper.toLowerCase().replace("/abc5", "/ABC5").replace("0-0:96.14.0", "0-0:96.14.0") + "\r\n");
        assertThat(frames).singleElement().satisfies(f -> assertThat(f.crc()).isEqualTo(CrcStatus.VALID));
    }

    @Test
    void aMismatchIsMarkedInvalidWithBothValues() {
        TelegramFramer framer = new TelegramFramer(sink);
        feed(framer, "/ABC5\r\n\r\n0-0:96.14.0(0001)\r\n!0000\r\n");
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.crc()).isEqualTo(CrcStatus.INVALID);
            assertThat(f.statedCrc()).isEqualTo("0000");
            assertThat(f.computedCrc()).isNotZero();
        });
    }

    @Test
    void oversizeIsRejectedAndTheNextTelegramStillFound() {
        TelegramFramer framer = new TelegramFramer(sink, 64);
        feed(framer, "/ABC5\r\n" + "x".repeat(200) + "\r\n!0000\r\n" + withCrc("/ABC5\r\n\r\n!") + "\r\n");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.OVERSIZE);
            assertThat(r.raw()).hasSize(64);
        });
        assertThat(frames).singleElement().satisfies(f -> assertThat(f.crc()).isEqualTo(CrcStatus.VALID));
    }

    @Test
    void aStrayByteAfterTheBangIsAMalformedCrc() {
        TelegramFramer framer = new TelegramFramer(sink);
        feed(framer, "/ABC5\r\n\r\n!12G4\r\n");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_CRC));
        assertThat(frames).isEmpty();
    }

    @Test
    void noCrcBeforeTheLineEndMeansAbsent() {
        TelegramFramer framer = new TelegramFramer(sink);
        feed(framer, "/ISk5MT382-1004\r\n\r\n1-0:1.8.1(00001.001*kWh)\r\n!\r\n");
        assertThat(frames).singleElement().satisfies(f -> assertThat(f.crc()).isEqualTo(CrcStatus.ABSENT));
    }
}
