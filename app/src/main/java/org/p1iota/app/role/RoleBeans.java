package org.p1iota.app.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The beans a role binds into Camel's registry, and the resources to close when the role stops. */
public final class RoleBeans implements AutoCloseable {

    private final Map<String, Object> beans = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public RoleBeans bind(String name, Object bean) {
        if (beans.putIfAbsent(name, bean) != null) {
            throw new IllegalArgumentException("a bean named '" + name + "' is already bound");
        }
        return this;
    }

    /** Closed in reverse order of registration once Camel has stopped. */
    public <T extends AutoCloseable> T closeOnStop(T resource) {
        closeables.add(resource);
        return resource;
    }

    public Map<String, Object> beans() {
        return Collections.unmodifiableMap(beans);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String name, Class<T> type) {
        Object bean = beans.get(name);
        return type.isInstance(bean) ? (T) bean : null;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the role's resources failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        closeables.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
