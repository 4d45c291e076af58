package org.p1iota.app.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A role's whole data directory (seed, pairing code or token, channel and device state, spool, database) as
 * one zip file, taken while the role is stopped (its {@link DataDirectoryLock} held), so that what is restored
 * is exactly where the channel stood: the next message goes to the next index, none is written twice.
 * Everything in it is secret: the archive is written 0600, restored files 0600 and directories 0700.
 */
public final class RoleArchive {

    /** A marker entry naming the role, so a device backup is not restored as My Home. */
    static final String ROLE_ENTRY = "p1-iota-role";

    private RoleArchive() {
    }

    /** @return the number of files written */
    public static int backup(String role, Path directory, Path archive) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("there is no data directory " + directory + " to back up: is --data right?");
        }
        List<Path> files;
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(directory, role);
             Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(DataDirectoryLock.FILE))
                    .sorted().toList();
            Path temporary = Files.createTempFile(archive.toAbsolutePath().getParent(), ".backup-", ".tmp");
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(ROLE_ENTRY));
                zip.write(role.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry("data/" + directory.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return files.size();
    }

    /** Restores into a directory that does not exist yet or is empty; @return the number of files restored */
    public static int restore(String role, Path archive, Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals(DataDirectoryLock.FILE))) {
                    throw new DirectoryNotEmptyException(directory + " is not empty: restore into a new data directory (a role "
                            + "restored over its own newer state would publish to channel indexes already used)");
                }
            }
        } else if (Files.exists(directory)) {
            throw new FileAlreadyExistsException(directory + " exists and is not a directory");
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path root = directory.toRealPath();
        int files = 0;
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(directory, role);
             InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(ROLE_ENTRY)) {
                throw new IOException(archive + " is not a p1-iota backup");
            }
            String archived = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!archived.equals(role)) {
                throw new IOException(archive + " is a backup of the " + archived + ", not of the " + role);
            }
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                Path target = name.startsWith("data/") ? root.resolve(name.substring("data/".length())).normalize() : null;
                if (target == null || !target.startsWith(root) || target.equals(root) || entry.isDirectory()) {
                    throw new IOException(archive + " holds an entry outside the data directory: " + entry.getName());
                }
                createPrivateDirectories(root, target.getParent());
                Files.copy(zip, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                files++;
            }
        }
        return files;
    }

    private static void createPrivateDirectories(Path root, Path directory) throws IOException {
        if (directory.equals(root) || Files.isDirectory(directory)) {
            return;
        }
        createPrivateDirectories(root, directory.getParent());
        Files.createDirectory(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
}
