package org.p1iota.app.myhome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;

/**
 * My Home's own copy of its event channel, one line per event: nodes prune what is older than their
 * retention (30 days on the embedded node), and a My Home restarted after that must not forget the
 * household's devices and policies. The channel stays the truth: the state is folded from this copy
 * and then from the channel where the copy ends, and every event read or published is added here.
 * A file of the household's secrets (grant secrets are in AUTHORIZED): created 0600, each line forced to
 * disk; a torn last line (a crash while writing) is ignored and read from the channel again.
 */
public final class EventJournal {

    /** What the copy holds: the events, and the root the channel continues at after the last one. */
    public record Contents(List<RecordedEvent> events, Optional<String> continueAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ProtocolCodec codec = new ProtocolCodec();

    public EventJournal(Path file) {
        this.file = file;
    }

    public synchronized Contents read() {
        List<RecordedEvent> events = new ArrayList<>();
        String continueAt = null;
        if (!Files.exists(file)) {
            return new Contents(events, Optional.empty());
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode entry = JSON.readTree(line);
                    ChannelEvent event = codec.decode(entry.path("event").toString(), ChannelEvent.class);
                    events.add(new RecordedEvent(entry.path("sequence").asInt(), event, entry.path("root").asText()));
                    continueAt = entry.path("next").asText();
                } catch (IOException | ProtocolException e) {
                    break; // a torn last line: the channel has the rest
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read My Home's event journal " + file, e);
        }
        return new Contents(events, Optional.ofNullable(continueAt));
    }

    /** Adds one event, read from or published at {@code event.root()}, the channel going on at {@code next}. */
    public synchronized void append(RecordedEvent event, String next) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("sequence", event.sequence());
        entry.put("root", event.root());
        entry.put("next", next);
        try {
            entry.set("event", JSON.readTree(codec.encode(event.event())));
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(JSON.writeValueAsString(entry) + "\n"));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to My Home's event journal " + file, e);
        }
    }
}
