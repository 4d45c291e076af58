package org.p1iota.camel.p1.frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A framer keeps nothing of one telegram for the next: whatever changed, at whatever length, in
 * whatever chunks, one long-lived framer must report exactly what a fresh framer reports for the same
 * bytes, and every computed CRC must be the CRC of the frame's body.
 */
class RepeatedFramesTest {

    private static final String SPECIAL = "/!\r\n0123456789()*.:-ABCDEFkWhm3";

    @Test
    void changedTelegramsFrameAsAFreshFramerFramesThem() {
        Random random = new Random(3);
        byte[] base = telegram(random, 40);
        Recorder reused = new Recorder();
        TelegramFramer framer = new TelegramFramer(reused);
        byte[] current = base;
        int repeatedShape = 0;
        for (int step = 0; step < 4000; step++) {
            byte[] next = step % 50 == 0 ? telegram(random, 10 + random.nextInt(60)) : change(current, random);
            boolean sameLength = next.length == current.length;
            current = next;
            int framesBefore = reused.events.size();
            int chunk = step % 3 == 0 ? next.length : 1 + random.nextInt(next.length);
            for (int at = 0; at < next.length; at += chunk) {
                framer.feed(next, at, Math.min(chunk, next.length - at));
            }
            framer.finish();
            Recorder fresh = new Recorder();
            TelegramFramer once = new TelegramFramer(fresh);
            once.feed(next);
            once.finish();
            assertThat(reused.events.subList(framesBefore, reused.events.size())).as("step %d: %s", step,
                    new String(next, StandardCharsets.ISO_8859_1)).isEqualTo(fresh.events);
            repeatedShape += sameLength ? 1 : 0;
        }
        for (Frame frame : reused.frames) {
            assertThat(frame.computedCrc()).isEqualTo(Crc16Arc.of(frame.bytes(), 0, frame.bodyLength()));
        }
        assertThat(reused.frames).as("most changes keep a valid telegram").hasSizeGreaterThan(2000);
        assertThat(repeatedShape).as("most changes keep the length").isGreaterThan(2000);
    }

    @Test
    void aSlashOrBangWhereADigitWasIsFoundInARepeatedTelegram() {
        byte[] first = withCrc("/ISK5\\2M550T-1012\r\n\r\n1-0:1.8.1(000001.000*kWh)\r\n1-0:1.8.2(000002.000*kWh)\r\n!");
        byte[] slash = first.clone();
        slash[30] = '/';
        byte[] bang = first.clone();
        bang[45] = '!';
        Recorder reused = new Recorder();
        TelegramFramer framer = new TelegramFramer(reused);
        Recorder fresh = new Recorder();
        for (byte[] telegram : List.of(first, slash, first, bang, first)) {
            framer.feed(telegram);
            framer.finish();
            TelegramFramer once = new TelegramFramer(fresh);
            once.feed(telegram);
            once.finish();
        }
        assertThat(reused.events).isEqualTo(fresh.events);
        assertThat(reused.events).contains("rejected INCOMPLETE 30");
        assertThat(reused.events.get(0)).startsWith("frame VALID");
        assertThat(reused.events.stream().filter(e -> e.startsWith("frame VALID"))).hasSize(3);
    }

    /** One telegram of {@code lines} random OBIS-like lines with a valid CRC and a line end. */
    private static byte[] telegram(Random random, int lines) {
        StringBuilder body = new StringBuilder("/XMX5LGBBFG1009\r\n\r\n");
        for (int i = 0; i < lines; i++) {
            body.append("1-0:").append(random.nextInt(100)).append(".8.1(").append(String.format("%010.3f", random.nextDouble() * 1e5))
                    .append("*kWh)\r\n");
        }
        return withCrc(body.append('!').toString());
    }

    private static byte[] withCrc(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return (body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The next telegram: a few bytes changed in place (now and then to {@code /}, {@code !} or a line
     * end), at times one inserted or removed, at times a stale CRC; the CRC is usually made valid again.
     */
    private static byte[] change(byte[] telegram, Random random) {
        String text = new String(telegram, StandardCharsets.ISO_8859_1);
        int bang = text.lastIndexOf('!');
        if (bang < 1) {
            return telegram(random, 20);
        }
        StringBuilder body = new StringBuilder(text.substring(0, bang));
        int changes = 1 + random.nextInt(6);
        for (int c = 0; c < changes; c++) {
            int at = 1 + random.nextInt(body.length() - 1);
            char value = random.nextInt(20) == 0 ? (char) random.nextInt(256) : SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            switch (random.nextInt(12)) {
                case 0 -> body.insert(at, value);
                case 1 -> body.deleteCharAt(at);
                default -> body.setCharAt(at, Character.isDigit(body.charAt(at)) && random.nextBoolean()
                        ? (char) ('0' + random.nextInt(10)) : value);
            }
        }
        String changed = body.append('!').toString();
        if (random.nextInt(10) == 0) {
            return (changed + text.substring(bang + 1)).getBytes(StandardCharsets.ISO_8859_1);
        }
        return withCrc(changed);
    }

    private static final class Recorder implements FrameSink {

        final List<String> events = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void frame(Frame frame) {
            frames.add(frame);
            events.add("frame " + frame.crc() + " " + Integer.toHexString(frame.computedCrc()) + " " + frame.bodyLength() + " "
                    + new String(frame.bytes(), StandardCharsets.ISO_8859_1));
        }

        @Override
        public void rejected(RejectedFrame rejected) {
            events.add("rejected " + rejected.reason() + " " + rejected.raw().length);
        }
    }
}
