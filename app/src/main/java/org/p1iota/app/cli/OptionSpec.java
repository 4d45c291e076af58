package org.p1iota.app.cli;

import java.util.Set;

/**
 * Implemented by commands whose arguments the launcher should parse and check: which options take a
 * value and which are switches. Commands without it receive their words unparsed.
 */
public interface OptionSpec {

    Set<String> valuedOptions();

    default Set<String> switchOptions() {
        return Set.of();
    }
}
