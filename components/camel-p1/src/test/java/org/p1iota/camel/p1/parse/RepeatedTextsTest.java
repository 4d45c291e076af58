package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reuse never changes a result: the same bytes give the same text, other bytes their own. */
class RepeatedTextsTest {

    private final RepeatedTexts texts = new RepeatedTexts();

    @Test
    void sameBytesGiveTheSameStringAndChangedBytesAFreshOne() {
        String first = get("(4530303334303036)", true);
        assertThat(first).isEqualTo("E0034006");
        assertThat(get("(4530303334303036)", true)).isSameAs(first);
        assertThat(get("(4530303334303037)", true)).isEqualTo("E0034007");
        assertThat(get("(4530303334303036)", true)).isEqualTo("E0034006");
    }

    @Test
    void plainAndHexDecodedTextOfTheSameBytesDoNotMix() {
        assertThat(get("(4A4B)", true)).isEqualTo("JK");
        assertThat(get("(4A4B)", false)).isEqualTo("4A4B");
        assertThat(get("(4A4B)", true)).isEqualTo("JK");
        assertThat(get("()", false)).isEmpty();
    }

    @Test
    void manyDifferentValuesStillDecodeCorrectly() {
        for (int i = 0; i < 100; i++) {
            String hex = String.format("%02X%02X", 0x41 + i % 26, 0x30 + i % 10);
            assertThat(get("(" + hex + ")", true)).isEqualTo("" + (char) (0x41 + i % 26) + (char) (0x30 + i % 10));
            assertThat(get("(" + hex + ")", false)).isEqualTo(hex);
        }
    }

    private String get(String value, boolean hex) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return texts.get(bytes, 1, bytes.length - 1, hex);
    }
}
