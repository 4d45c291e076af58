package org.p1iota.app.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the demo starts where: the roles' ports, the node's MWM, the meter's pace and the base data
 * directory that holds one directory per role (so a second run reuses everything).
 */
public record DemoSettings(Path dataDirectory, int nodePort, int myHomePort, int providerPort, int meterPort,
                           int minWeightMagnitude, Duration meterPace, String bind) {

    public String nodeUrl() {
        return "http://" + bind + ":" + nodePort;
    }

    public String myHomeUrl() {
        return "http://" + bind + ":" + myHomePort;
    }

    public String providerUrl() {
        return "http://" + bind + ":" + providerPort;
    }

    public Path roleDirectory(String role) {
        return dataDirectory.resolve(role);
    }
}
