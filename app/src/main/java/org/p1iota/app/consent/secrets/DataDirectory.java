package org.p1iota.app.consent.secrets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a role keeps its secrets and state: {@code --data DIR} when given; otherwise
 * {@code $P1IOTA_DATA/<role>}; otherwise {@code p1-iota-data/<role>} next to the launcher
 * ({@code p1iota.home}), or in the working directory when there is no launcher. {@code P1IOTA_DATA}
 * names the base so that several roles (the demo, or My Home beside a device on one Pi) never share files.
 * Every role and tool resolves it here, so {@code ./p1-iota keys --role R} sees the files of role R.
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
        String home = System.getProperty("p1iota.home");
        Path defaultBase = home == null ? Path.of(DEFAULT_BASE) : Path.of(home, DEFAULT_BASE);
        Path root = base == null || base.isBlank() ? defaultBase : Path.of(base);
        return root.resolve(role).toAbsolutePath().normalize();
    }
}
