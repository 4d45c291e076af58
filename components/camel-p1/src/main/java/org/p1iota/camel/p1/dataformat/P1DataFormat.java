package org.p1iota.camel.p1.dataformat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.spi.annotations.Dataformat;
import org.apache.camel.support.service.ServiceSupport;
import org.p1iota.camel.p1.P1Configuration;
import org.p1iota.camel.p1.P1RejectedFrameException;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.Decoding;
import org.p1iota.camel.p1.parse.StreamDecoder;

/**
 * The {@code p1} data format. Unmarshal: raw P1 bytes (one or more telegrams, noise allowed) to the
 * {@link Telegram} model; one telegram gives a {@link Telegram}, several a {@code List<Telegram>}.
 * Any rejected frame fails the exchange with a {@link P1RejectedFrameException}. Marshal: a
 * {@link Telegram} to its JSON, a list of them to one JSON object per line.
 */
@Dataformat("p1")
public class P1DataFormat extends ServiceSupport implements org.apache.camel.spi.DataFormat, DataFormatName {

    /** The same options, defaults and decoder as the p1 endpoint's (only those that apply to bytes in hand are exposed). */
    private final P1Configuration configuration = new P1Configuration();

    @Override
    public String getDataFormatName() {
        return "p1";
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        if (graph instanceof Iterable<?> telegrams) {
            for (Object telegram : telegrams) {
                marshal(exchange, telegram, stream);
                stream.write('\n');
            }
            return;
        }
        Telegram telegram = exchange.getContext().getTypeConverter().mandatoryConvertTo(Telegram.class, exchange, graph);
        stream.write(TelegramJson.toJson(telegram).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        Decoding result = new Decoding();
        StreamDecoder decoder = configuration.newDecoder(result);
        byte[] buffer = new byte[8192];
        for (int n; (n = stream.read(buffer)) > 0;) {
            decoder.feed(buffer, 0, n);
        }
        decoder.finish();
        if (!result.rejected().isEmpty()) {
            throw new P1RejectedFrameException(result.rejected().get(0));
        }
        List<Telegram> telegrams = result.telegrams();
        if (telegrams.isEmpty()) {
            throw new IllegalArgumentException("no P1 telegram in the input (" + decoder.skippedBytes() + " bytes without \"/\")");
        }
        return telegrams.size() == 1 ? telegrams.get(0) : telegrams;
    }

    public boolean isLenient() {
        return configuration.isLenient();
    }

    /** Parse telegrams with a bad or missing CRC and bad fields anyway (marked), instead of rejecting them. */
    public void setLenient(boolean lenient) {
        configuration.setLenient(lenient);
    }

    public int getMaxTelegramSize() {
        return configuration.getMaxTelegramSize();
    }

    public void setMaxTelegramSize(int maxTelegramSize) {
        configuration.setMaxTelegramSize(maxTelegramSize);
    }

    public String getDecryptionKey() {
        return configuration.getDecryptionKey();
    }

    /** AES-128 key (32 hex digits) for encrypted P1 (Luxembourg, Austria). */
    public void setDecryptionKey(String decryptionKey) {
        configuration.setDecryptionKey(decryptionKey);
    }

    public String getAdditionalAuthenticationData() {
        return configuration.getAdditionalAuthenticationData();
    }

    /**
     * Authentication key (16 bytes hex), full AAD or {@code none}; unset: the Smarty key 00112233...FF, or no AAD
     * for meters that send frames authenticated without one.
     */
    public void setAdditionalAuthenticationData(String additionalAuthenticationData) {
        configuration.setAdditionalAuthenticationData(additionalAuthenticationData);
    }
}
