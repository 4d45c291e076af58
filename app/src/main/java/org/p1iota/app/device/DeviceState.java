package org.p1iota.app.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.p1iota.app.consent.pairing.PairedHome;

/**
 * What the device must remember across restarts (and kill -9), in one owner-only JSON file replaced
 * atomically: the data channel's current side key and next root (what MAM_DATA hands out), the paired
 * home, the events of My Home's channel already acted on (replayed into the view on start), and an
 * outbox of work decided but not yet done: key rotations (message already sealed) and key deliveries,
 * plus the DATA batch being published. Work is written here before it is attempted, so a crash repeats
 * it rather than forgets it. {@link #toString()} hides the secrets.
 */
public final class DeviceState {

    /** A KEY_ROTATION to publish under the current key, announcing {@code newSideKey}. */
    public record PendingRotation(String newSideKey, String message) {
        @Override
        public String toString() {
            return "PendingRotation[hidden]";
        }
    }

    /** The DATA batch being published: spool sequences {@code first..last}. */
    public record InFlight(long first, long last) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(String sideKey, String nextRoot, String myHomeInbox, String eventChannelRoot, List<String> events,
            List<PendingRotation> rotations, List<String> deliveries, InFlight inFlight) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private Stored stored;

    private DeviceState(Path file, Stored stored) {
        this.file = file;
        this.stored = stored;
    }

    /** Reads the state, or starts one with the channel's first side key and root. */
    public static DeviceState open(Path file, String initialSideKey, String initialRoot) throws IOException {
        if (Files.exists(file)) {
            try {
                return new DeviceState(file, JSON.readValue(file.toFile(), Stored.class));
            } catch (IOException e) {
                throw new IOException(file + " is damaged (" + e.getMessage() + "); restore it from a backup", e);
            }
        }
        DeviceState state = new DeviceState(file, new Stored(initialSideKey, initialRoot, null, null, List.of(), List.of(),
                List.of(), null));
        state.save(state.stored);
        return state;
    }

    /** The side key the current state file holds, if there is one yet (needed before Camel creates the channel). */
    public static Optional<String> storedSideKey(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Stored.class).sideKey()) : Optional.empty();
    }

    public synchronized String sideKey() {
        return stored.sideKey();
    }

    public synchronized String nextRoot() {
        return stored.nextRoot();
    }

    public synchronized Optional<PairedHome> home() {
        return stored.eventChannelRoot() == null ? Optional.empty()
                : Optional.of(new PairedHome(stored.myHomeInbox(), stored.eventChannelRoot()));
    }

    public synchronized List<String> events() {
        return List.copyOf(stored.events());
    }

    public synchronized List<PendingRotation> rotations() {
        return List.copyOf(stored.rotations());
    }

    public synchronized List<String> deliveries() {
        return List.copyOf(stored.deliveries());
    }

    public synchronized Optional<InFlight> inFlight() {
        return Optional.ofNullable(stored.inFlight());
    }

    public synchronized void paired(PairedHome home) throws IOException {
        save(new Stored(stored.sideKey(), stored.nextRoot(), home.myHomeInbox(), home.eventChannelRoot(), stored.events(),
                stored.rotations(), stored.deliveries(), stored.inFlight()));
    }

    /** Records an event acted on together with the work it calls for, in one write. */
    public synchronized void eventApplied(String event, List<PendingRotation> newRotations, List<String> newDeliveries)
            throws IOException {
        save(new Stored(stored.sideKey(), stored.nextRoot(), stored.myHomeInbox(), stored.eventChannelRoot(),
                plus(stored.events(), List.of(event)), plus(stored.rotations(), newRotations),
                plus(stored.deliveries(), newDeliveries), stored.inFlight()));
    }

    /** The oldest rotation was published: its key is now the channel's. */
    public synchronized void rotated(String nextRoot) throws IOException {
        List<PendingRotation> rest = new ArrayList<>(stored.rotations());
        PendingRotation done = rest.remove(0);
        save(new Stored(done.newSideKey(), nextRoot, stored.myHomeInbox(), stored.eventChannelRoot(), stored.events(), rest,
                stored.deliveries(), stored.inFlight()));
    }

    public synchronized void delivered(String policyId) throws IOException {
        List<String> rest = new ArrayList<>(stored.deliveries());
        rest.remove(policyId);
        save(new Stored(stored.sideKey(), stored.nextRoot(), stored.myHomeInbox(), stored.eventChannelRoot(), stored.events(),
                stored.rotations(), rest, stored.inFlight()));
    }

    public synchronized void publishing(InFlight batch) throws IOException {
        save(new Stored(stored.sideKey(), stored.nextRoot(), stored.myHomeInbox(), stored.eventChannelRoot(), stored.events(),
                stored.rotations(), stored.deliveries(), batch));
    }

    public synchronized void published(String nextRoot) throws IOException {
        save(new Stored(stored.sideKey(), nextRoot, stored.myHomeInbox(), stored.eventChannelRoot(), stored.events(),
                stored.rotations(), stored.deliveries(), null));
    }

    private static <T> List<T> plus(List<T> list, List<T> more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(more);
        return all;
    }

    private void save(Stored next) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(JSON.writeValueAsBytes(next));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic
        }
        stored = next;
    }

    @Override
    public String toString() {
        return "DeviceState[" + file + ", secrets hidden]";
    }
}
