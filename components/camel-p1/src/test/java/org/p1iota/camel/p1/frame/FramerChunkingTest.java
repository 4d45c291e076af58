package org.p1iota.camel.p1.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framer keeps a telegram that lies within one chunk in place and gathers one that spans chunks
 * in its buffer: whichever way a stream is cut, it must report the same frames and rejections, byte
 * for byte.
 */
class FramerChunkingTest {

    @Test
    void everyCutOfAStreamGivesTheSameFramesAndRejections() {
        byte[] stream = stream();
        List<String> whole = frame(stream, stream.length);
        assertThat(whole).hasSize(7);
        for (int cut = 1; cut < stream.length; cut++) {
            List<String> twoChunks = new ArrayList<>();
            Recorder recorder = new Recorder(twoChunks);
            TelegramFramer framer = new TelegramFramer(recorder, 256);
            framer.feed(stream, 0, cut);
            framer.feed(Arrays.copyOfRange(stream, cut, stream.length), 0, stream.length - cut);
            framer.finish();
            assertThat(twoChunks).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(frame(stream, 1)).isEqualTo(whole);
        assertThat(frame(stream, 7)).isEqualTo(whole);
    }

    private static List<String> frame(byte[] stream, int chunk) {
        List<String> events = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(new Recorder(events), 256);
        byte[] reused = new byte[chunk];
        for (int offset = 0; offset < stream.length; offset += chunk) {
            int count = Math.min(chunk, stream.length - offset);
            System.arraycopy(stream, offset, reused, 0, count); // the caller reuses its read buffer
            framer.feed(reused, 0, count);
        }
        framer.finish();
        return events;
    }

    /** Noise, good telegrams, a cut-off one, a wrong CRC, a malformed CRC, an oversize one and a last one without its line end. */
    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String good = withCrc("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(240917143215S)\r\n1-0:1.8.1(012345.678*kWh)\r\n!");
        write(out, "noise before" + good + "\r\n");
        write(out, "/ABC5\r\n1-0:1.8.1(0");
        write(out, good + "\r\n");
        write(out, "/ABC5\r\n\r\n0-0:96.14.0(0001)\r\n!0000\r\n");
        write(out, "/ABC5\r\n\r\n!12G4\r\n");
        write(out, "/ABC5\r\n" + "x".repeat(300) + "\r\n!0000\r\n");
        write(out, "/ISk5MT382-1004\r\n\r\n1-0:1.8.1(00001.001*kWh)\r\n!");
        return out.toByteArray();
    }

    private static String withCrc(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private record Recorder(List<String> events) implements FrameSink {
        @Override
        public void frame(Frame frame) {
            events.add("frame at " + frame.offset() + " " + frame.crc() + " body " + frame.bodyLength() + " computed "
                    + frame.computedCrc() + ": " + new String(frame.bytes(), StandardCharsets.ISO_8859_1));
        }

        @Override
        public void rejected(RejectedFrame rejected) {
            events.add("rejected at " + rejected.offset() + " " + rejected.reason() + ": "
                    + new String(rejected.raw(), StandardCharsets.ISO_8859_1));
        }
    }
}
