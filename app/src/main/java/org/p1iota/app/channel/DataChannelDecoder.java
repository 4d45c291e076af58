package org.p1iota.app.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.channel.DataV2Exception.Reason;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.DataChannelMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.iota.tangle.TryteCodec;
import org.p1iota.camel.p1.dataformat.TelegramJson;
import org.p1iota.camel.p1.parse.Decoding;
import org.p1iota.camel.p1.parse.TelegramDecoder;

/**
 * Reads a data channel message from its MAM message trytes: DATA v2 ({@link DataV2Codec}), or the
 * JSON messages (KEY_ROTATION, and DATA v1 still on older channels). A DATA v2 telegram is re-parsed
 * with the p1 parser the device used, strictly, so its CRC is checked again and the values a reader
 * stores come from the meter's own bytes, not from a second copy that could disagree with them.
 * Thread-safe.
 */
public final class DataChannelDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtocolCodec codec = new ProtocolCodec();

    /** @throws ProtocolException for an unreadable JSON message, with its reason */
    public DataChannelMessage decode(String trytes) throws ProtocolException, DataV2Exception {
        if (DataV2Codec.isDataV2(trytes)) {
            return toData(DataV2Codec.decode(trytes));
        }
        String json;
        try {
            json = TryteCodec.decodeText(trytes == null ? "" : trytes);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "neither DATA v2 nor text: " + e.getMessage(), e);
        }
        return codec.decode(json, DataChannelMessage.class);
    }

    /** The batch with every telegram parsed, in the form readers store (sequence, raw text, parsed JSON). */
    public static Data toData(TelegramBatch batch) throws DataV2Exception {
        List<Telegram> telegrams = new ArrayList<>(batch.telegrams().size());
        long sequence = batch.firstSequence();
        for (byte[] raw : batch.telegrams()) {
            telegrams.add(parse(sequence++, raw));
        }
        return new Data(batch.device(), telegrams);
    }

    static Telegram parse(long sequence, byte[] raw) throws DataV2Exception {
        Decoding result = new Decoding();
        // up to the protocol's limit, not the parser's 4 kB default: a device may allow larger telegrams
        TelegramDecoder decoder = new TelegramDecoder(result, false, Telegram.MAX_RAW);
        decoder.feed(raw);
        decoder.finish();
        if (!result.rejected().isEmpty()) {
            throw new DataV2Exception(Reason.BAD_TELEGRAM, "telegram " + sequence + " is refused by the p1 parser: "
                    + result.rejected().get(0).describe());
        }
        if (result.telegrams().size() != 1) {
            throw new DataV2Exception(Reason.BAD_TELEGRAM, "telegram " + sequence + " holds " + result.telegrams().size()
                    + " telegrams, not 1");
        }
        try {
            JsonNode parsed = JSON.readTree(TelegramJson.toJson(result.telegrams().get(0)));
            return new Telegram(sequence, new String(raw, StandardCharsets.ISO_8859_1), parsed);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new DataV2Exception(Reason.BAD_TELEGRAM, "telegram " + sequence + ": " + e.getMessage(), e);
        }
    }
}
