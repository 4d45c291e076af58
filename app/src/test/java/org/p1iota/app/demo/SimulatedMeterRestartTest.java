package org.p1iota.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the demo's second start restarted its simulated meter's capture, so the totals went
 * backwards (6657.508 -> 6657.459 kWh) at the device, My Home and the provider. A meter that
 * remembers how far it got (the demo keeps it in its data directory) goes on from there.
 */
class SimulatedMeterRestartTest {

    private static final Pattern IMPORT_T1 = Pattern.compile("1-0:1\\.8\\.1\\(([0-9.]+)\\*kWh\\)");
    private static final Pattern GAS = Pattern.compile("0-1:24\\.2\\.1\\([0-9SW]+\\)\\(([0-9.]+)\\*m3\\)");

    @TempDir
    Path data;

    @Test
    void totalsNeverGoBackAcrossARestart() throws Exception {
        Path state = data.resolve("meter-telegrams-sent");
        List<String> first;
        try (SimulatedMeter meter = SimulatedMeter.start(MeterTelegrams.demoCapture(), 0, Duration.ofMillis(30), Clock.systemUTC(), state)) {
            first = read(meter.port(), 12);
        }
        List<String> second;
        try (SimulatedMeter meter = SimulatedMeter.start(MeterTelegrams.demoCapture(), 0, Duration.ofMillis(30), Clock.systemUTC(), state)) {
            second = read(meter.port(), 3);
        }
        BigDecimal lastBefore = value(IMPORT_T1, first.get(first.size() - 1));
        BigDecimal firstAfter = value(IMPORT_T1, second.get(0));
        assertThat(firstAfter).as("tariff 1 import after the restart").isGreaterThanOrEqualTo(lastBefore);
        assertThat(value(GAS, second.get(0))).isGreaterThanOrEqualTo(value(GAS, first.get(first.size() - 1)));
        assertThat(second.get(0)).as("not the capture's first telegram again").isNotEqualTo(first.get(0));
    }

    private static BigDecimal value(Pattern pattern, String telegram) {
        Matcher matcher = pattern.matcher(telegram);
        assertThat(matcher.find()).as("%s in %s", pattern, telegram).isTrue();
        return new BigDecimal(matcher.group(1));
    }

    /** The first {@code count} telegrams a client of the meter receives. */
    private static List<String> read(int port, int count) throws Exception {
        List<String> telegrams = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            int b;
            while (telegrams.size() < count && (b = in.read()) >= 0) {
                current.write(b);
                String text = current.toString(StandardCharsets.ISO_8859_1);
                if (text.matches("(?s).*![0-9A-F]{4}\r\n")) {
                    telegrams.add(text);
                    current.reset();
                }
            }
        }
        return telegrams;
    }
}
