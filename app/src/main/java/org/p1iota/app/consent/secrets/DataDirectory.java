package org.p1iota.app.consent.secrets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a role keeps its secrets and state: {@code --data DIR} when given; otherwise
 * {@code $P1IOTA_DATA/<role>}; otherwise {@code ./p1-iota-data/<role>}. {@code P1IOTA_DATA} names
 * the base so that several roles (the demo, or My Home beside a device on one Pi) never share files.
 */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "P1IOTA_DATA";
    public static final String DEFAULT_BASE = "p1-iota-data";

    private DataDirectory() {
    }

    public static Path resolve(String role, String explicit, Map<String, String> environment) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String base = environment.get(ENVIRONMENT_VARIABLE);
        Path root = base == null || base.isBlank() ? Path.of(DEFAULT_BASE) : Path.of(base);
        return root.resolve(role).toAbsolutePath().normalize();
    }
}
