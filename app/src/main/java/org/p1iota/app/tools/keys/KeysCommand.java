package org.p1iota.app.tools.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.consent.secrets.DataDirectory;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.app.device.DeviceRole;
import org.p1iota.iota.envelope.EnvelopeScheme;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code p1-iota keys}: shows a role's public identity (inbox address; the device's pairing code and
 * data channel root; the provider's public-key fingerprint), creating the role's secrets on first use.
 * Seeds, tokens and side keys are never printed, only the files that hold them.
 */
@Command(name = "keys", description = {"show a role's addresses, pairing code or public key (creates its secrets on first use)", "",
                "Prints the role's inbox address (index 0 of its seed) and:",
                "  device    the pairing code printed on the device, and its data channel's first root (for mam fetch)",
                "  myhome    where the API token is kept (Authorization: Bearer <token>)",
                "  provider  the public-key fingerprint of key pair N (default 0, ML-KEM-768) and the",
                "            inbox address N, as used for consent request N; where the API token is kept",
                "On first use the seed (and pairing code or token) are created, files mode 0600."})
public final class KeysCommand extends CliCommand {

    /** The provider's envelope keys: ML-KEM-768, derived from its seed at the consent request's index. */
    static final EnvelopeScheme PROVIDER_SCHEME = EnvelopeScheme.ML_KEM_768;
    /** Where the device role keeps its channel state (DeviceSettings.stateFile()). */
    static final String DEVICE_STATE_FILE = "device-state.json";

    private final Map<String, String> environment;

    @Option(names = "--role", paramLabel = "R", description = "device (default), myhome or provider")
    String role = "device";

    @Option(names = "--data", paramLabel = "DIR", description = {"the role's data directory; default $P1IOTA_DATA/<role>, or",
            "./p1-iota-data/<role> when P1IOTA_DATA is not set"})
    String data;

    @Option(names = "--index", paramLabel = "N", description = "provider only: the consent request's key index (default 0)")
    Integer index;

    public KeysCommand() {
        this(System.getenv());
    }

    KeysCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    protected int run(Console console) throws Exception {
        if (!Set.of("device", "myhome", "provider").contains(role)) {
            throw usageError("--role must be device, myhome or provider, not '" + role + "'");
        }
        if (index != null && (index < 0 || !role.equals("provider"))) {
            throw usageError("--index takes a number from 0 and is for --role provider only");
        }
        Path directory = DataDirectory.resolve(role, data, environment);
        SecretStore store = SecretStore.open(directory, new SecureRandom());
        Seed seed = store.seed();

        line(console, "role", role);
        line(console, "data directory", directory.toString());
        line(console, "inbox address", InboxAddress.of(seed));
        switch (role) {
            case "device" -> device(console, store, seed, directory);
            case "myhome" -> apiToken(console, store);
            default -> provider(console, store, seed, index == null ? 0 : index);
        }
        if (!store.created().isEmpty()) {
            line(console, "created", String.join(", ", store.created()) + " (mode 0600; back them up, keep them secret)");
        }
        return 0;
    }

    /**
     * The pairing code and the data channel's first root: the root depends on the seed only (the side key
     * only encrypts), so it is known before the device first runs. The side key stays in the state file.
     */
    private static void device(Console console, SecretStore store, Seed seed, Path directory) throws Exception {
        line(console, "pairing code", store.pairingCode().formatted());
        // the same tree as DeviceRole's restricted channel: the mode and key do not enter the root; the
        // security level does (device.channel.security: this is the default's root)
        String firstRoot = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.PRIVATE, null,
                DeviceRole.SECURITY)).root();
        line(console, "data root", firstRoot + " (first root of the restricted data channel)");
        Path state = directory.resolve(DEVICE_STATE_FILE);
        line(console, "side key", Files.exists(state)
                ? "in " + state + " (\"sideKey\"; mam fetch --mode restricted --side-key KEY)"
                : "not yet: the device creates it on its first start, in " + state);
    }

    private static void provider(Console console, SecretStore store, Seed seed, int index) throws Exception {
        EnvelopeKeyPair keys = EnvelopeKeys.derive(PROVIDER_SCHEME, seed.trytes(), index);
        if (index != 0) {
            line(console, "request inbox " + index, InboxAddress.at(seed, index));
        }
        line(console, "public key", PROVIDER_SCHEME.displayName() + ", index " + index);
        line(console, "fingerprint", keys.publicKey().fingerprint());
        apiToken(console, store);
    }

    private static void apiToken(Console console, SecretStore store) throws Exception {
        store.apiToken();
        line(console, "api token", "in " + store.file(SecretStore.API_TOKEN) + " (Authorization: Bearer <token>)");
    }

    private static void line(Console console, String label, String value) {
        console.out().printf("%-16s %s%n", label + ":", value);
    }
}
