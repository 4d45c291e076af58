package org.p1iota.camel.p1.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A serial port through jSerialComm. With several candidate settings (profile {@code auto} or
 * {@code dsmr4}) the consumer calls {@link #tryNextSettings()} when a setting yields no valid telegram.
 */
public final class SerialSource implements P1Source {

    private final String portName;
    private final List<SerialSettings> candidates;
    private final int pollMillis;
    private volatile int current;
    private volatile SerialPort port;

    public SerialSource(String portName, List<SerialSettings> candidates, int pollMillis) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no serial settings to try");
        }
        this.portName = portName;
        this.candidates = List.copyOf(candidates);
        this.pollMillis = pollMillis;
    }

    @Override
    public InputStream open() throws IOException {
        SerialSettings settings = settings();
        SerialPort opened;
        try {
            opened = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + portName + ": " + e.getMessage(), e);
        }
        opened.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity(settings.parity()));
        opened.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        opened.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, pollMillis, 0);
        if (!opened.openPort()) {
            throw new IOException("cannot open serial port " + portName + " (missing, or no permission: error "
                    + opened.getLastErrorCode() + ")");
        }
        port = opened;
        return opened.getInputStream();
    }

    /** Whether there is another setting to try after the current one. */
    public boolean hasAlternatives() {
        return candidates.size() > 1;
    }

    /** Moves on to the next candidate setting (wrapping around); takes effect at the next {@link #open()}. */
    public SerialSettings tryNextSettings() {
        current = (current + 1) % candidates.size();
        return settings();
    }

    public SerialSettings settings() {
        return candidates.get(current);
    }

    @Override
    public void close() {
        SerialPort open = port;
        port = null;
        if (open != null) {
            open.closePort();
        }
    }

    @Override
    public String describe() {
        return "serial " + portName + " " + settings();
    }

    private static int parity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
