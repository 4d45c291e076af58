package org.p1iota.camel.p1.frame;

/** Receives what a {@link TelegramFramer} finds in a byte stream, in stream order. */
public interface FrameSink {

    void frame(Frame frame);

    void rejected(RejectedFrame rejected);
}
