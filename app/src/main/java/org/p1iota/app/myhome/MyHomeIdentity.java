package org.p1iota.app.myhome;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.spi.PropertiesSource;

/**
 * What My Home's routes need to know that is derived from its secrets, not configured: its inbox
 * address (index 0 of its seed), its event channel's first root and the directory of its secrets and
 * channel state. Bound as a bean, Camel picks it up as a properties source, so routes/myhome.yaml
 * reads {@code {{myhome.inbox}}}, {@code {{myhome.event-root}}} and {@code {{myhome.directory}}}.
 * Nothing secret is in here.
 */
public record MyHomeIdentity(String inbox, String eventRoot, Path directory) implements PropertiesSource {

    public static final String INBOX = "myhome.inbox";
    public static final String EVENT_ROOT = "myhome.event-root";
    public static final String DIRECTORY = "myhome.directory";

    @Override
    public String getName() {
        return "myhome-identity";
    }

    @Override
    public String getProperty(String name) {
        return asMap().get(name);
    }

    public Map<String, String> asMap() {
        return Map.of(INBOX, inbox, EVENT_ROOT, eventRoot, DIRECTORY, directory.toString());
    }
}
