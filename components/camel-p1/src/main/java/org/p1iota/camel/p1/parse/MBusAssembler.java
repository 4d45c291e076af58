package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.p1iota.camel.p1.model.GasReading;
import org.p1iota.camel.p1.model.MBusDevice;
import org.p1iota.camel.p1.model.Reading;

/**
 * Collects the lines of M-Bus devices ({@code 0-n:24.x.x}, {@code 0-n:96.1.x}) per channel, in the
 * order the channels first appear, and picks the gas reading.
 */
final class MBusAssembler {

    private static final class Device {
        final int channel;
        Integer type;
        String equipmentId;
        Integer valve;
        final List<Reading> readings = new ArrayList<>(2);

        Device(int channel) {
            this.channel = channel;
        }
    }

    private final List<Device> devices = new ArrayList<>(4);
    private final MeterDates dates;

    MBusAssembler(MeterDates dates) {
        this.dates = dates;
    }

    /** Handles one M-Bus line of an {@link ObisField} M-Bus kind; false when it cannot be typed. */
    boolean accept(int kind, int channel, String code, Values v) throws FieldProblem {
        byte[] b = v.b;
        int n = v.count();
        switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE -> device(channel).type = (int) ValueReader.integer(b, v.start(0), v.end(0));
            case ObisField.MBUS_EQUIPMENT_ID -> device(channel).equipmentId = v.hexText(0);
            case ObisField.MBUS_VALVE -> device(channel).valve = (int) ValueReader.integer(b, v.start(0), v.end(0));
            case ObisField.MBUS_PROFILE_DSMR3 -> device(channel).readings.add(profileReading(code, v));
            default -> {
                if (n < 2) {
                    return false;
                }
                device(channel).readings.add(reading(code, b, v.start(0), v.end(0), v.start(n - 1), v.end(n - 1)));
            }
        }
        return true;
    }

    /** {@code 0-n:24.2.x(timestamp)(value*unit)}. */
    private Reading reading(String code, byte[] b, int tsStart, int tsEnd, int start, int end) throws FieldProblem {
        OffsetDateTime time = ValueReader.timestamp(b, tsStart, tsEnd, dates);
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
        OffsetDateTime time = ValueReader.timestamp(v.b, v.start(0), v.end(0), dates);
        BigDecimal value = ValueReader.decimal(v.b, v.start(n - 1), v.end(n - 1));
        return new Reading(code, time, value, ValueReader.unit(v.b, v.start(5), v.end(5)));
    }

    /** A channel that sent only empty values still is a device on the bus. */
    void present(int channel) {
        device(channel);
    }

    private Device device(int channel) {
        for (Device device : devices) {
            if (device.channel == channel) {
                return device;
            }
        }
        Device device = new Device(channel);
        devices.add(device);
        return device;
    }

    List<MBusDevice> devices() {
        if (devices.isEmpty()) {
            return null;
        }
        MBusDevice[] result = new MBusDevice[devices.size()];
        for (int i = 0; i < result.length; i++) {
            Device d = devices.get(i);
            result[i] = new MBusDevice(d.channel, d.type, d.equipmentId, d.readings, d.valve);
        }
        return List.of(result);
    }

    /**
     * The first device of type 3 (gas) whose reading has a unit; failing that (a meter whose gas
     * channel sends a unit-less placeholder), the first reading of a type 3 device.
     */
    GasReading gas() {
        GasReading unitless = null;
        for (Device d : devices) {
            if (d.type != null && d.type == MBusDevice.TYPE_GAS) {
                for (Reading r : d.readings) {
                    if (r.unit() != null) {
                        return new GasReading(d.channel, r.value(), r.unit(), r.timestamp());
                    }
                    if (unitless == null) {
                        unitless = new GasReading(d.channel, r.value(), null, r.timestamp());
                    }
                }
            }
        }
        return unitless;
    }
}
