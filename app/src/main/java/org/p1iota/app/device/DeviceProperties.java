package org.p1iota.app.device;

import java.util.Map;

import org.apache.camel.spi.PropertiesSource;

/**
 * Properties only known once the device's secrets are open (its inbox address), offered to the routes
 * as {@code {{device.inbox}}}: Camel's properties component picks up {@link PropertiesSource} beans
 * from the registry. Nothing secret goes here: placeholders end up in endpoint URIs and logs.
 */
public final class DeviceProperties implements PropertiesSource {

    private final Map<String, String> properties;

    public DeviceProperties(String inboxAddress) {
        this.properties = Map.of("device.inbox", inboxAddress);
    }

    @Override
    public String getName() {
        return "p1-iota device";
    }

    @Override
    public String getProperty(String name) {
        return properties.get(name);
    }
}
