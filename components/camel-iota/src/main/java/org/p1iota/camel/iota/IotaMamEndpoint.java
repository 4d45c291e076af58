package org.p1iota.camel.iota;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamWriter;
import org.p1iota.camel.iota.state.FollowBook;
import org.p1iota.camel.iota.state.Subscriptions;

/**
 * Publishes exchanges as the messages of a MAM v0 channel (producer), or follows channels and emits
 * each of their messages once and in order (consumer). Channel state and read positions are kept in
 * {@code stateDirectory}, so restarts continue where they stopped.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "iota-mam", title = "IOTA MAM v0 Channels", syntax = "iota-mam:channel",
             category = { Category.IOT }, headersClass = IotaMamConstants.class)
public class IotaMamEndpoint extends TangleEndpointSupport {

    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Name of the channel (producer: the channel published to; consumer: the set of channels followed). */
    @UriPath
    @Metadata(required = true)
    private String channel;

    /** Channel mode: public, private or restricted. */
    @UriParam(defaultValue = "restricted", enums = "public,private,restricted")
    private String mode = "restricted";

    /** Side key of a restricted channel (up to 81 trytes): the producer's initial key, or the consumer's key for root. */
    @UriParam(label = "security", secret = true)
    private String sideKey;

    /** What the producer does; a header can override it per exchange. */
    @UriParam(label = "producer", defaultValue = "publish")
    private IotaMamOperation operation = IotaMamOperation.publish;

    /** The channel owner's seed (81 trytes); prefer seedFile. */
    @UriParam(label = "producer,security", secret = true)
    private String seed;

    /** File holding the channel owner's seed (81 trytes). */
    @UriParam(label = "producer,security")
    private String seedFile;

    /** Security level of the channel's signatures, 1 to 3. */
    @UriParam(label = "producer", defaultValue = "2")
    private int security = 2;

    /** Root to start following from (consumer): subscription 'default', used when none is stored yet. */
    @UriParam(label = "consumer")
    private String root;

    /** Most messages read (emitted, or skipped as docs/components.md says) per followed channel in one poll. */
    @UriParam(label = "consumer", defaultValue = "100")
    private int maxMessagesPerPoll = 100;

    /**
     * Consumer: the longest wait, in ms, before a quiet channel is asked again. A channel that had no
     * new message is asked again after {@code delay}, then twice that, and so on up to this; a message
     * resets it. Fewer addresses per poll for channels that publish rarely, at the cost of up to this
     * much more lag for their next message.
     */
    @UriParam(label = "consumer", defaultValue = "5000", javaType = "java.time.Duration")
    private long maxQuietDelay = 5000;

    /**
     * Consumer: the followed channels are split into this many shards by subscription id, and this
     * consumer reads only shard {@code shard}; the others are read by other consumers (e.g. one
     * {@code master:} route per shard, spread over a cluster). 1: every channel.
     */
    @UriParam(label = "consumer", defaultValue = "1")
    private int shards = 1;

    /**
     * Consumer: how many channels are read at the same time within a poll: checking a message's signature
     * and the route's work (e.g. storing) run on this many threads, one channel each. A channel's own
     * messages stay in order (a channel gets its next read only after its message was processed). More
     * than 1 needs a route and a subscription store that are safe to use from several threads.
     */
    @UriParam(label = "consumer", defaultValue = "1")
    private int parallelChannels = 1;

    /** Consumer: which shard (0 to shards - 1) this consumer reads. */
    @UriParam(label = "consumer", defaultValue = "0")
    private int shard;

    /**
     * Where the followed channels and their positions are kept, instead of the file in stateDirectory:
     * a bean implementing {@link Subscriptions}, e.g. a shared database table, so that several
     * instances continue each other's channels.
     */
    @UriParam(label = "advanced")
    private Subscriptions subscriptions;

    public IotaMamEndpoint(String uri, IotaMamComponent component, IotaNodeConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel name must be 1-64 of [A-Za-z0-9._-]: " + channel);
        }
        MamMode.parse(mode);
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be from 0 to shards - 1 (shards " + shards + "), not " + shard);
        }
    }

    /** Whether subscription {@code id} belongs to this endpoint's shard: a stable hash, the same in every JVM. */
    boolean inShard(String id) {
        return shards == 1 || Math.floorMod(id.hashCode(), shards) == shard;
    }

    @Override
    public IotaMamComponent getComponent() {
        return (IotaMamComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new IotaMamProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        IotaMamConsumer consumer = new IotaMamConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The own channel's durable writer; the seed is needed only the first time (the state file keeps it). */
    MamWriter writer() throws MamException, IOException {
        Path file = Path.of(getStateDirectory(), "iota-mam-" + channel + ".channel");
        ChannelState initial = null;
        String ownerSeed = ownerSeed();
        if (ownerSeed != null) {
            MamMode channelMode = MamMode.parse(mode);
            initial = ChannelState.initial(ownerSeed, channelMode, channelMode == MamMode.RESTRICTED ? sideKey : null, security);
        } else if (!Files.exists(file)) {
            throw new IllegalArgumentException("iota-mam:" + channel + " needs seed or seedFile to publish");
        }
        return getComponent().writer(file, initial);
    }

    private String ownerSeed() throws IOException {
        if (seedFile != null) {
            return Files.readString(Path.of(seedFile), StandardCharsets.US_ASCII).trim();
        }
        return seed;
    }

    Subscriptions followBook() throws IOException {
        if (subscriptions != null) {
            return subscriptions;
        }
        return getComponent().followBook(Path.of(getStateDirectory(), "iota-mam-" + channel + ".follow.json"));
    }

    public long getMaxQuietDelay() {
        return maxQuietDelay;
    }

    public void setMaxQuietDelay(long maxQuietDelay) {
        this.maxQuietDelay = maxQuietDelay;
    }

    public int getParallelChannels() {
        return parallelChannels;
    }

    public void setParallelChannels(int parallelChannels) {
        this.parallelChannels = parallelChannels;
    }

    public int getShards() {
        return shards;
    }

    public void setShards(int shards) {
        this.shards = shards;
    }

    public int getShard() {
        return shard;
    }

    public void setShard(int shard) {
        this.shard = shard;
    }

    public Subscriptions getSubscriptions() {
        return subscriptions;
    }

    public void setSubscriptions(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getSideKey() {
        return sideKey;
    }

    public void setSideKey(String sideKey) {
        this.sideKey = sideKey;
    }

    public IotaMamOperation getOperation() {
        return operation;
    }

    public void setOperation(IotaMamOperation operation) {
        this.operation = operation;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getSeedFile() {
        return seedFile;
    }

    public void setSeedFile(String seedFile) {
        this.seedFile = seedFile;
    }

    public int getSecurity() {
        return security;
    }

    public void setSecurity(int security) {
        this.security = security;
    }

    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }
}
