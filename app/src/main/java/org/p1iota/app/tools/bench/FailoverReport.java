package org.p1iota.app.tools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.p1iota.app.cli.Console;

/**
 * What {@code bench provider --kill-after} prints: every published message checked against the
 * readings table (lost: a telegram of it not stored within the wait; duplicated: rows per (household,
 * sequence) over one, and storage attempts beyond the rows), lag before the SIGKILL, and for the
 * killed instance's households how long their lag stayed high and what it is for what they publish after.
 * Lag is Feeder's: when the first telegram of a message was stored minus when the node accepted it.
 */
final class FailoverReport {

    /** Over this the target counts the lag as not recovered. */
    private static final double RECOVERED_BELOW_SECONDS = 30;

    private final Console console;
    private final int telegrams;

    FailoverReport(Console console, int telegrams) {
        this.console = console;
        this.telegrams = telegrams;
    }

    void print(List<Feeder.Published> published, Map<String, Map<Long, Instant>> stored, ReadingInsertAttempts.Count count,
            FailoverBench.Kill kill, Set<String> victims, double seconds, long calls, Map<String, Long> callsByCommand) {
        long expected = (long) published.size() * telegrams;
        long lost = 0;
        for (Feeder.Published p : published) {
            Map<Long, Instant> household = stored.getOrDefault(p.household(), Map.of());
            for (long s = p.firstSequence(); s < p.firstSequence() + telegrams; s++) {
                lost += household.containsKey(s) ? 0 : 1;
            }
        }
        console.out().printf("  published %d messages (%d readings) in %.0f s; readings stored %d; lost %d (published, not stored "
                + "within the wait); not published but stored %d%n", published.size(), expected, seconds, count.rows(), lost,
                count.rows() - (expected - lost));
        console.out().printf("  duplicated: %d rows beyond one per (household, sequence); storage attempts %d = rows + %d "
                + "(stored again, dropped by the unique key: a BEFORE INSERT trigger counts every attempt)%n",
                count.duplicateRows(), count.attempts(), count.extraAttempts());
        List<Double> before = new ArrayList<>();
        for (Feeder.Published p : published) {
            Instant at = firstStored(p, stored);
            if (at != null && at.isBefore(kill.at())) {
                before.add(lag(p, at));
            }
        }
        console.out().printf("  before the SIGKILL (messages stored before it): lag %s%n", lags(before));
        console.out().printf("  SIGKILL of %s (exit %d) %.1f s into the run: it led shards %s of %s, %d households; ZooKeeper "
                + "showed every shard led by another instance %.1f s after the kill%n", kill.instance(), kill.exitCode(),
                kill.secondsIntoRun(), kill.shards(), kill.leadersBefore(), victims.size(), kill.takeoverSeconds());
        printVictims(published, stored, kill, victims);
        List<Double> victimsAfter = new ArrayList<>();
        List<Double> othersAfter = new ArrayList<>();
        for (Feeder.Published p : published) {
            Instant at = firstStored(p, stored);
            if (at != null && p.at().isAfter(kill.at())) {
                (victims.contains(p.household()) ? victimsAfter : othersAfter).add(lag(p, at));
            }
        }
        console.out().printf("  published after the kill: the killed instance's households lag %s; the others' lag %s%n",
                lags(victimsAfter), lags(othersAfter));
        console.out().printf("  provider node calls: %.1f/s: %s%n", calls / seconds, callsByCommand);
    }

    /** Time until their lag is back below 30 s, and until their backlog of the kill is stored. */
    private void printVictims(List<Feeder.Published> published, Map<String, Map<Long, Instant>> stored, FailoverBench.Kill kill,
            Set<String> victims) {
        Instant lastHigh = null;
        Instant backlogStored = kill.at();
        double maxLag = 0;
        int inFlight = 0;
        for (Feeder.Published p : published) {
            Instant at = firstStored(p, stored);
            if (!victims.contains(p.household()) || at == null || at.isBefore(kill.at())) {
                continue;
            }
            double lag = lag(p, at);
            maxLag = Math.max(maxLag, lag);
            if (lag >= RECOVERED_BELOW_SECONDS && (lastHigh == null || at.isAfter(lastHigh))) {
                lastHigh = at;
            }
            if (!p.at().isAfter(kill.at())) {
                inFlight++;
                backlogStored = at.isAfter(backlogStored) ? at : backlogStored;
            }
        }
        String recovery = lastHigh == null
                ? String.format("their lag stayed below %.0f s", RECOVERED_BELOW_SECONDS)
                : String.format("their lag was back below %.0f s %.1f s after the kill (when the last message over it was stored)",
                        RECOVERED_BELOW_SECONDS, seconds(kill.at(), lastHigh));
        console.out().printf("  the killed instance's households: %s; max lag after the kill %.1f s; %d messages in flight at the "
                + "kill (published before, stored after), all stored %.1f s after the kill%n", recovery, maxLag, inFlight,
                seconds(kill.at(), backlogStored));
    }

    private static Instant firstStored(Feeder.Published p, Map<String, Map<Long, Instant>> stored) {
        return stored.getOrDefault(p.household(), Map.of()).get(p.firstSequence());
    }

    private static double lag(Feeder.Published p, Instant stored) {
        return Math.max(0, seconds(p.at(), stored));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Median, p95 and max of a list of lags, as printed. */
    private static String lags(List<Double> lags) {
        if (lags.isEmpty()) {
            return "(no messages)";
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("median %.2f s, p95 %.2f s, max %.2f s (%d messages)", ProviderBenchCommand.percentile(sorted, 0.5),
                ProviderBenchCommand.percentile(sorted, 0.95), sorted[sorted.length - 1], sorted.length);
    }
}
