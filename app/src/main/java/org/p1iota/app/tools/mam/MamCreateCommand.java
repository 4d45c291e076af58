package org.p1iota.app.tools.mam;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.camel.iota.mam.ChannelState;
import org.p1iota.camel.iota.mam.CreatedMessage;
import org.p1iota.camel.iota.mam.MamChannel;
import org.p1iota.camel.iota.mam.MamException;
import org.p1iota.camel.iota.mam.MamMode;

/**
 * {@code mam create}: MAM v0 payloads for the message trytes on stdin, one message per line, from a
 * channel state given on the command line (nothing is stored: this is for integrators checking their
 * own MAM code against ours). Prints {@code {"root","address","nextRoot","payload"}} per message.
 */
public final class MamCreateCommand implements Command, OptionSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "mam create";
    }

    @Override
    public String summary() {
        return "create MAM v0 payloads for message trytes read from stdin";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: ./p1-iota mam create --seed SEED --mode public|private|restricted [--side-key KEY]",
                "                            [--security 1|2|3] [--start N] [--index N] [--count N] [--next-count N]",
                "Reads message trytes from stdin, one message per line (blank lines are skipped), and prints one",
                "JSON object per message: {\"root\",\"address\",\"nextRoot\",\"payload\"}, advancing the channel in between.",
                "Defaults: security 2, start 0, index 0, count 1, next-count = count. count must be a power of two",
                "and equal to next-count; a message may have at most 88,573 trytes. The seed is not stored.");
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("seed", "mode", "side-key", "security", "start", "index", "count", "next-count");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        MamChannel channel = new MamChannel(state(args));
        BufferedReader in = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.US_ASCII));
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String message = line.strip();
            if (message.isEmpty()) {
                continue;
            }
            CreatedMessage created;
            try {
                created = channel.create(message);
            } catch (MamException e) {
                console.err().println("p1-iota mam create: line " + lineNumber + ": " + e.getMessage());
                return 1;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("root", created.root());
            out.put("address", created.address());
            out.put("nextRoot", created.nextRoot());
            out.put("payload", created.payload());
            console.out().println(JSON.writeValueAsString(out));
            channel.advance();
        }
        console.out().flush();
        return 0;
    }

    private static ChannelState state(Arguments args) throws UsageException {
        int count = args.getInt("count", 1);
        try {
            return ChannelState.of(args.require("seed"), MamMode.parse(args.require("mode")), args.get("side-key"),
                    args.getInt("security", 2), longOption(args, "start"), args.getInt("index", 0), count,
                    args.getInt("next-count", count));
        } catch (MamException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long longOption(Arguments args, String name) throws UsageException {
        String value = args.get(name, "0");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, not '" + value + "'");
        }
    }
}
