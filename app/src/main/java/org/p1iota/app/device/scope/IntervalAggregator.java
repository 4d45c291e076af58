package org.p1iota.app.device.scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.Scope;

/**
 * Computes one scope's records from the telegrams as the meter sent them (their parsed values), in
 * order. Intervals follow the meter's local time (the telegram's own time and offset): a record covers
 * {@code [start, end)}, its energy registers are those of the first telegram at or after each boundary,
 * power and phases are averages of the telegrams within it, gas is the last gas reading within it.
 * A fresh aggregator begins at the first boundary it sees, so a scope's first record starts when its
 * channel started (nothing before). Immutable state, so the caller stores it with the records it gave.
 */
public final class IntervalAggregator {

    /** What an open interval has gathered so far. */
    public record State(String waitFor, String start, int count, Readings.Registers atStart, Sum importKw, Sum exportKw,
            TreeMap<Integer, PhaseSums> phases, Readings.Gas lastGas, Readings.Identity identity) {
        static State fresh() {
            return new State(null, null, 0, null, Sum.ZERO, Sum.ZERO, new TreeMap<>(), null, null);
        }
    }

    /** A running sum and count. */
    public record Sum(BigDecimal total, int n) {
        static final Sum ZERO = new Sum(BigDecimal.ZERO, 0);

        Sum plus(BigDecimal value) {
            return value == null ? this : new Sum(total.add(value), n + 1);
        }

        BigDecimal average(int scale) {
            // no trailing zeros: the value reads back the same from JSON
            return n == 0 ? null : total.divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }

    /** Per-phase running sums. */
    public record PhaseSums(Sum voltage, Sum current, Sum importKw, Sum exportKw) {
    }

    private final Scope scope;

    public IntervalAggregator(Scope scope) {
        this.scope = scope;
    }

    public static State initial() {
        return State.fresh();
    }

    /** The next state, and the record completed by this telegram, if any. */
    public record Step(State next, Optional<Readings.Interval> completed) {
    }

    public Step feed(State state, JsonNode telegram) {
        OffsetDateTime time = time(telegram.path("timestamp"));
        if (time == null) {
            return new Step(state, Optional.empty()); // a telegram without time cannot be placed in an interval
        }
        if (scope.resolution() == Scope.Resolution.TELEGRAM) {
            State one = gather(begin(time, telegram), telegram);
            return new Step(state, Optional.of(record(one, time, registers(telegram, time))));
        }
        if (state.start() == null) {
            OffsetDateTime waitFor = state.waitFor() == null ? ceil(time) : OffsetDateTime.parse(state.waitFor());
            if (time.isBefore(waitFor)) {
                return new Step(new State(waitFor.toString(), null, 0, null, Sum.ZERO, Sum.ZERO, new TreeMap<>(), null, null),
                        Optional.empty());
            }
            return new Step(gather(begin(floor(time), telegram, time), telegram), Optional.empty());
        }
        OffsetDateTime start = OffsetDateTime.parse(state.start());
        OffsetDateTime end = start.plus(scope.resolution().interval());
        if (time.toInstant().isBefore(end.toInstant())) {
            if (time.toInstant().isBefore(start.toInstant())) {
                return new Step(state, Optional.empty()); // the meter's clock went back: not this interval's
            }
            return new Step(gather(state, telegram), Optional.empty());
        }
        Readings.Interval done = record(state, end, registers(telegram, time));
        return new Step(gather(begin(floor(time), telegram, time), telegram), Optional.of(done));
    }

    private State begin(OffsetDateTime telegramTime, JsonNode telegram) {
        return begin(telegramTime, telegram, telegramTime);
    }

    private State begin(OffsetDateTime start, JsonNode telegram, OffsetDateTime telegramTime) {
        return new State(null, start.toString(), 0, registers(telegram, telegramTime), Sum.ZERO, Sum.ZERO, new TreeMap<>(),
                null, null);
    }

