package org.p1iota.app.role;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.p1iota.app.consent.secrets.DataDirectory;

/**
 * A role's properties, layered from lowest to highest precedence: {@code application.properties}
 * and {@code application-<role>.properties} from the classpath, the same two files in the data
 * directory (if present), then the command line. The data directory is {@code p1iota.data} (the
 * command line's {@code --data}), else as {@link DataDirectory} resolves it for the role.
 */
public final class RoleSettings {

    public static final String DATA_PROPERTY = "p1iota.data";
    public static final String HOME_PROPERTY = "p1iota.home";
    /** The IOTA node of every role that talks to one: the one property {@code --node} sets. */
    public static final String NODE_URL = "iota.node-url";
    /** The node's minimum weight magnitude: {@code --mwm}. */
    public static final String MWM = "iota.mwm";
    public static final String DEFAULT_NODE_URL = "http://127.0.0.1:14265";

    /** Names the node settings had per role before they became one; still read, with a warning. */
    private static final Map<String, String> RENAMED = Map.of(
            "device.node.url", NODE_URL, "provider.node-url", NODE_URL,
            "device.node.mwm", MWM, "provider.mwm", MWM,
            "device.node.local-pow", "iota.local-pow", "device.node.retry-attempts", "iota.retry-attempts");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoleSettings.class);

    private final Properties properties;
    private final Path dataDirectory;

    private RoleSettings(Properties properties, Path dataDirectory) {
        this.properties = properties;
        this.dataDirectory = dataDirectory;
    }

    public static RoleSettings load(String role, Map<String, String> commandLine) throws IOException {
        Properties merged = new Properties();
        ClassLoader loader = RoleSettings.class.getClassLoader();
        for (String file : files(role)) {
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in != null) {
                    merged.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        Path data = dataDirectory(role, merged, commandLine);
        for (String file : files(role)) {
            Path override = data.resolve(file);
            if (Files.isRegularFile(override)) {
                try (Reader in = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
                    merged.load(in);
                }
            }
        }
        merged.putAll(commandLine);
        RENAMED.forEach((old, current) -> {
            String value = merged.getProperty(old);
            if (value != null) {
                LOG.warn("property {} is now {} (one name for every role); using {} = {}", old, current, current, value);
                merged.setProperty(current, value);
            }
        });
        merged.setProperty(DATA_PROPERTY, data.toString());
        return new RoleSettings(merged, data);
    }

    private static String[] files(String role) {
        return new String[] {"application.properties", "application-" + role + ".properties"};
    }

    private static Path dataDirectory(String role, Properties classpath, Map<String, String> commandLine) {
        String configured = commandLine.getOrDefault(DATA_PROPERTY, classpath.getProperty(DATA_PROPERTY, ""));
        return DataDirectory.resolve(role, configured, System.getenv());
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String get(String key, String defaultValue) {
        return properties.getProperty(key, defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        String value = properties.getProperty(key);
        try {
            return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " needs a whole number, not '" + value + "'");
        }
    }

    public long getLong(String key, long defaultValue) {
        String value = properties.getProperty(key);
        try {
            return value == null || value.isBlank() ? defaultValue : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " needs a whole number, not '" + value + "'");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /**
     * Sets a property the role derives from the others (e.g. whether a route starts), unless it was
     * given: called from {@link Role#bind}, before Camel gets {@link #asProperties()}.
     */
    public void derive(String key, String value) {
        properties.putIfAbsent(key, value);
    }

    /** A copy of every property, handed to Camel as its highest-precedence properties. */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
