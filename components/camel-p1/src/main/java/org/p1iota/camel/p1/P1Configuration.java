package org.p1iota.camel.p1;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.p1iota.camel.p1.crypto.DlmsKeys;
import org.p1iota.camel.p1.crypto.EncryptedTelegramDecoder;
import org.p1iota.camel.p1.parse.StreamDecoder;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;
import org.p1iota.camel.p1.frame.TelegramFramer;
import org.p1iota.camel.p1.source.DsmrProfile;
import org.p1iota.camel.p1.source.SerialSettings;

/** The options of a p1 endpoint. */
@UriParams
public class P1Configuration implements Cloneable {

    @UriParam(label = "serial", defaultValue = "AUTO",
              description = "Serial settings by DSMR version: DSMR22 and DSMR3 (9600 7E1), DSMR4 (115200 8N1, then 7E1),"
                            + " DSMR5 (115200 8N1), or AUTO, which tries each until one yields valid telegrams."
                            + " baudRate, dataBits, parity and stopBits override it.")
    private DsmrProfile profile = DsmrProfile.AUTO;
    @UriParam(label = "serial", description = "Baud rate; overrides the profile (e.g. 115200 or 9600)")
    private Integer baudRate;
    @UriParam(label = "serial", description = "Data bits (7 or 8); overrides the profile")
    private Integer dataBits;
    @UriParam(label = "serial", enums = "NONE,EVEN,ODD", description = "Parity; overrides the profile")
    private SerialSettings.Parity parity;
    @UriParam(label = "serial", description = "Stop bits (1 or 2); overrides the profile")
    private Integer stopBits;
    @UriParam(label = "serial", defaultValue = "12000",
              description = "With several candidate settings: how long (ms) a setting may go without a valid telegram"
                            + " before the next one is tried. DSMR 2/3 meters send every 10 s, DSMR 5 every second.")
    private long autoDetectTimeout = 12000;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "File replay: pause (ms) after each telegram, e.g. 1000 to replay at the pace of a DSMR 5 meter."
                            + " 0 replays as fast as routes take them.")
    private long pace;
    @UriParam(label = "consumer", defaultValue = "false", description = "File replay: start again at the end of the file")
    private boolean repeat;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Parse telegrams with a wrong or missing CRC and lines that do not fit their OBIS code anyway,"
                            + " marked (crc = invalid/absent, fieldErrors), instead of rejecting them")
    private boolean lenient;
    @UriParam(label = "advanced", defaultValue = "" + TelegramFramer.DEFAULT_MAX_TELEGRAM_SIZE,
              description = "Telegrams longer than this many bytes are rejected as oversize (memory stays bounded)")
    private int maxTelegramSize = TelegramFramer.DEFAULT_MAX_TELEGRAM_SIZE;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "First wait (ms) before reopening a lost or missing source; doubles per failure")
    private long reconnectDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "30000", description = "Longest wait (ms) between reopen attempts")
    private long maxReconnectDelay = 30000;
    @UriParam(label = "consumer", defaultValue = "60000",
              description = "A live source (serial, TCP) silent for this long (ms) is reopened; 0 waits forever")
    private long readTimeout = 60000;
    @UriParam(label = "advanced", defaultValue = "200",
              description = "How long (ms) one read waits for data before checking for a stop or a silent line")
    private int pollInterval = 200;
    @UriParam(label = "advanced", defaultValue = "5000", description = "TCP connect timeout (ms)")
    private int connectTimeout = 5000;

    @UriParam(label = "security", secret = true,
              description = "AES-128 key (32 hex digits) of an encrypted P1 port (Luxembourg Smarty, Austrian meters);"
                            + " set it and every frame is decrypted before framing")
    @Metadata(secret = true)
    private String decryptionKey;
    @UriParam(label = "security", secret = true,
              description = "Authentication key (32 hex digits; the frame's security control byte is put in front), the"
                            + " full AAD, or 'none' for meters that authenticate frames with no additional data. Unset:"
                            + " the default key 00112233445566778899AABBCCDDEEFF, and frames without AAD are accepted too")
    @Metadata(secret = true)
    private String additionalAuthenticationData;

    public DsmrProfile getProfile() {
        return profile;
    }

    public void setProfile(DsmrProfile profile) {
        this.profile = profile;
    }

    public Integer getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(Integer baudRate) {
        this.baudRate = baudRate;
    }

    public Integer getDataBits() {
        return dataBits;
    }

    public void setDataBits(Integer dataBits) {
        this.dataBits = dataBits;
    }

    public SerialSettings.Parity getParity() {
        return parity;
    }

    public void setParity(SerialSettings.Parity parity) {
        this.parity = parity;
    }

    public Integer getStopBits() {
        return stopBits;
    }

    public void setStopBits(Integer stopBits) {
        this.stopBits = stopBits;
    }

    public long getAutoDetectTimeout() {
        return autoDetectTimeout;
    }

    public void setAutoDetectTimeout(long autoDetectTimeout) {
        this.autoDetectTimeout = autoDetectTimeout;
    }

    public long getPace() {
        return pace;
    }

    public void setPace(long pace) {
        this.pace = pace;
    }

    public boolean isRepeat() {
        return repeat;
    }

    public void setRepeat(boolean repeat) {
        this.repeat = repeat;
    }

    public boolean isLenient() {
        return lenient;
    }

    public void setLenient(boolean lenient) {
        this.lenient = lenient;
    }

    public int getMaxTelegramSize() {
        return maxTelegramSize;
    }

    public void setMaxTelegramSize(int maxTelegramSize) {
        this.maxTelegramSize = maxTelegramSize;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(int pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getDecryptionKey() {
        return decryptionKey;
    }

    public void setDecryptionKey(String decryptionKey) {
        this.decryptionKey = decryptionKey;
    }

    public String getAdditionalAuthenticationData() {
        return additionalAuthenticationData;
    }

    public void setAdditionalAuthenticationData(String additionalAuthenticationData) {
        this.additionalAuthenticationData = additionalAuthenticationData;
    }

    /**
     * A decoder for one stream with these options: plain, or decrypting first when a key is set.
     *
     * @throws IllegalArgumentException when the key or the AAD is malformed
     */
    public StreamDecoder newDecoder(TelegramListener listener) {
        if (decryptionKey != null) {
            return new EncryptedTelegramDecoder(DlmsKeys.fromHex(decryptionKey, additionalAuthenticationData), listener,
                    lenient, maxTelegramSize);
        }
        return new TelegramDecoder(listener, lenient, maxTelegramSize);
    }

    /** A copy for one endpoint, so that its own options leave the component's untouched. */
    public P1Configuration copy() {
        try {
            return (P1Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
