package org.p1iota.camel.p1.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which OBIS codes the assembler types, and as what: medium and channel count as much as C.D.E. */
class ObisFieldTest {

    @Test
    void mediumAndChannelDecideWithTheCode() {
        assertThat(ObisField.of(0, 0, ObisKeys.TIMESTAMP)).isEqualTo(ObisField.TIMESTAMP);
        assertThat(ObisField.of(0, 1, ObisKeys.TIMESTAMP)).isEqualTo(ObisField.UNKNOWN);
        assertThat(ObisField.of(1, 3, ObisKeys.P1_VERSION)).isEqualTo(ObisField.P1_VERSION);
        assertThat(ObisField.of(1, 0, ObisKeys.P1_VERSION)).isEqualTo(ObisField.UNKNOWN);
        assertThat(ObisField.of(1, 0, ObisKeys.IMPORT_T1)).isEqualTo(ObisField.IMPORT_T1);
        assertThat(ObisField.of(1, 1, ObisKeys.IMPORT_T1)).isEqualTo(ObisField.IMPORT_T1);
        assertThat(ObisField.of(1, 2, ObisKeys.IMPORT_T1)).isEqualTo(ObisField.UNKNOWN);
        assertThat(ObisField.of(0, 2, ObisKeys.MBUS_EQUIPMENT_ID)).isEqualTo(ObisField.MBUS_EQUIPMENT_ID);
        assertThat(ObisField.of(0, 2, ObisKeys.MBUS_EQUIPMENT_ID_BE)).isEqualTo(ObisField.MBUS_EQUIPMENT_ID);
        assertThat(ObisField.of(0, 0, ObisKeys.EQUIPMENT_ID_OLD)).isEqualTo(ObisField.EQUIPMENT_ID_OLD);
    }

    @Test
    void mbusReadingsAreAnyCodeOf24_2() {
        assertThat(ObisField.of(0, 1, ObisKeys.key(24, 2, 1))).isEqualTo(ObisField.MBUS_READING);
        assertThat(ObisField.of(0, 4, ObisKeys.key(24, 2, 3))).isEqualTo(ObisField.MBUS_READING);
        assertThat(ObisField.of(0, 1, ObisKeys.key(24, 3, 1))).isEqualTo(ObisField.UNKNOWN);
    }

    @Test
    void perPhaseObjectsCarryTheirPhase() {
        int[][] expected = {
            {21, 7, ObisField.PHASE_POWER_IMPORT, 1}, {41, 7, ObisField.PHASE_POWER_IMPORT, 2}, {61, 7, ObisField.PHASE_POWER_IMPORT, 3},
            {22, 7, ObisField.PHASE_POWER_EXPORT, 1}, {62, 7, ObisField.PHASE_POWER_EXPORT, 3},
            {31, 7, ObisField.PHASE_CURRENT, 1}, {51, 7, ObisField.PHASE_CURRENT, 2}, {71, 7, ObisField.PHASE_CURRENT, 3},
            {32, 7, ObisField.PHASE_VOLTAGE, 1}, {72, 7, ObisField.PHASE_VOLTAGE, 3},
            {32, 32, ObisField.PHASE_SAGS, 1}, {52, 32, ObisField.PHASE_SAGS, 2}, {72, 36, ObisField.PHASE_SWELLS, 3}};
        for (int[] row : expected) {
            int field = ObisField.of(1, 0, ObisKeys.key(row[0], row[1], 0));
            assertThat(ObisField.kind(field)).as("1-0:%d.%d.0", row[0], row[1]).isEqualTo(row[2]);
            assertThat(ObisField.phase(field)).as("1-0:%d.%d.0", row[0], row[1]).isEqualTo(row[3]);
        }
        for (int[] unknown : new int[][] {{23, 7}, {31, 32}, {81, 7}, {20, 7}, {32, 33}, {21, 8}}) {
            assertThat(ObisField.of(1, 0, ObisKeys.key(unknown[0], unknown[1], 0))).as("1-0:%d.%d.0", unknown[0], unknown[1])
                    .isEqualTo(ObisField.UNKNOWN);
        }
    }
}
