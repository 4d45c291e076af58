package org.p1iota.app.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.LongRunning;
import org.p1iota.app.consent.secrets.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota demo}: the whole system on this machine, in one process, until Ctrl-C. */
@Command(name = "demo", description = "everything in one process: node, simulated meter, device, My Home and Wattt Insights")
public final class DemoCommand extends CliCommand implements LongRunning {

    @Option(names = "--data", paramLabel = "DIR", order = 0, description = {"base directory; each role keeps its files in DIR/<role>",
            "(default: $P1IOTA_DATA/demo, else p1-iota-data/demo next to ./p1-iota). A second run reuses it."})
    String data;

    @Option(names = "--myhome-port", paramLabel = "PORT", order = 1, description = "My Home's web pages (default ${DEFAULT-VALUE})")
    int myHomePort = 8080;

    @Option(names = "--provider-port", paramLabel = "PORT", order = 2, description = "Wattt Insights' web pages and API (default ${DEFAULT-VALUE})")
    int providerPort = 8081;

    @Option(names = "--node-port", paramLabel = "PORT", order = 3, description = "the embedded node's IRI API (default ${DEFAULT-VALUE})")
    int nodePort = 14265;

    @Option(names = "--meter-port", paramLabel = "PORT", order = 4, description = "the simulated meter's TCP port (default: any free port)")
    int meterPort = 0;

    @Option(names = "--mwm", paramLabel = "N", order = 5, description = "minimum weight magnitude of the node (default ${DEFAULT-VALUE})")
    int mwm = 9;

    @Option(names = "--pace", paramLabel = "MS", order = 6,
            description = "ms between telegrams of the simulated meter (default ${DEFAULT-VALUE}, as a DSMR 5 meter)")
    int pace = 1000;

    @Option(names = "--routes", paramLabel = "DIR", order = 7, description = "directory of the roles' YAML routes (default: routes/ next to ./p1-iota)")
    Path routes;

    @Override
    protected int run(Console console) throws Exception {
        DemoSettings settings = new DemoSettings(
                DataDirectory.resolve("demo", data, System.getenv()),
                port("--node-port", nodePort), port("--myhome-port", myHomePort), port("--provider-port", providerPort),
                meterPort, mwm, Duration.ofMillis(pace), "127.0.0.1");

        quietFrameworkLogging();
        boolean firstStart = Demo.firstStart(settings);
        console.out().println(firstStart ? "p1-iota demo: starting for the first time (creating seeds and keys)"
                : "p1-iota demo: starting again with the data in " + settings.dataDirectory());
        Demo demo = new Demo(settings, Optional.ofNullable(routes), console.out()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            console.out().println("p1-iota demo: stopping");
            demo.close();
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        demo.printWelcome(firstStart);
        stopped.await();
        return 0;
    }

    /**
     * Five Camel contexts starting would bury the welcome text under start-up lines: the demo shows the
     * frameworks' warnings only (unless logging was configured explicitly with -D...). slf4j-simple reads
     * a logger's level when the logger is created, which for Camel and Jetty is after this.
     */
    private static void quietFrameworkLogging() {
        for (String framework : new String[] {"org.apache.camel", "org.eclipse.jetty"}) {
            String property = "org.slf4j.simpleLogger.log." + framework;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }

    private int port(String option, int port) {
        if (port < 1 || port > 65535) {
            throw usageError(option + " must be a port number (1-65535)");
        }
        return port;
    }
}
