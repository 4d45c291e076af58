package org.p1iota.iota.mam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One channel's state in one JSON file, owner-only (0600: it holds the seed). Every save writes a
 * temporary file, forces it to disk, renames it over the old one atomically and forces the directory,
 * so a crash leaves either the old or the new state, never a mix. An exclusive lock on a sibling
 * {@code .lock} file keeps a second writer (another process, or this one twice) off the channel,
 * because two writers would sign with the same key index.
 */
public final class ChannelStore implements AutoCloseable {

    /**
     * What the file holds: the state, the message created but not yet confirmed as attached, if any, and
     * the last one confirmed, if any.
     */
    public record StoredChannel(ChannelState state, CreatedMessage pending, Confirmed confirmed) {

        public StoredChannel(ChannelState state, CreatedMessage pending) {
            this(state, pending, null);
        }
    }

    /**
     * The last message confirmed as attached, known by the SHA-256 of its trytes (not the trytes: a DATA
     * message is up to 88 KB): a caller that dies after the confirmation but before it noted it sends
     * the same message again, and it must not become a second message (see {@link MamWriter#confirmedAlready}).
     */
    public record Confirmed(String digest, String root, String address, String nextRoot) {

        public static Confirmed of(CreatedMessage message) {
            return new Confirmed(digest(message.message()), message.root(), message.address(), message.nextRoot());
        }

        public static String digest(String messageTrytes) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(messageTrytes.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private ChannelStore(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (and locks) the store at {@code file}; the file itself is created by the first {@link #save}. */
    public static ChannelStore open(Path file) throws MamException {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new MamException(MamException.Reason.STORE_FAILED,
                        "channel file " + absolute + " is in use by another process");
            }
            return new ChannelStore(absolute, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new MamException(MamException.Reason.STORE_FAILED, "channel file " + absolute + " is already open", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MamException(MamException.Reason.STORE_FAILED, "cannot open channel file " + absolute + ": " + e, e);
        } catch (MamException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public Optional<StoredChannel> load() throws MamException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw corrupt("unreadable (" + e.getMessage() + ")");
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw corrupt("not a format-" + FORMAT + " channel file");
        }
        try {
            ChannelState state = ChannelState.of(text(root, "seed"), MamMode.parse(text(root, "mode")),
                    text(root, "sideKey"), root.path("security").asInt(), root.path("start").asLong(-1),
                    root.path("index").asInt(-1), root.path("count").asInt(), root.path("nextCount").asInt());
            JsonNode p = root.path("pending");
            CreatedMessage pending = p.isObject() ? new CreatedMessage(text(p, "message"), text(p, "root"),
                    text(p, "address"), text(p, "nextRoot"), text(p, "payload"), p.path("keyIndex").asLong()) : null;
            if (pending != null && (pending.payload() == null || pending.keyIndex() != state.keyIndex())) {
                throw corrupt("its pending message does not belong to the saved key index");
            }
            JsonNode c = root.path("confirmed");
            Confirmed confirmed = c.isObject() ? new Confirmed(text(c, "digest"), text(c, "root"), text(c, "address"),
                    text(c, "nextRoot")) : null;
            return Optional.of(new StoredChannel(state, pending, confirmed));
        } catch (MamException e) {
            if (e.reason() == MamException.Reason.STORE_FAILED) {
                throw e;
            }
            throw corrupt(e.getMessage());
        }
    }

    public void save(StoredChannel stored) throws MamException {
        ChannelState s = stored.state();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("seed", s.seed());
        root.put("mode", s.mode().label());
        root.put("sideKey", s.mode() == MamMode.RESTRICTED ? s.sideKey() : null);
        root.put("security", s.security());
        root.put("start", s.start());
        root.put("index", s.index());
        root.put("count", s.count());
        root.put("nextCount", s.nextCount());
        CreatedMessage p = stored.pending();
        if (p != null) {
            ObjectNode pending = root.putObject("pending");
            pending.put("keyIndex", p.keyIndex());
            pending.put("root", p.root());
            pending.put("address", p.address());
            pending.put("nextRoot", p.nextRoot());
            pending.put("message", p.message());
            pending.put("payload", p.payload());
        }
        Confirmed c = stored.confirmed();
        if (c != null) {
            ObjectNode confirmed = root.putObject("confirmed");
            confirmed.put("digest", c.digest());
            confirmed.put("root", c.root());
            confirmed.put("address", c.address());
            confirmed.put("nextRoot", c.nextRoot());
        }
        try {
            writeAtomically(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new MamException(MamException.Reason.STORE_FAILED, "cannot write channel file " + file + ": " + e, e);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel out = FileChannel.open(temporary, options, ownerOnly())) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory(file.getParent());
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and there rename is all we get. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows): the atomic rename still guarantees old-or-new content
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private MamException corrupt(String why) {
        return new MamException(MamException.Reason.STORE_FAILED, "channel file " + file + " is not valid: " + why);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was locked or written through it
            }
        }
    }

    /** Releases the lock; the state on disk stays as last saved. */
    @Override
    public void close() throws MamException {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new MamException(MamException.Reason.STORE_FAILED, "cannot release channel file " + file + ": " + e, e);
        }
    }
}
