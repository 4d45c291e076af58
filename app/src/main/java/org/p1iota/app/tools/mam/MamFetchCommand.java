package org.p1iota.app.tools.mam;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.camel.iota.mam.MamAddresses;
import org.p1iota.camel.iota.mam.MamException;
import org.p1iota.camel.iota.mam.MamMessage;
import org.p1iota.camel.iota.mam.MamMode;
import org.p1iota.camel.iota.mam.MamParser;
import org.p1iota.camel.iota.mam.MamTrytes;
import org.p1iota.camel.iota.tangle.RetryPolicy;
import org.p1iota.camel.iota.tangle.TangleClient;
import org.p1iota.camel.iota.tangle.TangleMessage;
import org.p1iota.camel.iota.tangle.TryteCodec;

/**
 * {@code mam fetch}: reads a channel from a node, root after root, and prints each message; with
 * {@code --follow} it keeps waiting for new ones until interrupted.
 */
public final class MamFetchCommand implements Command, OptionSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "mam fetch";
    }

    @Override
    public String summary() {
        return "read a MAM v0 channel from a node and print its messages";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: ./p1-iota mam fetch --node URL --root ROOT --mode public|private|restricted [--side-key KEY]",
                "                           [--follow] [--interval SECONDS]",
                "Prints one JSON object per message: {\"root\",\"nextRoot\",\"message\"} with the message trytes, and \"text\"",
                "when they decode to printable ASCII. Stops at the first root without a message, or with --follow",
                "polls every --interval seconds (default 5) until interrupted. Exit 1 when the node cannot be reached.");
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("node", "root", "mode", "side-key", "interval");
    }

    @Override
    public Set<String> switchOptions() {
        return Set.of("follow");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        String root = args.require("root").strip();
        MamMode mode;
        try {
            MamTrytes.requireHash("--root", root);
            mode = MamMode.parse(args.require("mode"));
            MamTrytes.padSideKey(args.get("side-key"));
        } catch (MamException e) {
            throw new UsageException(e.getMessage());
        }
        Duration interval = Duration.ofSeconds(args.getInt("interval", 5));
        IotaNodeConfiguration node = new IotaNodeConfiguration();
        node.setNodeUrl(args.require("node"));
        TangleClient client;
        try {
            client = new TangleClient(node, null, new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5)), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        while (true) {
            Optional<MamMessage> message = readAt(client, root, mode, args.get("side-key"));
            if (message.isPresent()) {
                print(console, root, message.get());
                root = message.get().nextRoot();
            } else if (args.has("follow")) {
                Thread.sleep(interval.toMillis());
            } else {
                return 0;
            }
        }
    }

    private static Optional<MamMessage> readAt(TangleClient client, String root, MamMode mode, String sideKey) throws Exception {
        for (TangleMessage bundle : client.read(MamAddresses.address(root, mode)).messages()) {
            try {
                return Optional.of(MamParser.parse(bundle.trytes(), root, sideKey));
            } catch (MamException e) {
                // junk or another key's message at this address: not ours to print
            }
        }
        return Optional.empty();
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
