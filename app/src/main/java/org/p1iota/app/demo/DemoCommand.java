package org.p1iota.app.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.app.consent.secrets.DataDirectory;

/** {@code ./p1-iota demo}: the whole system on this machine, in one process, until Ctrl-C. */
public final class DemoCommand implements Command, OptionSpec {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "everything in one process: node, simulated meter, device, My Home and Wattt Insights";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota demo [--data DIR] [--myhome-port 8080] [--provider-port 8081] [--node-port 14265]
                                      [--meter-port 0] [--mwm 9] [--pace 1000] [--routes DIR]
                  --data           base directory; each role keeps its files in DIR/<role> (default: $P1IOTA_DATA/demo,
                                   else p1-iota-data/demo next to ./p1-iota). A second run reuses it.
                  --myhome-port    My Home's web pages (default 8080)
                  --provider-port  Wattt Insights' web pages and API (default 8081)
                  --node-port      the embedded node's IRI API (default 14265)
                  --meter-port     the simulated meter's TCP port (default: any free port)
                  --mwm            minimum weight magnitude of the node (default 9)
                  --pace           ms between telegrams of the simulated meter (default 1000, as a DSMR 5 meter)
                  --routes         directory of the roles' YAML routes (default: routes/ next to ./p1-iota)""";
    }

    @Override
    public Kind kind() {
        return Kind.ROLE;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("data", "myhome-port", "provider-port", "node-port", "meter-port", "mwm", "pace", "routes");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positionals().get(0) + "'");
        }
        DemoSettings settings = new DemoSettings(
                DataDirectory.resolve("demo", args.get("data"), System.getenv()),
                port(args, "node-port", 14265), port(args, "myhome-port", 8080), port(args, "provider-port", 8081),
                args.getInt("meter-port", 0), args.getInt("mwm", 9), Duration.ofMillis(args.getInt("pace", 1000)), "127.0.0.1");
        Optional<Path> routes = Optional.ofNullable(args.get("routes")).map(Path::of);

        quietFrameworkLogging();
        console.out().println("p1-iota demo: starting (the first start creates seeds and keys)");
        Demo demo = new Demo(settings, routes, console.out()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            console.out().println("p1-iota demo: stopping");
            demo.close();
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        demo.printWelcome();
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

    private static int port(Arguments args, String option, int defaultPort) throws UsageException {
        int port = args.getInt(option, defaultPort);
        if (port < 1 || port > 65535) {
            throw new UsageException("--" + option + " must be a port number (1-65535)");
        }
        return port;
    }
}
