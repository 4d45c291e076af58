package org.p1iota.app.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the demo starts where: the roles' ports, the node's MWM, the meter's pace and the base data
 * directory that holds one directory per role (so a second run reuses everything). Servers listen on
 * {@code bind} (loopback); the URLs say {@code localhost}, so that My Home and Wattt Insights are the
 * same site for the browser and My Home's SameSite session survives the consent redirect.
 */
public record DemoSettings(Path dataDirectory, int nodePort, int myHomePort, int providerPort, int meterPort,
                           int minWeightMagnitude, Duration meterPace, String bind) {

    public String nodeUrl() {
        return "http://localhost:" + nodePort;
    }

    public String myHomeUrl() {
        return "http://localhost:" + myHomePort;
    }

    public String providerUrl() {
        return "http://localhost:" + providerPort;
    }

    public Path roleDirectory(String role) {
        return dataDirectory.resolve(role);
    }
}
