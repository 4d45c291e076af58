package org.p1iota.app.node;

import java.time.Duration;
import java.util.Locale;

import org.p1iota.app.role.RoleSettings;

/**
 * How long the node keeps transactions (properties {@code node.retention*}, see docs/node.md).
 *
 * @param retention     transactions that arrived longer ago are pruned; zero keeps everything
 * @param interval      time between pruning runs
 * @param compactMillis longest a compaction after a pruning run may hold up stores
 */
public record RetentionSettings(Duration retention, Duration interval, int compactMillis) {

    public RetentionSettings {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("node.retention must not be negative");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("node.retention-check-interval must be positive");
        }
    }

    public static RetentionSettings of(RoleSettings settings) {
        return new RetentionSettings(duration(settings, "node.retention", "30d"),
                duration(settings, "node.retention-check-interval", "1h"),
                (int) Math.min(Integer.MAX_VALUE, duration(settings, "node.retention-compact-time", "10s").toMillis()));
    }

    public boolean prunes() {
        return !retention.isZero();
    }

    /** A number with a unit: {@code 30d}, {@code 12h}, {@code 15m}, {@code 5s}; a bare number is seconds. */
    static Duration duration(RoleSettings settings, String key, String defaultValue) {
        String text = settings.get(key, defaultValue).trim().toLowerCase(Locale.ROOT);
        try {
            char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
            String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1).trim();
            long value = Long.parseLong(number);
            return switch (unit) {
                case 'd' -> Duration.ofDays(value);
                case 'h' -> Duration.ofHours(value);
                case 'm' -> Duration.ofMinutes(value);
                case 's' -> Duration.ofSeconds(value);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException(text);
                    }
                    yield Duration.ofSeconds(value);
                }
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("property " + key + " needs a duration such as 30d, 12h, 15m or 5s, not '"
                    + text + "'");
        }
    }
}
