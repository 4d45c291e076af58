package org.p1iota.app.device.scope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamWriter;

/**
 * The device's scoped channels (every scope but the full one, which is the DATA channel): one
 * restricted MAM channel per scope someone was granted, each with its own seed (derived from the
 * device's), side key and position, the aggregator's open interval, and an outbox of work decided and
 * not yet published (READINGS, key rotations, key deliveries). Kept in one owner-only JSON file
 * replaced atomically, like {@code device-state.json}. {@link #toString()} hides the secrets.
 */
public final class ScopeChannels {

    /** A READINGS message to publish; {@code start}/{@code end}: its first record's start, its last record's end. */
    public record Pending(String message, String start, String end) {
    }

    /** A KEY_ROTATION to publish under the channel's current key, announcing {@code newSideKey}. */
    public record Rotation(String newSideKey, String message) {
        @Override
        public String toString() {
            return "Rotation[hidden]";
        }
    }

    /** One scope's channel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(Scope scope, String sideKey, String nextRoot, IntervalAggregator.State aggregate, long lastSequence,
            List<Pending> outbox, List<Rotation> rotations, List<String> deliveries) {
        public Channel {
            outbox = List.copyOf(outbox == null ? List.of() : outbox);
            rotations = List.copyOf(rotations == null ? List.of() : rotations);
            deliveries = List.copyOf(deliveries == null ? List.of() : deliveries);
        }

        @Override
        public String toString() {
            return "Channel[" + scope.channelName() + ", secrets hidden]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path mamDirectory;
    private final Seed seed;
    private final int security;
    private Map<String, Channel> channels;

    private ScopeChannels(Path file, Path mamDirectory, Seed seed, int security, Map<String, Channel> channels) {
        this.file = file;
        this.mamDirectory = mamDirectory;
        this.seed = seed;
        this.security = security;
        this.channels = channels;
    }

    public static ScopeChannels open(Path file, Path mamDirectory, Seed seed, int security) throws IOException {
        Map<String, Channel> channels = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (Channel channel : JSON.readValue(file.toFile(), Channel[].class)) {
                    channels.put(channel.scope().channelName(), channel);
                }
            } catch (IOException e) {
                throw new IOException(file + " is damaged (" + e.getMessage() + "); restore it from a backup", e);
            }
        }
        return new ScopeChannels(file, mamDirectory, seed, security, channels);
    }

    public synchronized List<Channel> all() {
        return List.copyOf(channels.values());
    }

    public synchronized Optional<Channel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /**
     * The scope's channel, started (with {@code firstSideKey}) if this is the first grant of the scope.
     * The MAM channel file is created here, so the route's endpoint needs neither seed nor key.
     */
    public synchronized Channel ensure(Scope scope, String firstSideKey) throws IOException {
        Channel known = channels.get(scope.channelName());
        if (known != null) {
            return known;
        }
        Files.createDirectories(mamDirectory);
        Path mamFile = mamDirectory.resolve("iota-mam-" + scope.channelName() + ".channel");
        String root;
        try (MamWriter writer = MamWriter.open(mamFile, ChannelState.initial(channelSeed(seed, scope), MamMode.RESTRICTED,
                firstSideKey, security))) {
            root = writer.root();
        } catch (MamException e) {
            throw new IOException("cannot start the channel of scope " + scope.channelName() + ": " + e.getMessage(), e);
        }
        Channel channel = new Channel(scope, firstSideKey, root, IntervalAggregator.initial(), -1, List.of(), List.of(), List.of());
        save(with(scope.channelName(), c -> channel));
        return channel;
    }

    public synchronized void update(String name, UnaryOperator<Channel> change) throws IOException {
        save(with(name, change));
    }

    /** Several channels changed in one write (a batch fed to every aggregator). */
    public synchronized void updateAll(Map<String, Channel> changed) throws IOException {
        Map<String, Channel> next = new LinkedHashMap<>(channels);
        next.putAll(changed);
        save(next);
    }

    private Map<String, Channel> with(String name, UnaryOperator<Channel> change) {
        Map<String, Channel> next = new LinkedHashMap<>(channels);
        next.put(name, change.apply(channels.get(name)));
        return next;
    }

    static <T> List<T> plus(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    static <T> List<T> minusFirst(List<T> list) {
        return list.isEmpty() ? list : list.subList(1, list.size());
    }

    /**
     * A scope channel's seed: 81 trytes from HMAC-SHA256 under the device's seed, so each scope has its
     * own addresses and nobody can link them to the DATA channel or to each other; the device's seed
     * recreates them. (Each tryte is one byte mod 27: a bias of under 1 part in 20, on 648 bits.)
     */
    static String channelSeed(Seed seed, Scope scope) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.trytes().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            StringBuilder trytes = new StringBuilder();
            String alphabet = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (int block = 0; trytes.length() < Seed.LENGTH; block++) {
                byte[] bytes = mac.doFinal(("p1-iota scope channel|" + scope.channelName() + "|" + block)
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < bytes.length && trytes.length() < Seed.LENGTH; i++) {
                    trytes.append(alphabet.charAt((bytes[i] & 0xff) % 27));
                }
            }
            return trytes.toString();
        } catch (GeneralSecurityException e) {
            throw new IOException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    private void save(Map<String, Channel> next) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(JSON.writeValueAsBytes(next.values()));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channels = next;
    }

    @Override
    public String toString() {
        return "ScopeChannels[" + file + ", secrets hidden]";
    }
}
