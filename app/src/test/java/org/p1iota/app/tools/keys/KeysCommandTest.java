package org.p1iota.app.tools.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.Launcher;
import org.p1iota.app.cli.Console;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

class KeysCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void isInstalledAsATool() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("keys").contains("pairing code");
    }

    @Test
    void deviceShowsItsAddressAndPairingCodeAndKeepsThem() throws Exception {
        Path data = temp.resolve("device");
        assertThat(run("keys", "--data", data.toString())).isZero();
        String first = out.toString();
        Seed seed = SecretStore.open(data, new SecureRandom()).seed();
        assertThat(first).contains("inbox address:   " + InboxAddress.of(seed))
                .containsPattern("pairing code: +([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}")
                .contains("created:").doesNotContain(seed.trytes());

        out.reset();
        assertThat(run("keys", "--role", "device", "--data", data.toString())).isZero();
        assertThat(out.toString()).isEqualTo(first.substring(0, first.indexOf("created:")));
    }

    @Test
    void deviceShowsItsDataChannelsFirstRootForMamFetch() throws Exception {
        Path data = temp.resolve("device");
        assertThat(run("keys", "--role", "device", "--data", data.toString())).isZero();
        Seed seed = SecretStore.open(data, new SecureRandom()).seed();
        // the root the device role computes (DeviceRole: restricted, its first side key, the default security, 1)
        String root = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.RESTRICTED, "ANYSIDEKEY", 1)).root();
        assertThat(out.toString()).contains("data root:       " + root)
                .contains("side key:        not yet: the device creates it on its first start");

        Files.writeString(data.resolve("device-state.json"), "{\"sideKey\":\"KEY\",\"nextRoot\":\"" + root + "\"}");
        out.reset();
        assertThat(run("keys", "--role", "device", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("data root:       " + root)
                .contains("side key:        in " + data.resolve("device-state.json")).doesNotContain("KEY\"");
    }

    @Test
    void providerShowsItsPublicKeyFingerprint() throws Exception {
        Path data = temp.resolve("provider");
        assertThat(run("keys", "--role", "provider", "--data", data.toString(), "--index", "3")).isZero();
        Seed seed = SecretStore.open(data, new SecureRandom()).seed();
        String fingerprint = EnvelopeKeys.derive(KeysCommand.PROVIDER_SCHEME, seed.trytes(), 3).publicKey().fingerprint();
        String token = Files.readString(data.resolve(SecretStore.API_TOKEN)).strip();
        assertThat(out.toString()).contains("fingerprint:     " + fingerprint)
                .contains("request inbox 3: " + InboxAddress.at(seed, 3))
                .doesNotContain(token).doesNotContain(seed.trytes());
    }

    @Test
    void myHomeNamesItsTokenFileButNotTheToken() throws Exception {
        Path base = temp.resolve("base");
        KeysCommand command = new KeysCommand(Map.of("P1IOTA_DATA", base.toString()));
        int code = new Launcher(List.of(command)).run(List.of("keys", "--role", "myhome"), console());
        assertThat(code).isZero();
        String token = Files.readString(base.resolve("myhome").resolve(SecretStore.API_TOKEN)).strip();
        assertThat(out.toString()).contains(base.resolve("myhome").toString()).doesNotContain(token);
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run("keys", "--role", "meter", "--data", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--role must be device, myhome or provider");
        assertThat(run("keys", "--index", "2", "--data", temp.toString())).isEqualTo(2);
    }

    private int run(String... words) {
        return Launcher.withInstalledCommands().run(List.of(words), console());
    }

    private Console console() {
        return new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
