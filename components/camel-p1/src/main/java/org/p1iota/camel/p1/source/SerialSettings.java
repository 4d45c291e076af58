package org.p1iota.camel.p1.source;

/**
 * Serial line settings.
 *
 * @param baudRate bits per second
 * @param dataBits 7 or 8
 * @param parity   none, even or odd
 * @param stopBits 1 or 2
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, EVEN, ODD }

    public static final SerialSettings B115200_8N1 = new SerialSettings(115200, 8, Parity.NONE, 1);
    public static final SerialSettings B115200_7E1 = new SerialSettings(115200, 7, Parity.EVEN, 1);
    public static final SerialSettings B9600_7E1 = new SerialSettings(9600, 7, Parity.EVEN, 1);

    public SerialSettings {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, not " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, not " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        }
    }

    /** {@code 115200 8N1}. */
    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
