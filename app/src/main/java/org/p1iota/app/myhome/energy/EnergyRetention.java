package org.p1iota.app.myhome.energy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps My Home's database bounded: readings older than {@code myhome.energy.full-detail-days} are
 * thinned to one per {@code myhome.energy.downsample-minutes} (a year at one per 5 minutes is about
 * 105 000 rows a meter, against 31 million at one a second). Totals stay exact at every kept reading,
 * so day, month and year figures do not change; only the per-second detail of old days goes.
 */
public final class EnergyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(EnergyRetention.class);

    private final EnergyStore store;
    private final Clock clock;
    private final Duration fullDetail;
    private final Duration bucket;

    public EnergyRetention(EnergyStore store, Clock clock, Duration fullDetail, Duration bucket) {
        if (bucket.toSeconds() < 1) {
            throw new IllegalArgumentException("myhome.energy.downsample-minutes must be at least 1");
        }
        this.store = store;
        this.clock = clock;
        this.fullDetail = fullDetail;
        this.bucket = bucket;
    }

    /** The timer's step. */
    public int downsample() throws SQLException {
        int removed = store.downsample(clock.instant().minus(fullDetail), bucket.toSeconds());
        if (removed > 0) {
            LOG.info("Downsampled {} readings older than {} to one per {}", removed, fullDetail, bucket);
        }
        return removed;
    }
}
