package org.p1iota.app.role;

/**
 * A long-running part of p1-iota (device, myhome, provider, node, demo): a name that selects its
 * properties profile and route file, and the beans its routes call.
 */
public interface Role {

    /** Selects {@code application-<name>.properties} and {@code routes/<name>.yaml}. */
    String name();

    /**
     * The route files ({@code routes/<name>.yaml}) this role runs; a role that embeds others (demo)
     * lists theirs too.
     */
    default java.util.List<String> routeNames() {
        return java.util.List.of(name());
    }

    /**
     * Creates the beans the role's routes refer to. Called once the settings are known and before
     * Camel starts; whatever is registered with {@link RoleBeans#closeOnStop} is closed after Camel stopped.
     */
    void bind(RoleSettings settings, RoleBeans beans) throws Exception;
}
