package org.p1iota.iota.mam;

import java.util.Locale;

/** Who can read a channel: anyone with the root (public, private) or with the root and side key (restricted). */
public enum MamMode {
    /** Masked with the all-9 key, attached at the root itself: anyone who knows the address can read. */
    PUBLIC,
    /** Masked with the all-9 key, attached at Curl-P-81(root): readable with the root only. */
    PRIVATE,
    /** Masked with a side key, attached at Curl-P-81(root): readable with root and side key. */
    RESTRICTED;

    /** {@code public}, {@code private} or {@code restricted}, any case. */
    public static MamMode parse(String text) throws MamException {
        if (text != null) {
            for (MamMode mode : values()) {
                if (mode.name().equalsIgnoreCase(text.trim())) {
                    return mode;
                }
            }
        }
        throw new MamException(MamException.Reason.INVALID_CHANNEL,
                "mode must be public, private or restricted, not '" + text + "'");
    }

    /** The lower-case name the references and the CLI use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
