package org.p1iota.app.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.p1iota.camel.iota.state.FollowBook;
import org.p1iota.camel.iota.state.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases before the channel positions moved into the database kept them in the iota-mam follow file
 * of the data directory: on start, the ones the database does not have yet are taken over from it, and
 * the file is renamed so that it is read once.
 */
final class ChannelPositionImport {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPositionImport.class);

    private ChannelPositionImport() {
    }

    static void fromFile(Path file, ChannelPositions positions) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int taken = 0;
        for (Subscription subscription : FollowBook.open(file).all()) {
            if (positions.putIfAbsent(subscription)) {
                taken++;
            }
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".imported"));
        LOG.info("Took over {} channel position(s) from {} into the provider database", taken, file);
    }
}
