package org.p1iota.app.tools.mam;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.CreatedMessage;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mam create}: MAM v0 payloads for the message trytes on stdin, one message per line, from a
 * channel state given on the command line (nothing is stored: this is for integrators checking their
 * own MAM code against ours). Prints {@code {"root","address","nextRoot","payload"}} per message.
 */
@Command(name = "create", description = {"create MAM v0 payloads for message trytes read from stdin", "",
                "Reads message trytes from stdin, one message per line (blank lines are skipped), and prints one",
                "JSON object per message: {\"root\",\"address\",\"nextRoot\",\"payload\"}, advancing the channel in between."},
        footer = {"count must be a power of two and equal to next-count; a message may have at most 88,573 trytes.",
                "The seed is not stored."})
public final class MamCreateCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--seed", paramLabel = "SEED", required = true, description = "the channel's seed (81 trytes)")
    String seed;

    @Option(names = "--mode", paramLabel = "public|private|restricted", required = true, description = "the channel's mode")
    String mode;

    @Option(names = "--side-key", paramLabel = "KEY", description = "the side key of a restricted channel")
    String sideKey;

    @Option(names = "--security", paramLabel = "1|2|3", description = "signature security level (default ${DEFAULT-VALUE})")
    int security = 2;

    @Option(names = "--start", paramLabel = "N", description = "the channel's start (default ${DEFAULT-VALUE})")
    long start = 0;

    @Option(names = "--index", paramLabel = "N", description = "index of the first message in its tree (default ${DEFAULT-VALUE})")
    int index = 0;

    @Option(names = "--count", paramLabel = "N", description = "messages per tree, a power of two (default ${DEFAULT-VALUE})")
    int count = 1;

    @Option(names = "--next-count", paramLabel = "N", description = "messages in the next tree (default: --count)")
    Integer nextCount;

    @Override
    protected int run(Console console) throws Exception {
        MamChannel channel = new MamChannel(state());
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

    private ChannelState state() {
        try {
            return ChannelState.of(seed, MamMode.parse(mode), sideKey, security, start, index, count,
                    nextCount == null ? count : nextCount);
        } catch (MamException e) {
            throw usageError(e.getMessage());
        }
    }
}
