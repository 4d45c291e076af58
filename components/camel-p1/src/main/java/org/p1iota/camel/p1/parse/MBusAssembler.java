package org.p1iota.camel.p1.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.p1iota.camel.p1.model.GasReading;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Reading;

/**
 * Collects the lines of M-Bus devices ({@code 0-n:24.x.x}, {@code 0-n:96.1.x}) per channel, in the
 * order the channels first appear, and picks the gas reading. One per telegram that has M-Bus lines.
 * A device is its channel in {@link #channels} and {@link #STRIDE} slots of {@link #data}: its type, id,
 * valve and readings (one {@link Reading}, or a list when a device sends more than one), so a
 * telegram's devices cost two arrays, not an object per property.
 */
final class MBusAssembler {

    private static final int TYPE = 0;
    private static final int ID = 1;
    private static final int VALVE = 2;
    private static final int READINGS = 3;
    private static final int STRIDE = 4;

    private int[] channels = new int[2];
    private Object[] data = new Object[2 * STRIDE];
    private int devices;

    /** Puts a value {@link FieldReader} read into the channel's device (added when the channel is new). */
    void store(int kind, int channel, Object value) {
        int at = device(channel) * STRIDE;
        switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE -> data[at + TYPE] = value;
            case ObisField.MBUS_VALVE -> data[at + VALVE] = value;
            case ObisField.MBUS_EQUIPMENT_ID -> data[at + ID] = value;
            default -> addReading(at, (Reading) value);
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
            channels = Arrays.copyOf(channels, devices * 2);
            data = Arrays.copyOf(data, devices * 2 * STRIDE);
        }
        channels[devices] = channel;
        return devices++;
    }

    private void addReading(int at, Reading reading) {
        Object readings = data[at + READINGS];
        if (readings == null) {
            data[at + READINGS] = reading;
            return;
        }
        List<Reading> list;
        if (readings instanceof Reading first) {
            list = new ArrayList<>(4);
            list.add(first);
            data[at + READINGS] = list;
        } else {
            list = readingList(readings);
        }
        list.add(reading);
    }

    @SuppressWarnings("unchecked")
    private static List<Reading> readingList(Object readings) {
        return (List<Reading>) readings;
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
        int at = device * STRIDE;
        return new MBusDevice(channels[device], (Integer) data[at + TYPE], (String) data[at + ID], readings(at),
                (Integer) data[at + VALVE]);
    }

    /** The device's readings in telegram order, as an immutable list (which the model keeps as is). */
    private List<Reading> readings(int at) {
        Object readings = data[at + READINGS];
        if (readings == null) {
            return List.of();
        }
        return readings instanceof Reading reading ? List.of(reading) : List.copyOf(readingList(readings));
    }

    /**
     * The first device of type 3 (gas) whose reading has a unit; failing that (a meter whose gas
     * channel sends a unit-less placeholder), the first reading of a type 3 device.
     */
    GasReading gas() {
        GasReading unitless = null;
        for (int d = 0; d < devices; d++) {
            int at = d * STRIDE;
            Object type = data[at + TYPE];
            if (type != null && (Integer) type == MBusDevice.TYPE_GAS) {
                int channel = channels[d];
                Object readings = data[at + READINGS];
                List<Reading> list = readings == null || readings instanceof Reading ? null : readingList(readings);
                for (int i = 0, n = list == null ? (readings == null ? 0 : 1) : list.size(); i < n; i++) {
                    Reading r = list == null ? (Reading) readings : list.get(i);
                    if (r.unit() != null) {
                        return new GasReading(channel, r.value(), r.unit(), r.timestamp());
                    }
                    if (unitless == null) {
                        unitless = new GasReading(channel, r.value(), null, r.timestamp());
                    }
                }
            }
        }
        return unitless;
    }
}
