package org.p1iota.app.ops.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;

/** Free space where the role keeps its data (spool, channel state, database): DOWN below a minimum. */
public final class DiskSpaceHealthCheck extends ReadinessCheck {

    private final Path directory;
    private final long minimumFreeBytes;

    public DiskSpaceHealthCheck(Path directory, long minimumFreeBytes) {
        super("data-disk");
        this.directory = directory;
        this.minimumFreeBytes = minimumFreeBytes;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("directory", directory.toString());
        try {
            long free = Files.getFileStore(directory).getUsableSpace();
            builder.detail("freeBytes", free).detail("minimumFreeBytes", minimumFreeBytes);
            if (free < minimumFreeBytes) {
                builder.down().message("only " + megabytes(free) + " free on the file system of " + directory + " (at least "
                        + megabytes(minimumFreeBytes) + " wanted): free space there, or the role stops storing data");
                return;
            }
            builder.up();
        } catch (IOException e) {
            builder.down().message("the data directory " + directory + " cannot be read (" + e.getMessage()
                    + "): check that it exists and belongs to the service's user");
        }
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
