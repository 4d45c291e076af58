package org.p1iota.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.p1iota.camel.p1.frame.Crc16Arc;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.FrameSink;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.frame.TelegramFramer;

/**
 * A real capture turned into an endless, current meter: telegram {@code n} of loop {@code k} is the
 * capture's telegram with the time replaced by now (with the DSMR S/W flag), the energy registers
 * raised by {@code k} times what one pass of the capture adds (so totals never go back), a gas meter
 * on M-Bus channel 1, and a fresh CRC.
 */
public final class MeterTelegrams {

    private static final String DEMO_CAPTURE = "/demo/iskra-am550-2019-03-24.telegrams";
    /** The zone a Dutch meter's clock runs in. */
    public static final ZoneId METER_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DSMR_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
    private static final String[] ENERGY_REGISTERS = {"1-0:1.8.1", "1-0:1.8.2", "1-0:2.8.1", "1-0:2.8.2"};
    private static final String GAS_METER_ID = "4730303339303031393132333435363738";
    /** 0.35 m3 an hour: a heated Dutch home in March. */
    private static final double GAS_M3_PER_SECOND = 0.35 / 3600;
    private static final double GAS_START_M3 = 2931.484;

    private final List<String> telegrams;
    private final Map<String, BigDecimal> growthPerLoop = new HashMap<>();

    private MeterTelegrams(List<String> telegrams) {
        if (telegrams.isEmpty()) {
            throw new IllegalArgumentException("the capture holds no complete telegram");
        }
        this.telegrams = telegrams;
        for (String register : ENERGY_REGISTERS) {
            BigDecimal first = value(telegrams.get(0), register);
            BigDecimal last = value(telegrams.get(telegrams.size() - 1), register);
            if (first != null && last != null) {
                growthPerLoop.put(register, last.subtract(first));
            }
        }
    }

    /** The demo's meter: a real Iskra AM550 (DSMR 5.0) captured for 300 s on 24 March 2019. */
    public static MeterTelegrams demoCapture() {
        try (InputStream capture = MeterTelegrams.class.getResourceAsStream(DEMO_CAPTURE)) {
            if (capture == null) {
                throw new IllegalStateException(DEMO_CAPTURE + " is missing from the class path");
            }
            return load(capture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMO_CAPTURE, e);
        }
    }

    /** Frames every complete telegram with a valid CRC in the capture. */
    public static MeterTelegrams load(InputStream capture) throws IOException {
        List<String> telegrams = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                telegrams.add(new String(frame.bytes(), 0, frame.bodyLength(), StandardCharsets.ISO_8859_1));
            }

            @Override
            public void rejected(RejectedFrame rejected) {
                // a capture starts and may end mid-telegram: those fragments are not replayed
            }
        });
        framer.feed(capture.readAllBytes());
        framer.finish();
        return new MeterTelegrams(telegrams);
    }

    public int size() {
        return telegrams.size();
    }

    /** The bytes the meter sends as its {@code sent}-th telegram (0-based) at {@code now}. */
    public byte[] telegram(long sent, ZonedDateTime now, ZonedDateTime started) {
        int index = (int) (sent % telegrams.size());
        long loop = sent / telegrams.size();
        StringBuilder body = new StringBuilder();
        for (String line : telegrams.get(index).split("\r\n", -1)) {
            if (line.equals("!")) {
                body.append(gasLines(now, started));
                body.append("!");
                break;
            }
            body.append(rewrite(line, now, loop)).append("\r\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);
        int crc = Crc16Arc.update(0, bytes, 0, bytes.length);
        String trailer = String.format(Locale.ROOT, "%04X\r\n", crc);
        byte[] telegram = new byte[bytes.length + trailer.length()];
        System.arraycopy(bytes, 0, telegram, 0, bytes.length);
        System.arraycopy(trailer.getBytes(StandardCharsets.ISO_8859_1), 0, telegram, bytes.length, trailer.length());
        return telegram;
    }

    private String rewrite(String line, ZonedDateTime now, long loop) {
        if (line.startsWith("0-0:1.0.0(")) {
            return "0-0:1.0.0(" + stamp(now) + ")";
        }
        for (String register : ENERGY_REGISTERS) {
            if (line.startsWith(register + "(") && loop > 0 && growthPerLoop.containsKey(register)) {
                BigDecimal raised = value(line, register).add(growthPerLoop.get(register).multiply(BigDecimal.valueOf(loop)));
                return register + "(" + String.format(Locale.ROOT, "%010.3f", raised) + "*kWh)";
            }
        }
        return line;
    }

    private static String gasLines(ZonedDateTime now, ZonedDateTime started) {
        double seconds = Math.max(0, java.time.Duration.between(started, now).toSeconds());
        double gas = GAS_START_M3 + seconds * GAS_M3_PER_SECOND;
        return "0-1:24.1.0(003)\r\n"
                + "0-1:96.1.0(" + GAS_METER_ID + ")\r\n"
                + "0-1:24.2.1(" + stamp(now) + ")(" + String.format(Locale.ROOT, "%09.3f", gas) + "*m3)\r\n";
    }

    static String stamp(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(METER_ZONE);
        boolean summer = METER_ZONE.getRules().isDaylightSavings(local.toInstant());
        return DSMR_TIME.format(local) + (summer ? "S" : "W");
    }

    private static BigDecimal value(String text, String register) {
        int start = text.indexOf(register + "(");
        if (start < 0) {
            return null;
        }
        int open = start + register.length() + 1;
        int star = text.indexOf('*', open);
        int close = text.indexOf(')', open);
        int end = star > 0 && star < close ? star : close;
        return new BigDecimal(text.substring(open, end));
    }
}
