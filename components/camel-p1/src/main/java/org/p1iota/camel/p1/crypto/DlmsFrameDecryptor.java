package org.p1iota.camel.p1.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;

/**
 * Finds DLMS general-glo-ciphering frames in a byte stream and decrypts them, byte by byte like the
 * telegram framer:
 * {@code 0xDB | title length | system title | 0x82 | length (2, big-endian) | security control |
 * frame counter (4) | ciphertext | GCM tag (12)}. AES-128-GCM with a 96-bit tag; the IV is the system
 * title followed by the frame counter; the AAD is tried as {@link DlmsKeys#aadCandidates} lists. Bytes before {@code 0xDB} are skipped.
 * Not thread-safe: one per stream.
 */
public final class DlmsFrameDecryptor {

    /** Receives decrypted telegrams and frames that failed. */
    public interface Sink {
        void plaintext(byte[] telegram, long frameOffset);

        void failed(RejectedFrame frame);
    }

    private static final int TAG = 0xDB;
    private static final int LONG_LENGTH = 0x82;
    private static final int GCM_TAG_BYTES = 12;
    private static final int HEADER_BYTES = 5; // security control + frame counter
    private static final int MAX_PAYLOAD = 16 * 1024;

    private enum State { SEEK, TITLE_LENGTH, TITLE, LENGTH_TAG, LENGTH, PAYLOAD }

    private final DlmsKeys keys;
    private final Sink sink;
    private State state = State.SEEK;
    private byte[] title;
    private int titleFill;
    private int lengthBytes;
    private int payloadLength;
    private byte[] payload;
    private int payloadFill;
    private long frameOffset;
    private long position;
    private long skipped;
    /** Which of the keys' AAD candidates opened the last frame. */
    private int workingAad;

    public DlmsFrameDecryptor(DlmsKeys keys, Sink sink) {
        this.keys = keys;
        this.sink = sink;
    }

    public void feed(byte[] data, int offset, int count) {
        for (int i = offset; i < offset + count; i++, position++) {
            int b = data[i] & 0xFF;
            switch (state) {
                case SEEK -> {
                    if (b == TAG) {
                        frameOffset = position;
                        state = State.TITLE_LENGTH;
                    } else {
                        skipped++;
                    }
                }
                case TITLE_LENGTH -> {
                    if (b == 0 || b > 16) {
                        fail(RejectReason.DECRYPTION_FAILED, "system title length " + b + " is not 1..16");
                    } else {
                        title = new byte[b];
                        titleFill = 0;
                        state = State.TITLE;
                    }
                }
                case TITLE -> {
                    title[titleFill++] = (byte) b;
                    if (titleFill == title.length) {
                        state = State.LENGTH_TAG;
                    }
                }
                case LENGTH_TAG -> lengthTag(b);
                case LENGTH -> {
                    payloadLength = payloadLength << 8 | b;
                    if (--lengthBytes == 0) {
                        startPayload();
                    }
                }
                case PAYLOAD -> {
                    payload[payloadFill++] = (byte) b;
                    if (payloadFill == payloadLength) {
                        decrypt();
                        state = State.SEEK;
                    }
                }
            }
        }
    }

    /** The stream ended: a frame being read is reported as incomplete. */
    public void finish() {
        if (state != State.SEEK) {
            fail(RejectReason.INCOMPLETE, "input ended inside an encrypted frame");
        }
    }

    public long skippedBytes() {
        return skipped;
    }

    /** A-XDR length: short form below 0x80, else 0x81/0x82 followed by 1 or 2 length bytes. */
    private void lengthTag(int b) {
        payloadLength = 0;
        if (b < 0x80) {
            payloadLength = b;
            startPayload();
        } else if (b == 0x81 || b == LONG_LENGTH) {
            lengthBytes = b - 0x80;
            state = State.LENGTH;
        } else {
            fail(RejectReason.DECRYPTION_FAILED, "length tag 0x" + Integer.toHexString(b) + " is not A-XDR");
        }
    }

    private void startPayload() {
        if (payloadLength < HEADER_BYTES + GCM_TAG_BYTES || payloadLength > MAX_PAYLOAD) {
            fail(RejectReason.DECRYPTION_FAILED, "frame length " + payloadLength + " out of range");
            return;
        }
        payload = new byte[payloadLength];
        payloadFill = 0;
        state = State.PAYLOAD;
    }

    private void decrypt() {
        byte securityControl = payload[0];
        byte[] iv = new byte[title.length + 4];
        System.arraycopy(title, 0, iv, 0, title.length);
        System.arraycopy(payload, 1, iv, title.length, 4);
        List<byte[]> candidates = keys.aadCandidates(securityControl);
        // a meter sends every frame the same way: start with the AAD that opened the last one
        for (int i = 0; i < candidates.size(); i++) {
            int candidate = (workingAad + i) % candidates.size();
            byte[] plain = open(iv, candidates.get(candidate));
            if (plain != null) {
                workingAad = candidate;
                sink.plaintext(plain, frameOffset);
                return;
            }
        }
        sink.failed(new RejectedFrame(RejectReason.DECRYPTION_FAILED,
                "encrypted frame does not authenticate (wrong key or AAD?)", frameOffset, raw()));
    }

    /** The plaintext, or null when the frame does not authenticate with this AAD. */
    private byte[] open(byte[] iv, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.encryptionKey(), "AES"),
                    new GCMParameterSpec(GCM_TAG_BYTES * 8, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(payload, HEADER_BYTES, payloadLength - HEADER_BYTES);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("this JVM cannot run AES-128-GCM", e);
        } catch (GeneralSecurityException e) {
            return null; // AEADBadTagException above all: wrong key or not this AAD
        }
    }

    private byte[] raw() {
        return payload == null ? new byte[0] : Arrays.copyOf(payload, payloadFill);
    }

    private void fail(RejectReason reason, String detail) {
        sink.failed(new RejectedFrame(reason, detail, frameOffset, raw()));
        payload = null;
        state = State.SEEK;
    }
}
