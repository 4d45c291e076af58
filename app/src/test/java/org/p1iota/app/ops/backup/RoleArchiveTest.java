package org.p1iota.app.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's own rules: locked directories, hostile archives, permissions. The whole move: BackupRestoreTest. */
class RoleArchiveTest {

    @TempDir
    Path temp;

    @Test
    void theLockCreatesAPrivateDirectoryAndRefusesASecondHolder() throws Exception {
        Path data = temp.resolve("fresh").resolve("device");
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data, "device")) {
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(data.resolve(DataDirectoryLock.FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data, "device"))
                    .hasMessageContaining("in use by a running p1-iota device").hasMessageContaining("systemctl stop p1-iota-device");
            assertThatThrownBy(() -> RoleArchive.backup("device", data, temp.resolve("b.zip")))
                    .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class);
        }
        Files.writeString(data.resolve("seed"), "SEED");
        RoleArchive.backup("device", data, temp.resolve("b.zip"));
        Path restored = temp.resolve("restored");
        assertThat(RoleArchive.restore("device", temp.resolve("b.zip"), restored)).isEqualTo(1);
        assertThat(Files.readString(restored.resolve("seed"))).isEqualTo("SEED");
        assertThat(Files.getPosixFilePermissions(restored.resolve("seed"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anArchiveWithAnEntryOutsideTheDirectoryRestoresNothingThere() throws Exception {
        Path archive = temp.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(RoleArchive.ROLE_ENTRY));
            zip.write("device".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("data/../../outside"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> RoleArchive.restore("device", archive, temp.resolve("target")))
                .hasMessageContaining("outside the data directory");
        assertThat(temp.resolve("outside")).doesNotExist();
    }
}
