package org.p1iota.camel.p1.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A device on the meter's M-Bus: usually a gas meter (type 3), also water (7), heat (4, 12) or a
 * slave electricity meter. Any channel 1-4 (some meters also use higher ones).
 *
 * @param channel     the B group of its OBIS codes ({@code 0-2:...} is channel 2)
 * @param deviceType  the M-Bus device type ({@code 24.1.0}); null when not sent
 * @param equipmentId the device's id, hex-decoded when it is printable hex text
 * @param readings    its readings in telegram order
 * @param valve       the valve position ({@code 24.4.0}) when sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MBusDevice(int channel, Integer deviceType, String equipmentId, List<Reading> readings, Integer valve) {

    public static final int TYPE_GAS = 3;

    public MBusDevice {
        readings = List.copyOf(readings);
    }
}
