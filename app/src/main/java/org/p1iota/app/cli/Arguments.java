package org.p1iota.app.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments after a command's name: {@code --name value} options, {@code --flag} switches and
 * positional words. Commands declare which options take a value and which are switches, so that
 * anything else is a usage error instead of being ignored.
 */
public final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued   option names (without {@code --}) that take a value
     * @param switches option names that take none
     */
    public static Arguments parse(List<String> words, Set<String> valued, Set<String> switches) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                String inlineValue = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inlineValue = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= words.size()) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = words.get(++i);
                    }
                    parsed.options.put(name, value);
                } else if (switches.contains(name) && inlineValue == null) {
                    parsed.options.put(name, "true");
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                parsed.positionals.add(word);
            }
        }
        return parsed;
    }

    /** Raw words for commands that hand them on unparsed (roles pass them to camel-main). */
    public static Arguments raw(List<String> words) {
        Arguments parsed = new Arguments();
        parsed.positionals.addAll(words);
        return parsed;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String get(String name) {
        return options.get(name);
    }

    public String get(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public String require(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    public int getInt(String name, int defaultValue) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, not '" + value + "'");
        }
    }

    public List<String> positionals() {
        return Collections.unmodifiableList(positionals);
    }
}
