package org.p1iota.camel.p1.crypto;

import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.StreamDecoder;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

/**
 * Decoder for encrypted P1 ports: decrypts each DLMS frame and decodes the telegram inside it with a
 * {@link TelegramDecoder} (same CRC and lenient policy). Offsets in rejections are those of the
 * encrypted frame in the stream.
 */
public final class EncryptedTelegramDecoder implements StreamDecoder, DlmsFrameDecryptor.Sink {

    private final DlmsFrameDecryptor decryptor;
    private final TelegramDecoder inner;
    private final TelegramListener listener;
    private long currentFrameOffset;

    public EncryptedTelegramDecoder(DlmsKeys keys, TelegramListener listener, boolean lenient, int maxTelegramSize) {
        this.listener = listener;
        this.decryptor = new DlmsFrameDecryptor(keys, this);
        this.inner = new TelegramDecoder(new TelegramListener() {
            @Override
            public void telegram(Telegram telegram, Frame frame) {
                listener.telegram(telegram, new Frame(frame.bytes(), currentFrameOffset, frame.bodyLength(), frame.crc(),
                        frame.computedCrc()));
            }

            @Override
            public void rejected(RejectedFrame rejected) {
                listener.rejected(new RejectedFrame(rejected.reason(), rejected.detail() + " (in the encrypted frame)",
                        currentFrameOffset, rejected.raw()));
            }
        }, lenient, maxTelegramSize);
    }

    @Override
    public void feed(byte[] data, int offset, int count) {
        decryptor.feed(data, offset, count);
    }

    @Override
    public void finish() {
        decryptor.finish();
    }

    @Override
    public long skippedBytes() {
        return decryptor.skippedBytes();
    }

    @Override
    public void plaintext(byte[] telegram, long frameOffset) {
        currentFrameOffset = frameOffset;
        inner.feed(telegram, 0, telegram.length);
        inner.finish();
    }

    @Override
    public void failed(RejectedFrame frame) {
        listener.rejected(frame);
    }
}
