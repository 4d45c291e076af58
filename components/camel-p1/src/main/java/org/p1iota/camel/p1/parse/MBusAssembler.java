package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.p1iota.camel.p1.model.GasReading;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Reading;

/**
 * Collects the lines of M-Bus devices ({@code 0-n:24.x.x}, {@code 0-n:96.1.x}) per channel, in the
 * order the channels first appear, and picks the gas reading. One per parser, {@link #reset} before
 * each telegram; devices are kept in parallel arrays until the model is built, so the working state
 * costs no objects per telegram.
 */
final class MBusAssembler {

    private final Timestamps timestamps;
    private int devices;
    private int[] channels = new int[4];
    private Integer[] types = new Integer[4];
    private String[] equipmentIds = new String[4];
    private Integer[] valves = new Integer[4];
    /** Readings in telegram order, with the index of their device. */
    private Reading[] readings = new Reading[4];
    private int[] readingDevices = new int[4];
    private int readingCount;

    MBusAssembler(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    void reset() {
        if (devices > 0) {
            Arrays.fill(types, 0, devices, null);
            Arrays.fill(equipmentIds, 0, devices, null);
            Arrays.fill(valves, 0, devices, null);
            Arrays.fill(readings, 0, readingCount, null);
            devices = 0;
            readingCount = 0;
        }
    }

    /** {@link TelegramAssembler#read} for a line of an {@link ObisField} M-Bus kind; null never. */
    Object read(int kind, String code, Values v) throws FieldProblem {
        byte[] b = v.b;
        int n = v.count();
        return switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE, ObisField.MBUS_VALVE -> (int) ValueReader.integer(b, v.start(0), v.end(0));
            case ObisField.MBUS_EQUIPMENT_ID -> v.hexText(0);
            case ObisField.MBUS_PROFILE_DSMR3 -> profileReading(code, v);
            default -> n < 2 ? TelegramAssembler.NOT_TYPED : reading(code, b, v.start(0), v.end(0), v.start(n - 1), v.end(n - 1));
        };
    }

    /** Puts a value {@link #read} gave into the channel's device (added when the channel is new). */
    void store(int kind, int channel, Object value) {
        int device = device(channel); // first: it may replace the arrays
        switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE -> types[device] = (Integer) value;
            case ObisField.MBUS_VALVE -> valves[device] = (Integer) value;
            case ObisField.MBUS_EQUIPMENT_ID -> equipmentIds[device] = (String) value;
            default -> add(device, (Reading) value);
        }
    }

    /** {@code 0-n:24.2.x(timestamp)(value*unit)}. */
    private Reading reading(String code, byte[] b, int tsStart, int tsEnd, int start, int end) throws FieldProblem {
        OffsetDateTime time = timestamps.read(b, tsStart, tsEnd);
        int star = ValueReader.unitSeparator(b, start, end);
        if (star < 0) {
            return new Reading(code, time, ValueReader.decimal(b, start, end), null);
        }
        return new Reading(code, time, ValueReader.decimal(b, start, star), ValueReader.unit(b, ValueReader.unitStart(b, star), end));
    }

    /**
     * DSMR 2.2/3.0 {@code 0-n:24.3.0(time)(00)(60)(1)(0-n:24.2.1)(m3)} with the value on the next line:
     * the unit is the last value of the first line, the reading the last value of all.
     */
    private Reading profileReading(String code, Values v) throws FieldProblem {
        int n = v.count();
        if (n < 7) {
            throw new FieldProblem("DSMR 3 gas profile without its value line");
        }
        OffsetDateTime time = timestamps.read(v.b, v.start(0), v.end(0));
        BigDecimal value = ValueReader.decimal(v.b, v.start(n - 1), v.end(n - 1));
        return new Reading(code, time, value, ValueReader.unit(v.b, v.start(5), v.end(5)));
    }

    /** A channel that sent only empty values still is a device on the bus. */
    void present(int channel) {
        device(channel);
    }

    /** The index of the channel's device, added when the channel is new. */
    private int device(int channel) {
        for (int i = 0; i < devices; i++) {
            if (channels[i] == channel) {
                return i;
            }
        }
        if (devices == channels.length) {
            int size = devices * 2;
            channels = Arrays.copyOf(channels, size);
            types = Arrays.copyOf(types, size);
            equipmentIds = Arrays.copyOf(equipmentIds, size);
            valves = Arrays.copyOf(valves, size);
        }
        channels[devices] = channel;
        return devices++;
    }

    private void add(int device, Reading reading) {
        if (readingCount == readings.length) {
            readings = Arrays.copyOf(readings, readingCount * 2);
            readingDevices = Arrays.copyOf(readingDevices, readingCount * 2);
        }
        readings[readingCount] = reading;
        readingDevices[readingCount++] = device;
    }

    List<MBusDevice> devices() {
        if (devices == 0) {
            return null;
        }
        if (devices == 1) {
            return List.of(model(0));
        }
        MBusDevice[] result = new MBusDevice[devices];
        for (int i = 0; i < devices; i++) {
            result[i] = model(i);
        }
        return List.of(result);
    }

    private MBusDevice model(int device) {
        return new MBusDevice(channels[device], types[device], equipmentIds[device], readingsOf(device), valves[device]);
    }

    /** The device's readings in telegram order, as an immutable list (which the model keeps as is). */
    private List<Reading> readingsOf(int device) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < readingCount; i++) {
            if (readingDevices[i] == device) {
                count++;
                last = i;
            }
        }
        if (count <= 1) {
            return count == 0 ? List.of() : List.of(readings[last]);
        }
        Reading[] own = new Reading[count];
        for (int i = 0, k = 0; i < readingCount; i++) {
            if (readingDevices[i] == device) {
                own[k++] = readings[i];
            }
        }
        return List.of(own);
    }

    /**
     * The first device of type 3 (gas) whose reading has a unit; failing that (a meter whose gas
     * channel sends a unit-less placeholder), the first reading of a type 3 device.
     */
    GasReading gas() {
        GasReading unitless = null;
        for (int d = 0; d < devices; d++) {
            if (types[d] != null && types[d] == MBusDevice.TYPE_GAS) {
                for (int i = 0; i < readingCount; i++) {
                    if (readingDevices[i] != d) {
                        continue;
                    }
                    Reading r = readings[i];
                    if (r.unit() != null) {
                        return new GasReading(channels[d], r.value(), r.unit(), r.timestamp());
                    }
                    if (unitless == null) {
                        unitless = new GasReading(channels[d], r.value(), null, r.timestamp());
                    }
                }
            }
        }
        return unitless;
    }
}
