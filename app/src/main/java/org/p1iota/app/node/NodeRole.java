package org.p1iota.app.node;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleBeans;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.iota.pow.ProofOfWork;
import org.p1iota.iota.pow.ProofOfWorkEngines;
import org.p1iota.iota.pow.TangleAttacher;

/**
 * The {@code node} role: the embedded IOTA node. Binds {@code iriHttpEndpoint} (used by
 * {@code routes/node.yaml}), the {@code tangleStore} and the {@code proofOfWork} engine.
 * Another role that wants a faster engine binds its own {@code proofOfWork} bean before this role
 * binds (see {@link #bind}) or names a class in {@code node.pow-engine}.
 */
public final class NodeRole implements Role {

    public static final String NAME = "node";

    @Override
    public String name() {
        return NAME;
    }

    public static NodeSettings settings(RoleSettings settings) {
        Set<String> trusted = Arrays.stream(settings.get("node.trusted-hosts", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new NodeSettings(
                settings.dataDirectory().resolve(settings.get("node.data-subdirectory", "node")),
                settings.getInt("node.mwm", 9),
                settings.getLong("node.snapshot-timestamp", 1_517_180_400L),
                settings.getInt("node.max-depth", 15),
                settings.getInt("node.confirmation-approvers", 1),
                settings.getInt("node.pow-threads", 0),
                new AttachLimits(settings.getInt("node.max-mwm", AttachLimits.DEFAULT_MAX_MWM),
                        Duration.ofSeconds(settings.getLong("node.attach-timeout-seconds", AttachLimits.DEFAULT_TIMEOUT.toSeconds())),
                        settings.getInt("node.max-concurrent-attaches", 1),
                        settings.getInt("node.max-queued-attaches", AttachLimits.DEFAULT_MAX_QUEUED)),
                trusted,
                settings.getBoolean("node.sync-on-commit", true));
    }

    @Override
    public void bind(RoleSettings roleSettings, RoleBeans beans) throws Exception {
        NodeSettings settings = settings(roleSettings);
        ProofOfWork pow = beans.get("proofOfWork", ProofOfWork.class);
        if (pow == null) {
            pow = ProofOfWorkEngines.create(roleSettings.get("node.pow-engine", ProofOfWorkEngines.BITSLICED), settings.powThreads());
            beans.bind("proofOfWork", pow);
            if (pow instanceof AutoCloseable closeable) {
                beans.closeOnStop(closeable); // stops a search still running when the role stops
            }
        }
        TangleStore store = beans.closeOnStop(new TangleStore(settings.dataDirectory(), settings.syncOnCommit()));
        beans.bind("tangleStore", store);
        RetentionSettings retention = RetentionSettings.of(roleSettings);
        TanglePruner pruner = beans.closeOnStop(new TanglePruner(store, retention.retention(), retention.compactMillis(),
                Clock.systemUTC()));
        beans.bind("tanglePruner", pruner.start(retention.interval()));
        TransactionValidator validator = new TransactionValidator(settings.minWeightMagnitude(),
                settings.snapshotTimestamp(), Clock.systemUTC());
        AttachCommands attach = beans.closeOnStop(new AttachCommands(new TangleAttacher(pow), validator,
                settings.attachLimits()));

        Map<String, IriCommand> commands = new HashMap<>();
        commands.put("getNodeInfo", new NodeInfoCommand(store, pruner));
        commands.put("findTransactions", new FindTransactionsCommand(store));
        new TransactionCommands(store, validator).register(commands);
        new TangleCommands(store, new TipSelector(store), settings).register(commands);
        attach.register(commands);
        beans.bind("iriHttpEndpoint", new IriHttpEndpoint(new IriApi(commands), settings.trustedHosts()));
    }
}
