package org.p1iota.app.device.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.Scope;

/** Interval records from telegrams: boundaries in the meter's local time, values at the boundaries, only granted categories. */
class IntervalAggregatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-07T12:07:30+01:00");

    /** A telegram every second; import register grows 1 Wh a second, power 3.6 kW, gas every 5 minutes. */
    static ObjectNode telegram(int second) {
        OffsetDateTime time = START.plusSeconds(second);
        ObjectNode t = JSON.createObjectNode();
        t.put("timestamp", time.toString());
        t.put("equipmentId", "E0043007");
        t.put("energyImportTariff1", new BigDecimal("100.000").add(BigDecimal.valueOf(second, 3)));
        t.put("energyImportTariff2", new BigDecimal("200.000"));
        t.put("energyExportTariff1", BigDecimal.ZERO);
        t.put("energyExportTariff2", BigDecimal.ZERO);
        t.put("powerImport", new BigDecimal("3.600"));
        t.put("powerExport", BigDecimal.ZERO);
        ObjectNode gas = t.putObject("gas");
        gas.put("channel", 1);
        gas.put("value", new BigDecimal("50.000").add(BigDecimal.valueOf(second / 300, 3)));
        gas.put("timestamp", time.minusSeconds(second % 300).toString());
        ObjectNode mbus = t.putArray("mbus").addObject();
        mbus.put("channel", 1);
        mbus.put("equipmentId", "G0039001");
        return t;
    }

    static List<Readings.Interval> run(Scope scope, int seconds) {
        IntervalAggregator aggregator = new IntervalAggregator(scope);
        IntervalAggregator.State state = IntervalAggregator.initial();
        List<Readings.Interval> records = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            IntervalAggregator.Step step = aggregator.feed(state, telegram(s));
            state = step.next();
            step.completed().ifPresent(records::add);
        }
        return records;
    }

    @Test
    void quarterHoursStartAtTheFirstBoundaryAndCarryTheRegistersAtBothBoundaries() {
        // 12:07:30 to 12:47:29: the first whole quarter-hour is 12:15-12:30 (12:00-12:15 started before), then 12:30-12:45
        List<Readings.Interval> records = run(Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY), 40 * 60);
        assertThat(records).hasSize(2);
        Readings.Interval first = records.get(0);
        assertThat(first.start()).isEqualTo("2026-12-07T12:15+01:00");
        assertThat(first.end()).isEqualTo("2026-12-07T12:30+01:00");
        assertThat(first.telegrams()).isEqualTo(900);
        assertThat(first.atStart().at()).isEqualTo("2026-12-07T12:15+01:00");
        assertThat(first.atStart().importTariff1()).isEqualByComparingTo("100.450"); // 450 s after 12:07:30
        assertThat(first.atEnd().importTariff1()).isEqualByComparingTo("101.350");
        assertThat(first.power()).isNull();
        assertThat(first.gas()).isNull();
        assertThat(first.meter()).isNull();
        assertThat(records.get(1).start()).isEqualTo(first.end());
    }

    @Test
    void otherCategoriesOnlyWhenGranted() {
        List<Readings.Interval> records = run(Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.POWER, Scope.Category.GAS,
                Scope.Category.IDENTITY), 25 * 60);
        assertThat(records).hasSize(1);
        Readings.Interval record = records.get(0);
        assertThat(record.atStart()).isNull();
        assertThat(record.atEnd()).isNull();
        assertThat(record.power().importKw()).isEqualByComparingTo("3.6");
        assertThat(record.gas().m3()).isEqualByComparingTo("50.004"); // the last 5-minute gas reading before 12:30
        assertThat(record.gas().at()).isEqualTo("2026-12-07T12:27:30+01:00");
        assertThat(record.meter().equipmentId()).isEqualTo("E0043007");
        assertThat(record.meter().gasEquipmentId()).isEqualTo("G0039001");
    }

    @Test
    void everyTelegramWithoutGasOrIdsHoldsNeither() {
        List<Readings.Interval> records = run(Scope.of(Scope.Resolution.TELEGRAM, Scope.Category.ENERGY, Scope.Category.POWER), 3);
        assertThat(records).hasSize(3);
        assertThat(records.get(2).start()).isEqualTo(records.get(2).end()).isEqualTo("2026-12-07T12:07:32+01:00");
        assertThat(records.get(2).atEnd().importTariff1()).isEqualByComparingTo("100.002");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.gas()).isNull();
            assertThat(r.meter()).isNull();
        });
    }
}
