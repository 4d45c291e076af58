package org.p1iota.app.consent.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a consent discloses: how often ({@link Resolution}) and which {@link Category categories} of
 * the meter's data. The full scope (every telegram, every category) is the raw DATA channel; every
 * other scope is a channel of its own carrying computed {@link Readings}. Categories are kept sorted,
 * so one scope has one wire form and one channel name.
 */
public record Scope(Resolution resolution, List<Category> categories) {

    /** How often a scope reports: each telegram, or one record per interval of the meter's local time. */
    public enum Resolution {
        TELEGRAM(Duration.ZERO, "every telegram (about once a second)"),
        MINUTE(Duration.ofMinutes(1), "once a minute"),
        QUARTER_HOUR(Duration.ofMinutes(15), "every 15 minutes"),
        HOUR(Duration.ofHours(1), "every hour"),
        DAY(Duration.ofDays(1), "once a day");

        private final Duration interval;
        private final String words;

        Resolution(Duration interval, String words) {
            this.interval = interval;
            this.words = words;
        }

        /** The interval length; zero for {@link #TELEGRAM}. */
        public Duration interval() {
            return interval;
        }

        public String words() {
            return words;
        }
    }

    /** The kinds of data a scope may include. */
    public enum Category {
        ENERGY("electricity meter readings per tariff (kWh taken and fed in)"),
        POWER("electricity power taken and fed in (kW)"),
        PHASES("voltage, current and power per phase"),
        GAS("gas meter readings (m³)"),
        IDENTITY("the meters' equipment ids");

        private final String words;

        Category(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Scope {
        Check.present("resolution", resolution);
        Check.present("categories", categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categories must name at least one category");
        }
        Set<Category> set = EnumSet.noneOf(Category.class);
        for (Category category : categories) {
            set.add(Check.present("categories[]", category));
        }
        categories = List.copyOf(set);
    }

    /** Every telegram, every category: today's raw DATA channel. Also what a policy without scope (v1, v2) holds. */
    public static Scope full() {
        return new Scope(Resolution.TELEGRAM, List.of(Category.values()));
    }

    public static Scope of(Resolution resolution, Category... categories) {
        return new Scope(resolution, List.of(categories));
    }

    @JsonIgnore // not a field on the wire
    public boolean isFull() {
        return equals(full());
    }

    public boolean includes(Category category) {
        return categories.contains(category);
    }

    /** Whether this scope discloses no more than {@code other}: the same or a coarser resolution, a subset of its categories. */
    public boolean within(Scope other) {
        return resolution.interval().compareTo(other.resolution.interval()) >= 0 && other.categories.containsAll(categories);
    }

    /** The MAM channel name of this scope on the device ({@code iota-mam:} names: [A-Za-z0-9._-], ≤ 64). */
    public String channelName() {
        return "scope-" + resolution.name() + "-" + categories.stream().map(Enum::name).collect(Collectors.joining("."));
    }

    /** The scope in plain words, e.g. "every 15 minutes: electricity meter readings per tariff (kWh ...)". */
    public String words() {
        List<String> parts = new ArrayList<>();
        categories.forEach(c -> parts.add(c.words()));
        return resolution.words() + ": " + String.join("; ", parts);
    }
}
