package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEverythingThatCouldOpenMarkupOrAnAttribute() {
        assertThat(Html.escape("<img src=x onerror=\"alert('1')\"> & `")).isEqualTo(
                "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &#96;");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("Wattt Insights")).isEqualTo("Wattt Insights");
    }
}
