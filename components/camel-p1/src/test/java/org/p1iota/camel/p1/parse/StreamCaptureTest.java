package org.p1iota.camel.p1.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/** The 440 kB raw capture of an Iskra AM550: all 566 telegrams, the leading fragment discarded. */
class StreamCaptureTest {

    @Test
    void yieldsEveryTelegramOfTheCapture() {
        JsonNode stream = SharedCorpus.manifest(SharedCorpus.dsmr()).get("streams").get(0);
        byte[] capture = SharedCorpus.bytes(SharedCorpus.dsmr().resolve(stream.get("file").asText()));
        int expected = stream.get("telegrams_complete_with_crc").asInt();

        for (int chunk : new int[] {capture.length, 64, 1}) {
            Decoded decoded = Decoded.chunked(capture, false, chunk);
            assertThat(decoded.telegrams).as("chunk " + chunk).hasSize(expected);
            assertThat(decoded.rejected).as("chunk " + chunk).isEmpty();
            Telegram first = decoded.telegrams.get(0);
            Telegram last = decoded.telegrams.get(expected - 1);
            assertThat(first.timestamp()).isEqualTo(CorpusTelegramTest.timestamp(stream.get("first_timestamp").asText()));
            assertThat(last.timestamp()).isEqualTo(CorpusTelegramTest.timestamp(stream.get("last_timestamp").asText()));
            assertThat(first.header()).isEqualTo(stream.get("headers").get(0).asText());
        }
        TelegramDecoder decoder = new TelegramDecoder(new Decoded(), false);
        decoder.feed(capture);
        assertThat(decoder.skippedBytes()).isGreaterThanOrEqualTo(stream.get("leading_fragment_bytes").asLong());
    }
}
