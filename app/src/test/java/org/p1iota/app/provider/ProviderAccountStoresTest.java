package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p1iota.app.provider.accounts.AccountStore;
import org.p1iota.app.provider.accounts.PasswordHashing;
import org.p1iota.app.provider.costs.TariffStore;
import org.p1iota.app.tariff.Tariff;

/**
 * Wattt's customer accounts (Argon2id, V4) and tariffs (V6) with the same assertions on the embedded
 * H2 file and on a real PostgreSQL server: sign up, log in, an address taken (also by two sign-ups at
 * once), meters named and adopted in the order connected, a tariff saved and replaced (the upsert),
 * and the use per Europe/Amsterdam day its costs are computed from.
 */
class ProviderAccountStoresTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    private static AccountStore accounts(ProviderDatabase database) {
        SecureRandom random = new SecureRandom();
        return new AccountStore(database, new PasswordHashing(random), random, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void anAccountIsMadeOnceAndLogsInWithItsPassword(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            AccountStore accounts = accounts(fresh.database);
            String ann = accounts.signUp(" Ann@Example.org", PASSWORD).orElseThrow();
            assertThat(accounts.signUp("ann@example.org", "another password")).as("the address is taken").isEmpty();
            assertThat(accounts.signUp("bob@example.org", PASSWORD)).get().isNotEqualTo(ann);
            assertThat(accounts.logIn("ANN@example.org", PASSWORD)).contains(ann);
            assertThat(accounts.logIn("ann@example.org", "another password")).isEmpty();
            assertThat(accounts.logIn("carol@example.org", PASSWORD)).isEmpty();
            assertThat(accounts.email(ann)).contains("ann@example.org");
            assertThat(accounts.email("acc_unknown")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void twoSignUpsOfOneAddressAtOnceMakeOneAccount(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data); ProviderDatabase second = fresh.another()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 3; round++) {
                    String address = "dave" + round + "@example.org";
                    List<Callable<Optional<String>>> signUps = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        AccountStore instance = accounts(i % 2 == 0 ? fresh.database : second);
                        signUps.add(() -> instance.signUp(address, PASSWORD));
                    }
                    int made = 0;
                    for (Future<Optional<String>> answer : pool.invokeAll(signUps)) {
                        made += answer.get().isPresent() ? 1 : 0; // a taken address is an answer, never an error
                    }
                    assertThat(made).as(address).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void metersAreNamedAdoptedAndListedInTheOrderConnected(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            AccountStore accounts = accounts(fresh.database);
            String ann = accounts.signUp("ann@example.org", PASSWORD).orElseThrow();
            String bob = accounts.signUp("bob@example.org", PASSWORD).orElseThrow();
            HouseholdStore households = new HouseholdStore(fresh.database);
            int index = 1;
            for (String id : List.of("req_c", "req_a", "req_b")) { // connected in this order, not the ids'
                households.insert(new Household(id, index++, "A".repeat(81), "goal", NOW, HouseholdState.WAITING_FOR_KEYS,
                        null, null, null));
            }
            accounts.named("req_c", ann, "Home");
            accounts.named("req_a", null, "Shed"); // connected before logging in
            accounts.named("req_b", ann, null);
            accounts.adopt("req_a", ann); // logged in after connecting req_b: PostgreSQL moves the row to the end
            accounts.named("req_c", ann, "Home, Amsterdam"); // named again: the same row
            accounts.adopt("req_b", bob); // another account's meter is not taken

            assertThat(accounts.metersOf(ann)).containsExactly(new AccountStore.Meter("req_c", ann, "Home, Amsterdam"),
                    new AccountStore.Meter("req_a", ann, "Shed"), new AccountStore.Meter("req_b", ann, "My meter"));
            assertThat(accounts.metersOf(bob)).isEmpty();
            assertThat(accounts.meter("req_a")).contains(new AccountStore.Meter("req_a", ann, "Shed"));
            assertThat(accounts.meter("req_d")).isEmpty();
        }
    }

    private static StoredReading reading(long sequence, String time, String t1, String t2, String gas) {
        return new StoredReading("req_household1", sequence, Instant.parse(time), new BigDecimal(t1), new BigDecimal(t2),
                BigDecimal.ZERO, BigDecimal.ZERO, 250, 0, new BigDecimal(gas), Instant.parse(time), "/raw " + sequence);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderDatabase.Dialect.class)
    void aTariffIsSavedReplacedAndPricesTheDays(ProviderDatabase.Dialect dialect) throws Exception {
        try (FreshDatabase fresh = FreshDatabase.open(dialect, data)) {
            TariffStore tariffs = new TariffStore(fresh.database, Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(tariffs.of("acc_ann")).isEmpty();
            tariffs.save("acc_ann", new Tariff("fixed", new BigDecimal("0.2712345"), null, null, new BigDecimal("1.35")));
            Tariff fixed = tariffs.of("acc_ann").orElseThrow();
            assertThat(fixed.kind()).isEqualTo("fixed");
            assertThat(fixed.importPerKwh()).as("six decimals kept").isEqualByComparingTo("0.271235");
            assertThat(fixed.gasPerM3()).isEqualByComparingTo("1.35");

            // replaced, not added: the fixed price is gone
            tariffs.save("acc_ann", new Tariff("daynight", null, new BigDecimal("0.22"), new BigDecimal("0.30"), new BigDecimal("1.40")));
            tariffs.save("acc_bob", Tariff.DEFAULT);
            Tariff dayNight = tariffs.of("acc_ann").orElseThrow();
            assertThat(dayNight.kind()).isEqualTo("daynight");
            assertThat(dayNight.importPerKwh()).isNull();
            assertThat(dayNight.t1PerKwh()).isEqualByComparingTo("0.22");
            assertThat(dayNight.t2PerKwh()).isEqualByComparingTo("0.30");
            assertThat(dayNight.gasPerM3()).isEqualByComparingTo("1.40");
            assertThat(tariffs.of("acc_bob").orElseThrow().importPerKwh()).isEqualByComparingTo("0.27");
            long rows = fresh.database.transaction(connection -> {
                try (var query = connection.prepareStatement("SELECT COUNT(*) FROM account_tariff WHERE account_id = 'acc_ann'");
                        var row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(1);

            new ReadingStore(fresh.database).store(List.of(
                    reading(1, "2026-11-23T22:30:00Z", "1000.000", "2000.000", "500.000"), // 23:30 on the 23rd in Amsterdam
                    reading(2, "2026-11-23T23:30:00Z", "1000.000", "2000.000", "500.000"), // 00:30 on the 24th
                    reading(3, "2026-11-24T12:00:00Z", "1001.250", "2000.000", "500.500"),
                    reading(4, "2026-11-24T22:30:00Z", "1002.000", "2003.500", "501.125"), // 23:30 on the 24th
                    reading(5, "2026-11-24T23:30:00Z", "1003.000", "2004.000", "502.000"))); // 00:30 on the 25th
            List<TariffStore.DayUse> days = tariffs.dailyUse("req_household1", Instant.parse("2026-11-23T23:00:00Z"),
                    ZoneId.of("Europe/Amsterdam"));
            assertThat(days).extracting(TariffStore.DayUse::date).containsExactly(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));
            TariffStore.DayUse day = days.get(0);
            assertThat(day.importT1Kwh()).isEqualByComparingTo("2.0");
            assertThat(day.importT2Kwh()).isEqualByComparingTo("3.5");
            assertThat(day.gasM3()).isEqualByComparingTo("1.125");
            assertThat(dayNight.electricityCost(day.importT1Kwh(), day.importT2Kwh())).isEqualByComparingTo("1.49"); // 0.44 + 1.05
            assertThat(dayNight.gasCost(day.gasM3())).isEqualByComparingTo("1.58"); // 1.575
            assertThat(days.get(1).importT1Kwh()).isEqualByComparingTo("0");
        }
    }
}
