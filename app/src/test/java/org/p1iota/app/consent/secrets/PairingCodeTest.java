package org.p1iota.app.consent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PairingCodeTest {

    @Test
    void hasAtLeast80BitsInFiveGroupsOfFour() {
        assertThat(PairingCode.ENTROPY_BITS).isGreaterThanOrEqualTo(80);
        PairingCode code = PairingCode.generate(new SecureRandom());
        assertThat(code.formatted()).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void freshCodesDiffer() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(PairingCode.generate(random).formatted());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void normalisesWhatPeopleType() throws Exception {
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E810");
        assertThat(PairingCode.parse("7k3m q9xd 2hza w4pn e8lo")).isEqualTo(code);
        assertThat(PairingCode.parse(" 7K3MQ9XD2HZAW4PNE8IO ")).isEqualTo(code);
        assertThat(PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E811")).isNotEqualTo(code);
        assertThat(PairingCode.parse(code.formatted())).isEqualTo(code);
    }

    @Test
    void refusesWhatIsNoCodeWithoutEchoingIt() {
        assertThatThrownBy(() -> PairingCode.parse("7K3M-Q9XD-2HZA-W4PN")).isInstanceOf(InvalidPairingCodeException.class)
                .hasMessageContaining("20");
        assertThatThrownBy(() -> PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RTX")).isInstanceOf(InvalidPairingCodeException.class);
        assertThatThrownBy(() -> PairingCode.parse("UUUU-Q9XD-2HZA-W4PN-E8RT")).hasMessageContaining("without U");
        assertThatThrownBy(() -> PairingCode.parse(null)).isInstanceOf(InvalidPairingCodeException.class);
    }

    @Test
    void toStringHidesTheCode() throws Exception {
        PairingCode code = PairingCode.parse("7K3M-Q9XD-2HZA-W4PN-E8RT");
        assertThat(code.toString()).doesNotContain("7K3M").contains("hidden");
    }
}
