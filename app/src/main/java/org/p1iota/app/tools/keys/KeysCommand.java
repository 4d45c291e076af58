package org.p1iota.app.tools.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.app.consent.secrets.DataDirectory;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.camel.iota.envelope.EnvelopeKeyPair;
import org.p1iota.camel.iota.envelope.EnvelopeKeys;
import org.p1iota.camel.iota.envelope.EnvelopeScheme;

/**
 * {@code p1-iota keys}: shows a role's public identity (inbox address; the device's pairing code; the
 * provider's public-key fingerprint), creating the role's secrets on first use. Seeds and tokens are
 * never printed, only the files that hold them.
 */
public final class KeysCommand implements Command, OptionSpec {

    /** The provider's envelope keys: ML-KEM-768, derived from its seed at the consent request's index. */
    static final EnvelopeScheme PROVIDER_SCHEME = EnvelopeScheme.ML_KEM_768;

    private final Map<String, String> environment;

    public KeysCommand() {
        this(System.getenv());
    }

    KeysCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String summary() {
        return "show a role's addresses, pairing code or public key (creates its secrets on first use)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota keys [--role device|myhome|provider] [--data DIR] [--index N]

                Prints the role's inbox address (index 0 of its seed) and:
                  device    the pairing code printed on the device
                  myhome    where the API token is kept (Authorization: Bearer <token>)
                  provider  the public-key fingerprint of key pair N (default 0, ML-KEM-768) and the
                            inbox address N, as used for consent request N; where the API token is kept
                On first use the seed (and pairing code or token) are created, files mode 0600.

                  --role R    device (default), myhome or provider
                  --data DIR  the role's data directory; default $P1IOTA_DATA/<role>, or
                              ./p1-iota-data/<role> when P1IOTA_DATA is not set
                  --index N   provider only: the consent request's key index (default 0)""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("role", "data", "index");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positionals().get(0) + "'");
        }
        String role = args.get("role", "device");
        if (!Set.of("device", "myhome", "provider").contains(role)) {
            throw new UsageException("--role must be device, myhome or provider, not '" + role + "'");
        }
        int index = args.getInt("index", 0);
        if (index < 0 || (args.has("index") && !role.equals("provider"))) {
            throw new UsageException("--index takes a number from 0 and is for --role provider only");
        }
        Path directory = DataDirectory.resolve(role, args.get("data"), environment);
        SecretStore store = SecretStore.open(directory, new SecureRandom());
        Seed seed = store.seed();

        line(console, "role", role);
        line(console, "data directory", directory.toString());
        line(console, "inbox address", InboxAddress.of(seed));
        switch (role) {
            case "device" -> line(console, "pairing code", store.pairingCode().formatted());
            case "myhome" -> apiToken(console, store);
            default -> provider(console, store, seed, index);
        }
        if (!store.created().isEmpty()) {
            line(console, "created", String.join(", ", store.created()) + " (mode 0600; back them up, keep them secret)");
        }
        return 0;
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
