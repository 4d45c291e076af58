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

    FollowBook followBook() throws IOException {
        return getComponent().followBook(Path.of(getStateDirectory(), "iota-mam-" + channel + ".follow.json"));
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
