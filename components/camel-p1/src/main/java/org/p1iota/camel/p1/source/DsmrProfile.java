package org.p1iota.camel.p1.source;

import java.util.List;

/**
 * Serial settings by DSMR version. {@link #AUTO} tries each setting in turn until one yields valid
 * telegrams.
 */
public enum DsmrProfile {
    /** DSMR 2.2: 9600 baud 7E1. */
    DSMR22(List.of(SerialSettings.B9600_7E1)),
    /** DSMR 3.0: 9600 baud 7E1. */
    DSMR3(List.of(SerialSettings.B9600_7E1)),
    /** DSMR 4.x: 115200 baud, 8N1 on most meters, 7E1 on some (Kaifa): both are tried. */
    DSMR4(List.of(SerialSettings.B115200_8N1, SerialSettings.B115200_7E1)),
    /** DSMR 5.x (and e-MUCS, Smarty): 115200 baud 8N1. */
    DSMR5(List.of(SerialSettings.B115200_8N1)),
    /** Try 115200 8N1, 115200 7E1, then 9600 7E1. */
    AUTO(List.of(SerialSettings.B115200_8N1, SerialSettings.B115200_7E1, SerialSettings.B9600_7E1));

    private final List<SerialSettings> candidates;

    DsmrProfile(List<SerialSettings> candidates) {
        this.candidates = candidates;
    }

    public List<SerialSettings> candidates() {
        return candidates;
    }
}
