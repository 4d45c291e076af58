package org.p1iota.app.tools.mam;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.mam.MamTrytes;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;
import org.p1iota.iota.tangle.TryteCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mam fetch}: reads a channel from a node, root after root, and prints each message; with
 * {@code --follow} it keeps waiting for new ones until interrupted. When the first root's address holds
 * bundles but none opens (a wrong side key or mode), it says so and exits 1 instead of printing nothing.
 */
@Command(name = "fetch", description = {"read a MAM v0 channel from a node and print its messages", "",
                "Prints one JSON object per message: {\"root\",\"nextRoot\",\"message\"} with the message trytes, and \"text\"",
                "when they decode to printable ASCII. Stops at the first root without a message, or with --follow",
                "polls every --interval seconds until interrupted."},
        footer = {"Exit status: 0 done, 1 the node cannot be reached or nothing at the first root opens with this",
                "--side-key/--mode, 2 usage error."})
public final class MamFetchCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--node", paramLabel = "URL", required = true, description = "the IOTA node's HTTP API")
    String nodeUrl;

    @Option(names = "--root", paramLabel = "ROOT", required = true, description = "the root to start at (81 trytes)")
    String root;

    @Option(names = "--mode", paramLabel = "public|private|restricted", required = true, description = "the channel's mode")
    String mode;

    @Option(names = "--side-key", paramLabel = "KEY", description = "the side key of a restricted channel")
    String sideKey;

    @Option(names = "--follow", description = "keep polling for new messages until interrupted")
    boolean follow;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "seconds between polls with --follow (default ${DEFAULT-VALUE})")
    int intervalSeconds = 5;

    @Override
    protected int run(Console console) throws Exception {
        String root = this.root.strip();
        MamMode mode;
        try {
            MamTrytes.requireHash("--root", root);
            mode = MamMode.parse(this.mode);
            MamTrytes.padSideKey(sideKey);
        } catch (MamException e) {
            throw usageError(e.getMessage());
        }
        if (intervalSeconds < 1) {
            throw usageError("--interval must be at least 1");
        }
        IotaNodeConfiguration node = new IotaNodeConfiguration();
        node.setNodeUrl(nodeUrl);
        TangleClient client;
        try {
            client = new TangleClient(node, null, new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5)), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        boolean first = true;
        while (true) {
            Read read = readAt(client, root, mode, sideKey);
            if (read.message().isPresent()) {
                print(console, root, read.message().get());
                root = read.message().get().nextRoot();
                first = false;
            } else if (first && read.bundles() > 0) {
                console.err().println("p1-iota mam fetch: " + read.bundles() + (read.bundles() == 1 ? " bundle" : " bundles")
                        + " at the first root's " + mode.name().toLowerCase(java.util.Locale.ROOT) + " address, but none opens "
                        + (sideKey == null ? "without a side key" : "with this --side-key")
                        + ": check --side-key and --mode (a device's data channel is restricted; ./p1-iota keys --role device shows its root)");
                return 1;
            } else if (follow) {
                Thread.sleep(Duration.ofSeconds(intervalSeconds).toMillis());
            } else {
                return 0;
            }
        }
    }

    /** The first bundle at the root's address that opens, and how many bundles were there. */
    private record Read(Optional<MamMessage> message, int bundles) {
    }

    private static Read readAt(TangleClient client, String root, MamMode mode, String sideKey) throws Exception {
        List<TangleMessage> bundles = client.read(MamAddresses.address(root, mode)).messages();
        for (TangleMessage bundle : bundles) {
            try {
                return new Read(Optional.of(MamParser.parse(bundle.trytes(), root, sideKey)), bundles.size());
            } catch (MamException e) {
                // junk or another key's message at this address: not ours to print
            }
        }
        return new Read(Optional.empty(), bundles.size());
    }

    private static void print(Console console, String root, MamMessage message) throws Exception {
        ObjectNode out = JSON.createObjectNode();
        out.put("root", root);
        out.put("nextRoot", message.nextRoot());
        out.put("message", message.message());
        printableText(message.message()).ifPresent(text -> out.put("text", text));
        console.out().println(JSON.writeValueAsString(out));
        console.out().flush();
    }

    static Optional<String> printableText(String trytes) {
        byte[] bytes;
        try {
            bytes = TryteCodec.decode(trytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (byte b : bytes) {
            if ((b < 0x20 || b > 0x7E) && b != '\n' && b != '\r' && b != '\t') {
                return Optional.empty();
            }
        }
        return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
