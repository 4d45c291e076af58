package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p1iota.app.role.RoleSettings;

class RetentionSettingsTest {

    @Test
    void defaultsToThirtyDaysCheckedHourly() throws Exception {
        RetentionSettings settings = RetentionSettings.of(RoleSettings.load(NodeRole.NAME, Map.of()));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.prunes()).isTrue();
    }

    @Test
    void readsUnitsAndRefusesNonsenseWithTheExpectedForm() throws Exception {
        RetentionSettings settings = RetentionSettings.of(RoleSettings.load(NodeRole.NAME,
                Map.of("node.retention", "12h", "node.retention-check-interval", "90", "node.retention-compact-time", "2s")));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.compactMillis()).isEqualTo(2_000);
        assertThat(RetentionSettings.of(RoleSettings.load(NodeRole.NAME, Map.of("node.retention", "0"))).prunes()).isFalse();
        assertThatThrownBy(() -> RetentionSettings.of(RoleSettings.load(NodeRole.NAME, Map.of("node.retention", "a month"))))
                .hasMessageContaining("node.retention needs a duration such as 30d");
    }
}
