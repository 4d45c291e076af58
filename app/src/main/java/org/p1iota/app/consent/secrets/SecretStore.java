package org.p1iota.app.consent.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.p1iota.app.consent.secrets.InvalidPairingCodeException;
import org.p1iota.app.consent.secrets.PairingCode;

/**
 * A role's secrets in its data directory, one file each, created on first use and read back later:
 * {@value #SEED} (the IOTA seed), {@value #PAIRING_CODE} (device) and {@value #API_TOKEN} (My Home,
 * provider). The directory is created 0700 and every file 0600 from the start (the permissions are
 * given at creation, never fixed afterwards), written to a temporary file, forced to disk and linked
 * into place, which fails rather than replaces when another process got there first. A file that
 * others may read is refused, as ssh does. Nothing here logs or prints a secret.
 */
public final class SecretStore {

    public static final String SEED = "seed";
    public static final String PAIRING_CODE = "pairing-code";
    public static final String API_TOKEN = "api-token";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path directory;
    private final SecureRandom random;
    private final List<String> created = new ArrayList<>();

    private SecretStore(Path directory, SecureRandom random) {
        this.directory = directory;
        this.random = random;
    }

    /** Opens (and on first use creates, mode 0700) the data directory. */
    public static SecretStore open(Path directory, SecureRandom random) throws SecretStoreException {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecretStoreException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        return new SecretStore(directory, random);
    }

    public Path directory() {
        return directory;
    }

    public Seed seed() throws SecretStoreException {
        return secret(SEED, () -> Seed.generate(random).trytes(), Seed::of);
    }

    public PairingCode pairingCode() throws SecretStoreException {
        return secret(PAIRING_CODE, () -> PairingCode.generate(random).formatted(), text -> {
            try {
                return PairingCode.parse(text);
            } catch (InvalidPairingCodeException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
    }

    public BearerToken apiToken() throws SecretStoreException {
        return secret(API_TOKEN, () -> BearerToken.generate(random).value(), BearerToken::of);
    }

    /** The files this store created since it was opened (first start), in order. */
    public synchronized List<String> created() {
        return List.copyOf(created);
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    private synchronized <T> T secret(String name, Supplier<String> generator, Function<String, T> parser)
            throws SecretStoreException {
        Path file = file(name);
        if (!Files.exists(file)) {
            if (create(file, generator.get())) {
                created.add(name);
            }
        }
        String text = read(file);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new SecretStoreException(file + " is damaged (" + e.getMessage() + "). Restore it from a backup;"
                    + " deleting it makes a new one, which loses what the old one protected");
        }
    }

    /** @return false when another process created the file first (its secret wins) */
    private boolean create(Path file, String secret) throws SecretStoreException {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + file.getFileName(), ".new",
                    PosixFilePermissions.asFileAttribute(OWNER_FILE));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecretStoreException("cannot create " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static String read(Path file) throws SecretStoreException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
                throw new SecretStoreException(file + " can be read or changed by others (mode "
                        + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecretStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover .new file holds a secret nobody uses and is itself 0600
            }
        }
    }
}
