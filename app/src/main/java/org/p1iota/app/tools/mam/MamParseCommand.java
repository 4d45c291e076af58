package org.p1iota.app.tools.mam;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.mam.MamTrytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mam parse}: verifies MAM v0 payloads read from stdin, one per line, and prints
 * {@code {"message","nextRoot"}} for each. Successive lines may follow the channel: a payload that is
 * not signed under the current root is tried under the previous message's nextRoot.
 */
@Command(name = "parse", description = {"verify MAM v0 payloads read from stdin and print their messages", "",
                "Reads payload trytes from stdin, one payload per line (blank lines are skipped), and prints",
                "{\"message\",\"nextRoot\"} for each. The first payload must be signed under ROOT; a later one under the",
                "same root (a tree with count > 1) or under the previous message's nextRoot (the channel moved on)."},
        footer = "Exit status: 0 every payload verified, 1 an invalid payload (one line on stderr) or no payload at all, 2 usage error.")
public final class MamParseCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--root", paramLabel = "ROOT", required = true, description = "the channel root the first payload is signed under (81 trytes)")
    String root;

    @Option(names = "--side-key", paramLabel = "KEY", description = "the side key of a restricted channel")
    String sideKey;

    @Override
    protected int run(Console console) throws Exception {
        String root = this.root.strip();
        try {
            MamTrytes.requireHash("--root", root);
            MamTrytes.padSideKey(sideKey);
        } catch (MamException e) {
            throw usageError(e.getMessage());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.US_ASCII));
        String nextRoot = null;
        int lineNumber = 0;
        int payloads = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String payload = line.strip();
            if (payload.isEmpty()) {
                continue;
            }
            payloads++;
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
        if (payloads == 0) {
            console.err().println("p1-iota mam parse: no payload on standard input; give one payload's trytes per line,"
                    + " e.g. the \"payload\" of mam create or a bundle's signature fragments");
            return 1;
        }
        return 0;
    }

    private static int fail(Console console, int lineNumber, MamException e) {
        console.out().flush();
        console.err().println("p1-iota mam parse: line " + lineNumber + ": invalid payload ("
                + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
        return 1;
    }
}
