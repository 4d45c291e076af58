package org.p1iota.app.consent.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.p1iota.app.consent.TestClock;

class ChallengeBookTest {

    static final String MY_HOME = "MYHOME" + "9".repeat(75);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final ChallengeBook book = new ChallengeBook(new SecureRandom(), clock, Duration.ofMinutes(5), 3);

    @Test
    void issuesFreshChallengesThatEndInNine() {
        PairingChallenge a = book.issue("claim-000a", MY_HOME);
        PairingChallenge b = book.issue("claim-000b", MY_HOME);
        assertThat(a.challenge()).matches("[9A-Z]{80}9").isNotEqualTo(b.challenge());
        assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aChallengeIsConsumedOnce() {
        PairingChallenge issued = book.issue("claim-000a", MY_HOME);
        assertThat(book.consume("claim-000a")).isEqualTo(new ChallengeBook.Consumed.Valid(issued));
        assertThat(book.consume("claim-000a")).isInstanceOf(ChallengeBook.Consumed.Unknown.class);
    }

    @Test
    void aLateAnswerFindsItsChallengeExpired() {
        PairingChallenge issued = book.issue("claim-000a", MY_HOME);
        clock.advance(Duration.ofMinutes(5));
        assertThat(book.consume("claim-000a")).isEqualTo(new ChallengeBook.Consumed.Expired(issued));
    }

    @Test
    void longExpiredChallengesAreForgotten() {
        book.issue("claim-000a", MY_HOME);
        clock.advance(Duration.ofMinutes(11));
        book.issue("claim-000b", MY_HOME);
        assertThat(book.openChallenges()).isEqualTo(1);
        assertThat(book.consume("claim-000a")).isInstanceOf(ChallengeBook.Consumed.Unknown.class);
    }

    @Test
    void aFloodOfClaimsDropsTheOldestAndStaysBounded() {
        for (int i = 0; i < 100; i++) {
            book.issue("claim-%04d".formatted(i), MY_HOME);
        }
        assertThat(book.openChallenges()).isEqualTo(3);
        assertThat(book.consume("claim-0000")).isInstanceOf(ChallengeBook.Consumed.Unknown.class);
        assertThat(book.consume("claim-0099")).isInstanceOf(ChallengeBook.Consumed.Valid.class);
    }
}
