package org.p1iota.camel.p1.model;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every OBIS line of a telegram as raw text: OBIS code to its value strings (all lines with that code,
 * in telegram order). Read-only. The map is made from the telegram's bytes when someone first asks
 * for it (JSON output, a route reading {@code obis}), so parsing a telegram does not pay for lines and
 * strings nobody reads.
 */
public final class RawObis extends AbstractMap<String, List<String>> {

    /** Reads a telegram's lines into the map; the parser that typed the telegram supplies it. */
    @FunctionalInterface
    public interface Reader {

        /** The unmodifiable map of the telegram {@code bytes[0, bodyLength)}. */
        Map<String, List<String>> read(byte[] bytes, int bodyLength);
    }

    private final byte[] bytes;
    private final int bodyLength;
    private final Reader reader;
    private Map<String, List<String>> materialised;

    /**
     * @param bytes      the telegram, {@code /} first; kept, not copied: the caller must not change it afterwards
     * @param bodyLength bytes from {@code /} through {@code !}
     * @param reader     makes the map when it is first needed
     */
    public RawObis(byte[] bytes, int bodyLength, Reader reader) {
        this.bytes = bytes;
        this.bodyLength = bodyLength;
        this.reader = reader;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return materialise().entrySet();
    }

    @Override
    public List<String> get(Object key) {
        return materialise().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return materialise().containsKey(key);
    }

    @Override
    public int size() {
        return materialise().size();
    }

    private synchronized Map<String, List<String>> materialise() {
        if (materialised == null) {
            materialised = reader.read(bytes, bodyLength);
        }
        return materialised;
    }
}
