package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every page under web/ must work under the Content-Security-Policy: no inline script, no inline
 * event handler, no inline style, no javascript: URL, nothing from another origin; every script and
 * stylesheet it names must exist; and scripts never build markup from strings.
 */
class WebPagesTest {

    /** The classpath roots each app serves, as its StaticAssets is built. */
    static final Map<String, List<String>> APPS = Map.of(
            "myhome", List.of("web/myhome", "web/common"),
            "wattt", List.of("web/wattt", "web/common"));
    private static final Pattern MARKUP_FROM_STRINGS = Pattern.compile(
            "\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(");

    static Path webRoot() throws URISyntaxException {
        return Path.of(WebPagesTest.class.getClassLoader().getResource("web").toURI());
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> walk = Files.walk(webRoot())) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** What is wrong with one page under the CSP; empty when nothing. */
    static List<String> violations(Document page) {
        List<String> problems = new ArrayList<>();
        for (Element script : page.select("script")) {
            if (!script.hasAttr("src")) {
                problems.add("inline <script>");
            } else if (!isLocal(script.attr("src"))) {
                problems.add("script from elsewhere: " + script.attr("src"));
            }
        }
        if (!page.select("style").isEmpty()) {
            problems.add("inline <style>");
        }
        Set<String> ids = new HashSet<>();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase();
                String value = attribute.getValue().strip().toLowerCase();
                if (name.startsWith("on")) {
                    problems.add("inline event handler " + name + " on <" + element.tagName() + ">");
                }
                if (name.equals("style")) {
                    problems.add("inline style on <" + element.tagName() + ">");
                }
                if ((name.equals("href") || name.equals("src") || name.equals("action")) && value.startsWith("javascript:")) {
                    problems.add("javascript: URL in " + name);
                }
            }
            if (element.hasAttr("id") && !ids.add(element.id())) {
                problems.add("duplicate id " + element.id());
            }
        }
        for (Element link : page.select("link[href]")) {
            if (!isLocal(link.attr("href"))) {
                problems.add("stylesheet from elsewhere: " + link.attr("href"));
            }
        }
        Element status = page.getElementById("status");
        if (status == null || !"status".equals(status.attr("data-testid"))) {
            problems.add("no visible status element #status[data-testid=status]");
        }
        return problems;
    }

    private static boolean isLocal(String url) {
        return url.startsWith("/") && !url.startsWith("//");
    }

    @Test
    void theRulesCatchWhatTheyForbid() {
        Document bad = Jsoup.parse("<html><head><script>alert(1)</script><script src=\"https://cdn.example/x.js\"></script>"
                + "<style>p{}</style><link rel=stylesheet href=\"//cdn.example/x.css\"></head><body>"
                + "<button onclick=\"go()\" style=\"color:red\" id=a>x</button><a id=a href=\" JavaScript:go()\">y</a></body></html>");

        assertThat(violations(bad)).containsExactlyInAnyOrder("inline <script>",
                "script from elsewhere: https://cdn.example/x.js", "inline <style>", "inline event handler onclick on <button>",
                "inline style on <button>", "javascript: URL in href", "duplicate id a",
                "stylesheet from elsewhere: //cdn.example/x.css", "no visible status element #status[data-testid=status]");
    }

    @Test
    void everyPageWorksUnderTheContentSecurityPolicy() throws Exception {
        List<Path> pages = files(".html");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        for (Path page : pages) {
            Document document = Jsoup.parse(page.toFile(), "UTF-8");
            assertThat(violations(document)).as(webRoot().relativize(page).toString()).isEmpty();
            assertThat(document.selectFirst("meta[charset]")).as(page + " declares its charset").isNotNull();
        }
    }

    @Test
    void everyScriptAndStylesheetAPageNamesIsServed() throws Exception {
        for (Map.Entry<String, List<String>> app : APPS.entrySet()) {
            try (Stream<Path> walk = Files.walk(webRoot().resolve(app.getKey()))) {
                for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                    Document document = Jsoup.parse(page.toFile(), "UTF-8");
                    for (Element asset : document.select("script[src], link[href]")) {
                        String url = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
                        assertThat(served(app.getValue(), url)).as(page.getFileName() + " → " + url).isTrue();
                    }
                }
            }
        }
    }

    private static boolean served(List<String> roots, String url) {
        return StaticAssets.fileName(url).map(name -> roots.stream()
                .anyMatch(root -> WebPagesTest.class.getClassLoader().getResource(root + "/" + name) != null)).orElse(false);
    }

    @Test
    void scriptsNeverBuildMarkupFromStrings() throws Exception {
        List<Path> scripts = files(".js");
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            Matcher matcher = MARKUP_FROM_STRINGS.matcher(Files.readString(script));
            assertThat(matcher.find()).as(script.getFileName() + " uses " + (matcher.hitEnd() ? "" : matcher.group())).isFalse();
        }
    }

    @Test
    void theWebRootIsOnTheClasspath() throws IOException, URISyntaxException {
        assertThat(Files.isDirectory(webRoot().resolve("myhome"))).isTrue();
        assertThat(Files.isDirectory(webRoot().resolve("wattt"))).isTrue();
    }
}
