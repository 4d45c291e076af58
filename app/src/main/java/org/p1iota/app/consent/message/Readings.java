package org.p1iota.app.consent.message;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * On a scoped data channel (every scope but the full one): records the device computed from the
 * telegrams it read, holding only the categories of {@code scope}. An interval record covers
 * {@code [start, end)} in the meter's local time (with its offset): the energy registers as read at
 * both boundaries (the first telegram at or after each), average power over the interval, the last gas
 * reading in it (gas comes at its own cadence, with its own time). At resolution {@code TELEGRAM},
 * start and end are the telegram's time and the values are its own. No raw telegram, and no value of
 * a category the scope does not name, is ever in one.
 */
public record Readings(String device, Scope scope, List<Interval> records) implements DataChannelMessage {

    public static final int MAX_RECORDS = 360;

    /** Register values as one telegram read them ({@code at}: that telegram's time). */
    public record Registers(String at, @OptionalField BigDecimal importTariff1, @OptionalField BigDecimal importTariff2,
            @OptionalField BigDecimal exportTariff1, @OptionalField BigDecimal exportTariff2) {
        public Registers {
            time("at", at);
        }
    }

    /** Average power over the interval, kW. */
    public record Power(@OptionalField BigDecimal importKw, @OptionalField BigDecimal exportKw) {
    }

    /** Averages of one phase over the interval: V, A, kW. */
    public record Phase(int phase, @OptionalField BigDecimal voltage, @OptionalField BigDecimal current,
            @OptionalField BigDecimal importKw, @OptionalField BigDecimal exportKw) {
    }

    /** The last gas reading within the interval, with the gas meter's own time. */
    public record Gas(String at, BigDecimal m3) {
        public Gas {
            time("at", at);
            Check.present("m3", m3);
        }
    }

    /** The equipment ids of the electricity meter and the gas meter. */
    public record Identity(@OptionalField String equipmentId, @OptionalField String gasEquipmentId) {
        public Identity {
            if (equipmentId != null) {
                Check.text("equipmentId", equipmentId, 96);
            }
            if (gasEquipmentId != null) {
                Check.text("gasEquipmentId", gasEquipmentId, 96);
            }
        }
    }

    /** One interval (or one telegram, at resolution TELEGRAM). Categories not granted are absent. */
    public record Interval(String start, String end, int telegrams, @OptionalField Registers atStart,
            @OptionalField Registers atEnd, @OptionalField Power power, @OptionalField List<Phase> phases,
            @OptionalField Gas gas, @OptionalField Identity meter) {
        public Interval {
            OffsetDateTime from = time("start", start);
            OffsetDateTime to = time("end", end);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("end must not be before start");
            }
            if (telegrams < 1) {
                throw new IllegalArgumentException("telegrams must be at least 1");
            }
            phases = phases == null ? null : List.copyOf(phases);
        }

        public OffsetDateTime startTime() {
            return OffsetDateTime.parse(start);
        }

        public OffsetDateTime endTime() {
            return OffsetDateTime.parse(end);
        }
    }

    public Readings {
        Check.hash("device", device);
        Check.present("scope", scope);
        Check.present("records", records);
        records = List.copyOf(records);
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("records must hold 1 to " + MAX_RECORDS + " records");
        }
        if (scope.isFull()) {
            throw new IllegalArgumentException("the full scope travels as DATA, not READINGS");
        }
        for (Interval record : records) {
            allowed(scope, Scope.Category.ENERGY, record.atStart() != null || record.atEnd() != null);
            allowed(scope, Scope.Category.POWER, record.power() != null);
            allowed(scope, Scope.Category.PHASES, record.phases() != null);
            allowed(scope, Scope.Category.GAS, record.gas() != null);
            allowed(scope, Scope.Category.IDENTITY, record.meter() != null);
        }
    }

    private static void allowed(Scope scope, Scope.Category category, boolean present) {
        if (present && !scope.includes(category)) {
            throw new IllegalArgumentException("a record holds " + category + ", which scope " + scope.channelName()
                    + " does not include");
        }
    }

    static OffsetDateTime time(String field, String value) {
        Check.present(field, value);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 date-time with offset");
        }
    }

    @Override
    public MessageType messageType() {
        return MessageType.READINGS;
    }
}
