package org.p1iota.iota.mam;

import java.nio.file.Path;

/**
 * Child process for {@link MamWriterKillTest}: writes messages to a durable channel forever and reports
 * each created payload ({@code CREATED keyIndex payload}) before it confirms it, like a publisher that
 * attaches between the two steps.
 */
public final class MamWriterProcess {

    static final String SEED = "KILLTESTSEED9KILLTESTSEED9KILLTESTSEED9KILLTESTSEED9KILLTESTSEED9KILLTESTSEED9ABC";

    private MamWriterProcess() {
    }

    static String message(long keyIndex) {
        return "MESSAGE9" + Trits.toTrytes(Trits.balanced(keyIndex, 30));
    }

    public static void main(String[] args) throws Exception {
        try (MamWriter writer = MamWriter.open(Path.of(args[0]), ChannelState.initial(SEED, MamMode.PUBLIC, null, 1))) {
            while (true) {
                long keyIndex = writer.state().keyIndex();
                CreatedMessage created = writer.create(message(keyIndex));
                System.out.println("CREATED " + created.keyIndex() + " " + created.payload());
                System.out.flush();
                writer.confirm();
            }
        }
    }
}
