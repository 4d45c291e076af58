package org.p1iota.app.tools.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.camel.p1.crypto.DlmsKeys;
import org.p1iota.camel.p1.crypto.EncryptedTelegramDecoder;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.frame.TelegramFramer;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.StreamDecoder;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

/**
 * {@code p1 parse [--lenient] [--key HEX [--aad HEX]] FILE|-}: reads a capture (any number of
 * telegrams, noise between them), prints one JSON object per telegram on stdout and one line per
 * rejected frame on stderr. Exit 0 when the input was read (whatever it contained), 1 when it could
 * not be read, 2 for usage errors.
 */
public final class P1ParseCommand implements Command, OptionSpec {

    @Override
    public String name() {
        return "p1 parse";
    }

    @Override
    public String summary() {
        return "parse a P1 capture (file or -) into one JSON object per telegram";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota p1 parse [--lenient] [--key HEX [--aad HEX]] FILE|-

                Reads raw P1 bytes (a serial capture: any number of telegrams, noise between them) from FILE,
                or from standard input for -, and prints one JSON object per telegram on standard output.
                Each rejected frame gets one line on standard error: reason, byte offset, detail.

                  --lenient    parse telegrams with a wrong or missing CRC (marked "crc":"invalid") and
                               lines that do not fit their OBIS code (listed in "fieldErrors")
                  --key HEX    AES-128 key (32 hex digits) of an encrypted P1 port (Luxembourg, Austria)
                  --aad HEX    authentication key (32 hex digits) or full AAD; default 00112233...EEFF

                Exit status: 0 input read, 1 input unreadable, 2 usage error.""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("key", "aad");
    }

    @Override
    public Set<String> switchOptions() {
        return Set.of("lenient");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        if (args.positionals().size() != 1) {
            throw new UsageException(args.positionals().isEmpty() ? "which capture? give a FILE, or - for standard input"
                    : "one input only, not " + args.positionals().size());
        }
        if (args.has("aad") && !args.has("key")) {
            throw new UsageException("--aad only makes sense with --key");
        }
        DlmsKeys keys = null;
        if (args.has("key")) {
            try {
                keys = DlmsKeys.fromHex(args.get("key"), args.get("aad"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String input = args.positionals().get(0);
        Printer printer = new Printer(console.out(), console.err());
        boolean lenient = args.has("lenient");
        StreamDecoder decoder = keys == null
                ? new TelegramDecoder(printer, lenient, TelegramFramer.DEFAULT_MAX_TELEGRAM_SIZE)
                : new EncryptedTelegramDecoder(keys, printer, lenient, TelegramFramer.DEFAULT_MAX_TELEGRAM_SIZE);
        try (InputStream in = input.equals("-") ? console.in() : Files.newInputStream(Path.of(input))) {
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) >= 0;) {
                decoder.feed(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            console.err().println("p1-iota p1 parse: no such file: " + input);
            return 1;
        } catch (IOException e) {
            console.err().println("p1-iota p1 parse: cannot read " + input + ": " + e.getMessage());
            return 1;
        }
        decoder.finish();
        console.out().flush();
        return 0;
    }

    /** JSON lines to stdout, rejection lines to stderr. */
    private record Printer(PrintStream out, PrintStream err) implements TelegramListener {

        @Override
        public void telegram(Telegram telegram, Frame frame) {
            out.println(TelegramJson.toJson(telegram));
        }

        @Override
        public void rejected(RejectedFrame rejected) {
            err.println("rejected " + rejected.describe());
        }
    }
}
