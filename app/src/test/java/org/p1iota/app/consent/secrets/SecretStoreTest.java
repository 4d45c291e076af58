package org.p1iota.app.consent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.secrets.PairingCode;

class SecretStoreTest {

    @TempDir
    Path temp;

    private final SecureRandom random = new SecureRandom();

    @Test
    void firstStartCreatesOwnerOnlyFilesLaterStartsReadThem() throws Exception {
        Path data = temp.resolve("device");
        SecretStore first = SecretStore.open(data, random);
        Seed seed = first.seed();
        PairingCode code = first.pairingCode();
        BearerToken token = first.apiToken();
        assertThat(first.created()).containsExactly(SecretStore.SEED, SecretStore.PAIRING_CODE, SecretStore.API_TOKEN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String name : new String[] {SecretStore.SEED, SecretStore.PAIRING_CODE, SecretStore.API_TOKEN}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder(SecretStore.SEED, SecretStore.PAIRING_CODE, SecretStore.API_TOKEN);
        }
        assertThat(Files.readString(data.resolve(SecretStore.SEED)).strip()).matches("[9A-Z]{81}");

        SecretStore second = SecretStore.open(data, random);
        assertThat(second.seed()).isEqualTo(seed);
        assertThat(second.pairingCode()).isEqualTo(code);
        assertThat(second.apiToken().value()).isEqualTo(token.value());
        assertThat(second.created()).isEmpty();
    }

    @Test
    void secretsNeverShowInToString() throws Exception {
        SecretStore store = SecretStore.open(temp, random);
        Seed seed = store.seed();
        BearerToken token = store.apiToken();
        assertThat(seed.toString()).doesNotContain(seed.trytes());
        assertThat(token.toString()).doesNotContain(token.value());
        assertThat(store.pairingCode().toString()).doesNotContain(store.pairingCode().formatted());
        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(token.value().substring(1))).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void refusesSecretsOthersCanRead() throws Exception {
        SecretStore store = SecretStore.open(temp, random);
        store.seed();
        Files.setPosixFilePermissions(temp.resolve(SecretStore.SEED), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretStore.open(temp, random).seed()).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aDamagedFileIsAClearErrorAndIsNotReplaced() throws Exception {
        Path seedFile = temp.resolve(SecretStore.SEED);
        Files.writeString(seedFile, "NOT A SEED\n");
        Files.setPosixFilePermissions(seedFile, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> SecretStore.open(temp, random).seed()).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("damaged").hasMessageContaining("backup");
        assertThat(Files.readString(seedFile)).isEqualTo("NOT A SEED\n");
    }

    @Test
    void twoProcessesStartingAtOnceAgreeOnOneSeed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<Future<Seed>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> SecretStore.open(temp.resolve("race"), new SecureRandom()).seed()));
            }
            Seed first = futures.get(0).get();
            for (Future<Seed> future : futures) {
                assertThat(future.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inboxAddressIsIndexZeroSecurityTwo() {
        // the published jota / iota.lib test vector
        Seed seed = Seed.of("IHDEENZYITYVYSPKAURUZAQKGVJEREFDJMYTANNXXGPZ9GJWTEOJJ9IPMXOGZNQLSNMFDSQOTZAEETUEA");
        assertThat(InboxAddress.of(seed))
                .isEqualTo("LXQHWNY9CQOHPNMKFJFIJHGEPAENAOVFRDIBF99PPHDTWJDCGHLYETXT9NPUVSNKT9XDTDYNJKJCPQMZC");
    }

    @Test
    void dataDirectoryComesFromOptionEnvironmentOrDefault() {
        assertThat(DataDirectory.resolve("device", "/srv/p1", Map.of("P1IOTA_DATA", "/x"))).isEqualTo(Path.of("/srv/p1"));
        assertThat(DataDirectory.resolve("myhome", null, Map.of("P1IOTA_DATA", "/var/lib/p1-iota")))
                .isEqualTo(Path.of("/var/lib/p1-iota/myhome"));
        assertThat(DataDirectory.resolve("provider", null, Map.of()))
                .isEqualTo(Path.of("p1-iota-data/provider").toAbsolutePath());
    }
}
