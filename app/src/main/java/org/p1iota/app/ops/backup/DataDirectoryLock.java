package org.p1iota.app.ops.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A running role holds an exclusive lock on {@code <data>/.lock} (the OS drops it when the process dies, even
 * with kill -9). Two roles on one data directory would reuse channel indexes; a backup of a running role could
 * be torn; both are refused by asking for this lock.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or says who to stop. */
    public static DataDirectoryLock acquire(Path directory, String role) throws IOException {
        if (!Files.isDirectory(directory)) {
            // created as SecretStore would: the data directory holds the role's secrets
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        FileChannel channel = FileChannel.open(directory.resolve(FILE), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(directory, role);
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Thrown when a role already runs on the directory. */
    public static final class DataDirectoryInUseException extends IOException {
        DataDirectoryInUseException(Path directory, String role) {
            super("the data directory " + directory + " is in use by a running p1-iota " + role + ": stop it first "
                    + "(sudo systemctl stop p1-iota-" + role + ", or Ctrl-C where it runs)");
        }
    }
}
