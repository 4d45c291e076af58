package org.p1iota.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

class StaticAssetsTest extends JettyRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("headerHygiene", new HeaderHygiene());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(jetty("/?matchOnUriPrefix=true&headerFilterStrategy=#headerHygiene")).process(new SecurityHeaders())
                        .process(new StaticAssets("testweb/site", "testweb/common"));
            }
        };
    }

    private void assertServed(String path, String contentType, String content) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .as(path).isEqualTo(contentType.replace(" ", ""));
        assertThat(response.body()).as(path).contains(content);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void servesFilesWithTheirContentTypes() throws Exception {
        assertServed("/", "text/html; charset=utf-8", "<title>index</title>");
        assertServed("/index.html", "text/html; charset=utf-8", "<title>index</title>");
        assertServed("/app.js", "text/javascript; charset=utf-8", "console.log");
        assertServed("/sub/style.css", "text/css; charset=utf-8", "body{}");
        assertThat(get("/app.js").headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void aPathWithoutExtensionIsItsPage() throws Exception {
        assertServed("/new-policy", "text/html; charset=utf-8", "<title>new policy</title>");
        assertServed("/new-policy?requestId=abc", "text/html; charset=utf-8", "<title>new policy</title>");
    }

    @Test
    void laterRootsFillInButDoNotShadow() throws Exception {
        assertServed("/shared.css", "text/css; charset=utf-8", "common{}");
        assertThat(get("/").body()).doesNotContain("shadowed");
    }

    @Test
    void unknownFilesTypesAndDirectoriesAre404() throws Exception {
        for (String path : new String[] {"/missing.html", "/data.bin", "/sub/", "/sub", "/.hidden.js"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(WebJson.MAPPER.readTree(response.body()).get("error").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void noDirectoryTraversal() throws Exception {
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt",
            "/..%5csecret.txt", "/%2e%2e%2fsecret.txt", "/sub/%2e%2e/%2e%2e/secret.txt"}) {
            assertThat(rawGet(path)).as(path).doesNotContain("secret\n").doesNotStartWith("HTTP/1.1 200");
        }
    }

    /** java.net.http normalises some paths; a raw socket sends them as an attacker would. */
    private String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyGetAndHead() throws Exception {
        HttpResponse<String> post = send("POST", "/index.html", "x");

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void theFileNameRulesOnTheirOwn() {
        assertThat(StaticAssets.fileName("/")).contains("index.html");
        assertThat(StaticAssets.fileName("/a/b.css")).contains("a/b.css");
        assertThat(StaticAssets.fileName("/a/../b.css")).isEmpty();
        assertThat(StaticAssets.fileName("/a//b.css")).isEmpty();
        assertThat(StaticAssets.fileName("/a\\b.css")).isEmpty();
        assertThat(StaticAssets.fileName("/a%2fb.css")).isEmpty();
        assertThat(StaticAssets.fileName("/a\u0000.css")).isEmpty();
        assertThatThrownBy(() -> new StaticAssets("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
