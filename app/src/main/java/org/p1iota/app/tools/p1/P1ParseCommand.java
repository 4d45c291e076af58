package org.p1iota.app.tools.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.camel.p1.crypto.DlmsKeys;
import org.p1iota.camel.p1.crypto.EncryptedTelegramDecoder;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.frame.TelegramFramer;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.StreamDecoder;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code p1 parse [--lenient] [--key HEX [--aad HEX|none]] FILE|-}: reads a capture (any number of
 * telegrams, noise between them), prints one JSON object per telegram on stdout, one line per
 * rejected frame on stderr and, at the end, a summary on stderr (telegrams, rejected frames by reason,
 * and a hint to {@code --lenient} when frames failed their CRC). Exit 0 when the input was read
 * (whatever it contained), 1 when it could not be read, 2 for usage errors.
 */
@Command(name = "parse", description = {"parse a P1 capture (file or -) into one JSON object per telegram", "",
                "Reads raw P1 bytes (a serial capture: any number of telegrams, noise between them) from FILE,",
                "or from standard input for -, and prints one JSON object per telegram on standard output.",
                "Each rejected frame gets one line on standard error (reason, byte offset, detail); a summary ends it."},
        footer = "Exit status: 0 input read, 1 input unreadable, 2 usage error.")
public final class P1ParseCommand extends CliCommand {

    @Option(names = "--lenient", description = {"parse telegrams with a wrong or missing CRC (marked \"crc\":\"invalid\") and",
            "lines that do not fit their OBIS code (listed in \"fieldErrors\")"})
    boolean lenient;

    @Option(names = "--key", paramLabel = "HEX", description = "AES-128 key (32 hex digits) of an encrypted P1 port (Luxembourg, Austria)")
    String key;

    @Option(names = "--aad", paramLabel = "HEX|none", description = "authentication key (32 hex digits), full AAD, or"
            + " 'none' for frames authenticated without AAD; default 00112233...EEFF, and frames without AAD too")
    String aad;

    @Parameters(paramLabel = "FILE|-", arity = "0..*", description = "the capture, or - for standard input")
    List<String> inputs = List.of();

    @Override
    protected int run(Console console) throws Exception {
        if (inputs.size() != 1) {
            throw usageError(inputs.isEmpty() ? "which capture? give a FILE, or - for standard input"
                    : "one input only, not " + inputs.size());
        }
        if (aad != null && key == null) {
            throw usageError("--aad only makes sense with --key");
        }
        DlmsKeys keys = null;
        if (key != null) {
            try {
                keys = DlmsKeys.fromHex(key, aad);
            } catch (IllegalArgumentException e) {
                throw usageError(e.getMessage());
            }
        }
        String input = inputs.get(0);
        Printer printer = new Printer(console.out(), console.err());
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
        printer.summary(lenient);
        return 0;
    }

    /** JSON lines to stdout, rejection lines and the summary to stderr. */
    private static final class Printer implements TelegramListener {

        /** Rejections that --lenient would have parsed. */
        private static final Set<RejectReason> CRC_FAILURES = EnumSet.of(RejectReason.CRC_MISMATCH, RejectReason.MISSING_CRC);

        private final PrintStream out;
        private final PrintStream err;
        private final Map<RejectReason, Integer> rejections = new EnumMap<>(RejectReason.class);
        private int telegrams;

        Printer(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void telegram(Telegram telegram, Frame frame) {
            telegrams++;
            out.println(TelegramJson.toJson(telegram));
        }

        @Override
        public void rejected(RejectedFrame rejected) {
            rejections.merge(rejected.reason(), 1, Integer::sum);
            err.println("rejected " + rejected.describe());
        }

        /** One line, e.g. {@code summary: 12 telegrams, 2 rejected frames (CRC_MISMATCH 1, INCOMPLETE 1)}, and the hint. */
        void summary(boolean lenient) {
            int rejected = rejections.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder("summary: " + telegrams + (telegrams == 1 ? " telegram, " : " telegrams, ")
                    + rejected + (rejected == 1 ? " rejected frame" : " rejected frames"));
            if (rejected > 0) {
                StringJoiner reasons = new StringJoiner(", ", " (", ")");
                rejections.forEach((reason, count) -> reasons.add(reason + " " + count));
                line.append(reasons);
            }
            err.println(line);
            if (!lenient && rejections.keySet().stream().anyMatch(CRC_FAILURES::contains)) {
                err.println("hint: frames failed their CRC check; --lenient parses them anyway (marked \"crc\":\"invalid\")");
            }
            err.flush();
        }
    }
}
