package org.p1iota.app.role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Runs a role on camel-main: settings from {@link RoleSettings}, routes from {@code routes/<role>.yaml}
 * (the {@code --routes} directory, else {@code <p1iota.home>/routes}, else the copy packaged in the
 * jar), the role's beans in the registry. {@link #runUntilStopped()} returns after Ctrl-C/SIGTERM
 * (camel-main's hangup interceptor stops the context gracefully); {@link #start()} is for tests and
 * for roles that embed others.
 */
public final class RoleRunner {

    private final Role role;
    private final RoleSettings settings;
    private final Optional<Path> routesDirectory;

    public RoleRunner(Role role, RoleSettings settings, Optional<Path> routesDirectory) {
        this.role = role;
        this.settings = settings;
        this.routesDirectory = routesDirectory;
    }

    /** Where the role's routes are read from: {@code file:} or {@code classpath:} locations, comma separated. */
    public String routesLocation() {
        return role.routeNames().stream().map(this::routeLocation).collect(java.util.stream.Collectors.joining(","));
    }

    private String routeLocation(String routeName) {
        String file = routeName + ".yaml";
        Optional<Path> directory = routesDirectory.or(() -> Optional.ofNullable(System.getProperty(RoleSettings.HOME_PROPERTY))
                .map(home -> Path.of(home, "routes")));
        return directory.map(d -> d.resolve(file))
                .filter(Files::isRegularFile)
                .map(p -> "file:" + p.toAbsolutePath())
                .orElse("classpath:routes/" + file);
    }

    /** Starts the role and returns at once. */
    public Running start() throws Exception {
        RoleBeans beans = new RoleBeans();
        Main main = prepare(beans);
        try {
            main.start();
        } catch (Exception | Error e) {
            stopQuietly(main);
            beans.close();
            throw e;
        }
        return new Running(main, beans);
    }

    /** Runs the role until the process is asked to stop. */
    public void runUntilStopped() throws Exception {
        try (RoleBeans beans = new RoleBeans()) {
            Main main = prepare(beans);
            main.run();
        }
    }

    private Main prepare(RoleBeans beans) throws Exception {
        org.p1iota.app.ops.Operations.lockDataDirectory(role.name(), settings, beans);
        role.bind(settings, beans);
        Main main = new Main();
        org.p1iota.app.ops.Operations.bind(role.name(), settings, beans, main::getCamelContext);
        main.setOverrideProperties(settings.asProperties());
        main.configure().withName("p1-iota-" + role.name());
        main.configure().withRoutesIncludePattern(routesLocation());
        beans.beans().forEach(main::bind);
        return main;
    }

    private static void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (Exception ignored) {
            // reporting the start failure matters more
        }
    }

    /** A started role; closing stops Camel, then closes the role's resources. */
    public static final class Running implements AutoCloseable {
        private final Main main;
        private final RoleBeans beans;

        Running(Main main, RoleBeans beans) {
            this.main = main;
            this.beans = beans;
        }

        public CamelContext camelContext() {
            return main.getCamelContext();
        }

        public RoleBeans beans() {
            return beans;
        }

        @Override
        public void close() throws Exception {
            try {
                main.stop();
            } finally {
                beans.close();
            }
        }
    }
}
