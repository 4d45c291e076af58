package org.p1iota.app.consent.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.p1iota.app.consent.message.Scope;

/**
 * A scope and a duration as consent-link and form parameters: {@code resolution=QUARTER_HOUR},
 * {@code categories=ENERGY,GAS}, {@code duration=P30D} (ISO-8601). Absent parameters mean: the full
 * scope, no end. Bad values are refused with a message the household can act on.
 */
public final class ScopeParameters {

    /** The longest consent a link may ask for: beyond, the household grants again. */
    public static final Duration MAX_DURATION = Duration.ofDays(3 * 366);

    private ScopeParameters() {
    }

    /** @return null when both are absent (the full scope) */
    public static Scope scope(String resolution, String categories) {
        if ((resolution == null || resolution.isBlank()) && (categories == null || categories.isBlank())) {
            return null;
        }
        Scope.Resolution r;
        try {
            r = resolution == null || resolution.isBlank() ? Scope.Resolution.TELEGRAM
                    : Scope.Resolution.valueOf(resolution.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resolution must be one of TELEGRAM, MINUTE, QUARTER_HOUR, HOUR, DAY");
        }
        List<Scope.Category> list = new ArrayList<>();
        if (categories == null || categories.isBlank()) {
            list.addAll(List.of(Scope.Category.values()));
        } else {
            for (String name : categories.split(",")) {
                try {
                    list.add(Scope.Category.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("categories must be of ENERGY, POWER, PHASES, GAS, IDENTITY");
                }
            }
        }
        return new Scope(r, list);
    }

    /**
     * The household's choice on the consent page: what it names replaces that part of the request, what
     * it leaves out stays as requested. @return null when it names nothing (the request as it is)
     */
    public static Scope choice(Scope requested, String resolution, String categories) {
        if ((resolution == null || resolution.isBlank()) && (categories == null || categories.isBlank())) {
            return null;
        }
        Scope base = requested == null ? Scope.full() : requested;
        return scope(resolution == null || resolution.isBlank() ? base.resolution().name() : resolution,
                categories == null || categories.isBlank() ? categories(base) : categories);
    }

    /** @return null when absent (no end) */
    public static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("duration must be ISO-8601, e.g. P30D or PT2M");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be longer than zero and at most " + MAX_DURATION.toDays() + " days");
        }
        return duration;
    }

    public static String categories(Scope scope) {
        return scope.categories().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The link's query parameters for a scope and a duration ({@code &resolution=...}), or "" for the full scope without end. */
    public static String query(Scope scope, Duration duration) {
        StringBuilder query = new StringBuilder();
        if (scope != null && !scope.isFull()) {
            query.append("&resolution=").append(scope.resolution().name()).append("&categories=").append(categories(scope));
        }
        if (duration != null) {
            query.append("&duration=").append(duration);
        }
        return query.toString();
    }
}