    private State gather(State state, JsonNode telegram) {
        TreeMap<Integer, PhaseSums> phases = new TreeMap<>(state.phases());
        for (JsonNode phase : telegram.path("phases")) {
            PhaseSums sums = phases.getOrDefault(phase.path("phase").asInt(), new PhaseSums(Sum.ZERO, Sum.ZERO, Sum.ZERO, Sum.ZERO));
            phases.put(phase.path("phase").asInt(), new PhaseSums(sums.voltage().plus(decimal(phase.path("voltage"))),
                    sums.current().plus(decimal(phase.path("current"))), sums.importKw().plus(decimal(phase.path("powerImport"))),
                    sums.exportKw().plus(decimal(phase.path("powerExport")))));
        }
        Readings.Gas gas = state.lastGas();
        JsonNode gasNode = telegram.path("gas");
        BigDecimal m3 = decimal(gasNode.path("value"));
        OffsetDateTime gasTime = time(gasNode.path("timestamp"));
        if (m3 != null && gasTime != null) {
            gas = new Readings.Gas(gasTime.toString(), m3);
        }
        Readings.Identity identity = new Readings.Identity(text(telegram.path("equipmentId")), gasEquipmentId(telegram));
        return new State(state.waitFor(), state.start(), state.count() + 1, state.atStart(),
                state.importKw().plus(decimal(telegram.path("powerImport"))),
                state.exportKw().plus(decimal(telegram.path("powerExport"))), phases, gas, identity);
    }

    /** The record of a gathered interval, with only the categories of the scope. */
    private Readings.Interval record(State state, OffsetDateTime end, Readings.Registers atEnd) {
        boolean telegram = scope.resolution() == Scope.Resolution.TELEGRAM;
        Readings.Registers atStart = scope.includes(Scope.Category.ENERGY) && !telegram ? state.atStart() : null;
        Readings.Registers endRegisters = scope.includes(Scope.Category.ENERGY) ? atEnd : null;
        Readings.Power power = scope.includes(Scope.Category.POWER)
                ? new Readings.Power(state.importKw().average(3), state.exportKw().average(3)) : null;
        List<Readings.Phase> phases = null;
        if (scope.includes(Scope.Category.PHASES)) {
            phases = new ArrayList<>();
            for (var entry : state.phases().entrySet()) {
                PhaseSums sums = entry.getValue();
                phases.add(new Readings.Phase(entry.getKey(), sums.voltage().average(1), sums.current().average(2),
                        sums.importKw().average(3), sums.exportKw().average(3)));
            }
        }
        Readings.Gas gas = scope.includes(Scope.Category.GAS) ? state.lastGas() : null;
        Readings.Identity identity = scope.includes(Scope.Category.IDENTITY) ? state.identity() : null;
        return new Readings.Interval(state.start(), end.toString(), Math.max(1, state.count()), atStart, endRegisters, power,
                phases, gas, identity);
    }

    private static Readings.Registers registers(JsonNode telegram, OffsetDateTime time) {
        return new Readings.Registers(time.toString(), decimal(telegram.path("energyImportTariff1")),
                decimal(telegram.path("energyImportTariff2")), decimal(telegram.path("energyExportTariff1")),
                decimal(telegram.path("energyExportTariff2")));
    }

    /** The interval boundary at or before {@code time}, in the meter's local time. */
    OffsetDateTime floor(OffsetDateTime time) {
        return switch (scope.resolution()) {
            case TELEGRAM -> time;
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case QUARTER_HOUR -> time.truncatedTo(ChronoUnit.HOURS).plusMinutes(time.getMinute() / 15 * 15L);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
        };
    }

    /** The first boundary at or after {@code time}. */
    OffsetDateTime ceil(OffsetDateTime time) {
        OffsetDateTime floor = floor(time);
        return floor.equals(time) ? time : floor.plus(scope.resolution().interval());
    }

    private static String gasEquipmentId(JsonNode telegram) {
        int channel = telegram.path("gas").path("channel").asInt(-1);
        for (JsonNode device : telegram.path("mbus")) {
            if (device.path("channel").asInt(-2) == channel) {
                return text(device.path("equipmentId"));
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static OffsetDateTime time(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
