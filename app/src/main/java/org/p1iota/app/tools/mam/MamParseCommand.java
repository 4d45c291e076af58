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
import org.p1iota.camel.iota.mam.MamException;
import org.p1iota.camel.iota.mam.MamMessage;
import org.p1iota.camel.iota.mam.MamParser;
import org.p1iota.camel.iota.mam.MamTrytes;

/**
 * {@code mam parse}: verifies MAM v0 payloads read from stdin, one per line, and prints
 * {@code {"message","nextRoot"}} for each. Successive lines may follow the channel: a payload that is
 * not signed under the current root is tried under the previous message's nextRoot.
 */
public final class MamParseCommand implements Command, OptionSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "mam parse";
    }

    @Override
    public String summary() {
        return "verify MAM v0 payloads read from stdin and print their messages";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: ./p1-iota mam parse --root ROOT [--side-key KEY]",
                "Reads payload trytes from stdin, one payload per line (blank lines are skipped), and prints",
                "{\"message\",\"nextRoot\"} for each. The first payload must be signed under ROOT; a later one under the",
                "same root (a tree with count > 1) or under the previous message's nextRoot (the channel moved on).",
                "An invalid payload stops with exit code 1 and one line on stderr.");
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("root", "side-key");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        String root = args.require("root").strip();
        String sideKey = args.get("side-key");
        try {
            MamTrytes.requireHash("--root", root);
            MamTrytes.padSideKey(sideKey);
        } catch (MamException e) {
            throw new UsageException(e.getMessage());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.US_ASCII));
        String nextRoot = null;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String payload = line.strip();
            if (payload.isEmpty()) {
                continue;
            }
            MamMessage message;
            try {
                message = MamParser.parse(payload, root, sideKey);
            } catch (MamException underRoot) {
                if (nextRoot == null || underRoot.reason() == MamException.Reason.INVALID_TRYTES) {
                    return fail(console, lineNumber, underRoot);
                }
                try {
                    message = MamParser.parse(payload, nextRoot, sideKey);
                    root = nextRoot;
                } catch (MamException underNextRoot) {
                    return fail(console, lineNumber, underNextRoot);
                }
            }
            nextRoot = message.nextRoot();
            ObjectNode out = JSON.createObjectNode();
            out.put("message", message.message());
            out.put("nextRoot", message.nextRoot());
            console.out().println(JSON.writeValueAsString(out));
        }
        console.out().flush();
        return 0;
    }

    private static int fail(Console console, int lineNumber, MamException e) {
        console.out().flush();
        console.err().println("p1-iota mam parse: line " + lineNumber + ": invalid payload ("
                + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
        return 1;
    }
}
