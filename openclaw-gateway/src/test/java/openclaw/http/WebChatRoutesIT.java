package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import openclaw.auth.GatewayAuth;
import openclaw.auth.GatewayToken;
import openclaw.config.AuthMode;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.metrics.GatewayMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebChat files on the gateway port: content types, security headers, HEAD, ETags and 404s. */
class WebChatRoutesIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static GatewayHttpServer server;

    @BeforeAll
    static void start() {
        GatewayLifecycle lifecycle = GatewayLifecycle.startingNow();
        lifecycle.markStarted();
        GatewayHttpServer.Services services = new GatewayHttpServer.Services(
                lifecycle,
                new GatewayAuth(
                        AuthMode.TOKEN, Optional.of(new GatewayToken("secret-token", GatewayToken.Source.CONFIG))),
                new GatewayMetrics(),
                TestStatus.started("token"));
        server = GatewayHttpServer.start(
                new GatewayHttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(1)), services);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("connect-src 'self' ws: wss:")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval"));
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(r.headers().firstValue("x-frame-options")).contains("DENY");
        assertThat(r.headers().firstValue("referrer-policy")).contains("no-referrer");
    }

    @Test
    void the_root_serves_the_page_with_strict_headers() throws Exception {
        HttpResponse<String> r = send("GET", "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("cache-control")).contains("no-cache");
        assertSecurityHeaders(r);
        assertThat(r.body())
                .contains("<title>OpenClaw WebChat</title>")
                .contains("<script type=\"module\" src=\"/webchat/app.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("style=\"")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void every_asset_is_served_with_its_content_type() throws Exception {
        for (String file : WebChatRoutes.FILES) {
            HttpResponse<String> r = send("GET", WebChatRoutes.PREFIX + file);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.body()).as(file).isNotEmpty();
            assertThat(r.headers().firstValue("content-type")).as(file).contains(WebChatRoutes.contentType(file));
            assertSecurityHeaders(r);
        }
        assertThat(send("GET", "/webchat/app.js").headers().firstValue("content-type"))
                .contains("text/javascript; charset=utf-8");
        assertThat(send("GET", "/webchat/webchat.css").headers().firstValue("content-type"))
                .contains("text/css; charset=utf-8");
    }

    @Test
    void head_answers_the_headers_and_length_without_a_body() throws Exception {
        HttpResponse<String> get = send("GET", "/webchat/app.js");
        HttpResponse<String> head = send("HEAD", "/webchat/app.js");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length"))
                .hasValue(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(head.headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
        assertSecurityHeaders(head);
        HttpResponse<String> headRoot = send("HEAD", "/");
        assertThat(headRoot.statusCode()).isEqualTo(200);
        assertThat(headRoot.body()).isEmpty();
    }

    @Test
    void unknown_files_are_404_with_the_same_headers() throws Exception {
        for (String path : new String[] {
            "/webchat/nope.js",
            "/webchat/index.htm",
            "/webchat/..%2Fpom.xml",
            "/webchat/%2e%2e/openclaw/build.properties"
        }) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("<html");
        }
        HttpResponse<String> r = send("GET", "/webchat/nope.js");
        assertThat(r.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
        assertSecurityHeaders(r);
        assertThat(send("GET", "/webchat/a/b.js").statusCode()).isEqualTo(404);
    }

    @Test
    void other_methods_are_405() throws Exception {
        for (String path : new String[] {"/", "/webchat/app.js"}) {
            HttpResponse<String> r = send("POST", path);
            assertThat(r.statusCode()).as(path).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).contains("GET, HEAD");
        }
    }

    @Test
    void a_matching_etag_gets_304() throws Exception {
        HttpResponse<String> first = send("GET", "/webchat/webchat.css");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = send("GET", "/webchat/webchat.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(send("GET", "/webchat/webchat.css", "If-None-Match", "\"other\"")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_page_never_puts_the_token_in_a_url_or_uses_inner_html() throws IOException, InterruptedException {
        for (String file : WebChatRoutes.FILES) {
            if (file.endsWith(".js")) {
                String js = CLIENT.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + server.port() + WebChatRoutes.PREFIX + file))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(js)
                        .as(file)
                        .doesNotContain("innerHTML")
                        .doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML")
                        .doesNotContain("eval(")
                        .doesNotContain("?token");
            }
        }
    }
}
