package org.p1iota.camel.p1.parse;

import java.util.Arrays;
import java.util.List;

import org.p1iota.camel.p1.model.GasReading;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Reading;

/**
 * Collects the lines of M-Bus devices ({@code 0-n:24.x.x}, {@code 0-n:96.1.x}) per channel, in the
 * order the channels first appear, and picks the gas reading. One per telegram that has M-Bus lines;
 * devices are kept in parallel arrays until the model is built.
 */
final class MBusAssembler {

    private int devices;
    private int[] channels = new int[4];
    private Integer[] types = new Integer[4];
    private String[] equipmentIds = new String[4];
    private Integer[] valves = new Integer[4];
    /** Readings in telegram order, with the index of their device. */
    private Reading[] readings = new Reading[4];
    private int[] readingDevices = new int[4];
    private int readingCount;

    /** Puts a value {@link FieldReader} read into the channel's device (added when the channel is new). */
    void store(int kind, int channel, Object value) {
        int device = device(channel); // first: it may replace the arrays
        switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE -> types[device] = (Integer) value;
            case ObisField.MBUS_VALVE -> valves[device] = (Integer) value;
            case ObisField.MBUS_EQUIPMENT_ID -> equipmentIds[device] = (String) value;
            default -> add(device, (Reading) value);
        }
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
