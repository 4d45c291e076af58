package org.p1iota.app.tools.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.p1iota.app.cli.Console;
import org.p1iota.app.role.RoleSettings;

/**
 * {@code bench provider --instances N --kill-after S}: the provider instances run in child JVMs on one
 * PostgreSQL and one ZooKeeper, the simulated devices publish on the embedded node for the whole
 * duration, and after S seconds the instance leading the most shards (or {@code --kill-instance})
 * gets SIGKILL. Measures what issue 18's failover target asks: lost and duplicated readings against
 * what the devices published, and how the killed instance's households' lag recovers
 * ({@link FailoverReport}).
 */
final class FailoverBench {

    /** The SIGKILL: when, whom, which shards it led, and when ZooKeeper showed them all led by others. */
    record Kill(Instant at, double secondsIntoRun, String instance, int exitCode, Set<Integer> shards, Map<Integer, String> leadersBefore,
            double takeoverSeconds, double cpuSeconds) {
    }

    private static final String INSTANCE_ID = "bench-";

    private final ProviderBenchCommand settings;
    private final String basePath = "/p1-iota-bench/" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);

    FailoverBench(ProviderBenchCommand settings) {
        this.settings = settings;
    }

    void run(Console console, Path data, String nodeUrl, Feeder feeder, List<SimulatedHouseholds.Simulated> households,
            CountingNodeProxy proxy) throws Exception {
        List<ProviderInstance> instances = new ArrayList<>();
        try (ReadingInsertAttempts attempts = ReadingInsertAttempts.install(settings.databaseUrl);
                ShardLeaders leaders = new ShardLeaders(settings.zookeeper, basePath, settings.shards)) {
            for (int i = 0; i < settings.instances; i++) {
                instances.add(ProviderInstance.launch(data.resolve("p" + i), System.getProperty("java.class.path"), routes(),
                        List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), properties(i, nodeUrl)));
            }
            for (ProviderInstance instance : instances) {
                instance.awaitReady(Duration.ofSeconds(120));
            }
            Map<Integer, String> led = awaitAllLed(leaders, Set.of(), 60);
            console.out().printf("  %d instances (child JVMs, pids %s), %d shards led: %s%n", instances.size(),
                    instances.stream().map(ProviderInstance::pid).toList(), settings.shards, led);
            AtomicReference<Kill> kill = new AtomicReference<>();
            AtomicReference<Exception> killFailed = new AtomicReference<>();
            long started = System.nanoTime();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, started + settings.killAfter * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                    kill.set(kill(leaders, instances, started));
                } catch (Exception e) {
                    killFailed.set(e);
                }
            }, "bench-killer");
            killer.start();
            long callsBefore = proxy.totalCalls();
            feeder.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            long calls = proxy.totalCalls() - callsBefore;
            killer.join();
            if (killFailed.get() != null) {
                throw killFailed.get();
            }
            String url = settings.databaseUrl;
            Map<String, Map<Long, Instant>> stored = ProviderBenchCommand.awaitStored(url, feeder, settings.telegrams, settings.wait);
            Thread.sleep(2000); // anything stored again late would still show in the attempts
            ReadingInsertAttempts.Count count = attempts.count();
            stored = ProviderBenchCommand.storedAt(url);
            Set<String> victims = new TreeSet<>();
            for (SimulatedHouseholds.Simulated household : households) {
                if (kill.get().shards().contains(ShardLeaders.shardOf(household.id(), settings.shards))) {
                    victims.add(household.id());
                }
            }
            new FailoverReport(console, settings.telegrams).print(feeder.publications(), stored, count, kill.get(), victims, seconds,
                    calls, proxy.callsByCommand());
            double cpu = 0;
            for (ProviderInstance instance : instances) {
                cpu += instance.alive() ? instance.cpuSeconds() : 0;
            }
            console.out().printf("  CPU of the surviving instance(s) over their life: %.1f s; of the killed one until the kill: %.1f s%n",
                    cpu, kill.get().cpuSeconds());
        } finally {
            for (ProviderInstance instance : instances) {
                if (instance.alive()) {
                    instance.stop();
                }
            }
        }
    }

    private Kill kill(ShardLeaders leaders, List<ProviderInstance> instances, long runStarted) throws Exception {
        Map<Integer, String> before = leaders.leaders();
        String victim = settings.killInstance >= 0 ? INSTANCE_ID + settings.killInstance : mostLeading(before);
        ProviderInstance instance = instances.get(Integer.parseInt(victim.substring(INSTANCE_ID.length())));
        Set<Integer> shards = new TreeSet<>();
        before.forEach((shard, leader) -> {
            if (leader.equals(victim)) {
                shards.add(shard);
            }
        });
        double cpu = instance.cpuSeconds();
        Instant at = Instant.now();
        long killed = System.nanoTime();
        int exit = instance.kill();
        awaitAllLed(leaders, Set.of(victim), 300);
        return new Kill(at, (killed - runStarted) / 1e9, victim, exit, shards, before, (System.nanoTime() - killed) / 1e9, cpu);
    }

    private static String mostLeading(Map<Integer, String> leaders) {
        Map<String, Integer> counts = new HashMap<>();
        leaders.values().forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Waits until every shard has a leader that is not one of {@code gone}. */
    private Map<Integer, String> awaitAllLed(ShardLeaders leaders, Set<String> gone, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            Map<Integer, String> led = leaders.leaders();
            if (led.size() == settings.shards && led.values().stream().noneMatch(gone::contains)) {
                return led;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("shards not all led within " + seconds + " s (without " + gone + "): " + led);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, String> properties(int index, String nodeUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put(RoleSettings.NODE_URL, nodeUrl);
        properties.put(RoleSettings.MWM, String.valueOf(ProviderBenchCommand.MWM));
        properties.put("provider.follow-delay", String.valueOf(settings.followDelay));
        properties.put("provider.max-quiet-delay", String.valueOf(settings.maxQuietDelay));
        properties.put("provider.database.url", settings.databaseUrl);
        properties.put("provider.cluster.zookeeper", settings.zookeeper);
        properties.put("provider.cluster.base-path", basePath);
        properties.put("provider.cluster.shards", String.valueOf(settings.shards));
        properties.put("provider.cluster.instance-id", INSTANCE_ID + index);
        if (settings.sessionTimeoutMs > 0) {
            properties.put("provider.cluster.session-timeout-ms", String.valueOf(settings.sessionTimeoutMs));
        }
        return properties;
    }

    /** The routes the in-JVM roles would read: next to the launcher ({@code p1iota.home}), else the packaged copy. */
    private static Optional<Path> routes() {
        return Optional.ofNullable(System.getProperty(RoleSettings.HOME_PROPERTY)).map(home -> Path.of(home, "routes"));
    }
}
