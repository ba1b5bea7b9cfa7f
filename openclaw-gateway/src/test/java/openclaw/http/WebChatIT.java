package openclaw.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import openclaw.config.OpenClawHome;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;
import openclaw.testkit.provider.openai.FakeOpenAiChatServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebChat end to end in headless Chromium: the page served by an in-process gateway (port 0, temporary home) speaks
 * the WebSocket protocol to it, and the gateway's agent streams from a loopback fake of OpenAI Chat Completions. Each
 * test gets a fresh browser context (empty localStorage), so each enters the token itself. Skipped only when
 * {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 */
class WebChatIT {

    private static final Map<String, String> ENV = Map.of("LOCAL_KEY", "sk-local-123456");

    @TempDir
    static Path home;

    private static FakeOpenAiChatServer model;
    private static GatewayProcess gateway;
    private static WebChatBrowser browser;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(WebChatBrowser.available(), "WebChatIT needs Chromium at " + WebChatBrowser.CHROMIUM);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        model = FakeOpenAiChatServer.start();
        Files.writeString(home.resolve("openclaw.toml"), """
                [providers.local]
                type = "openai-chat"
                baseUrl = "%s"
                apiKey = "${env:LOCAL_KEY}"

                [agents.main]
                tools = ["current_time"]
                [agents.main.model]
                provider = "local"
                name = "test-model"

                [agents.research]
                [agents.research.model]
                provider = "local"
                name = "research-model"
                """.formatted(model.baseUrl()));
        OpenClawHome openClawHome = new OpenClawHome(home);
        gateway = GatewayProcess.start(
                GatewayOptions.forHome(openClawHome, ENV).withPort(0).withoutLoggingSetup());
        token = Files.readString(openClawHome.gatewayTokenFile()).strip();
        browser = WebChatBrowser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.shutdown();
        }
        if (model != null) {
            model.close();
        }
    }

    @AfterEach
    void the_page_ran_without_errors() {
        List<String> errors = List.copyOf(browser.errors);
        browser.closePages();
        assertThat(errors)
                .as("console and page errors (CSP violations included)")
                .isEmpty();
    }

    /** Opens the page, enters the token and waits for the connection. */
    private static Page connectedPage() {
        Page page = browser.open("http://127.0.0.1:" + gateway.port() + "/");
        assertThat(page.getByTestId("token-dialog")).isVisible();
        page.getByLabel("Gateway token").fill(token);
        page.getByTestId("token-submit").click();
        assertThat(page.getByTestId("connection-status")).hasText("Connected");
        assertThat(page.getByTestId("session-title")).hasText("agent:main:main");
        return page;
    }

    private static void send(Page page, String text) {
        Locator input = page.getByLabel("Message");
        input.fill(text);
        input.press("Enter");
    }

    private static Locator lastReply(Page page) {
        return page.getByTestId("message-assistant").last();
    }

    @Test
    void a_message_streams_its_reply_and_the_history_survives_a_reload() {
        model.pacedTextTurn(250, "Streaming ", "reply ", "from ", "the ", "fake <b>model</b>.");
        Page page = connectedPage();
        page.evaluate("() => { window.renders = []; new MutationObserver(() => {"
                + " const t = document.querySelectorAll('[data-testid=message-assistant] [data-testid=message-text]');"
                + " if (t.length) { window.renders.push(t[t.length - 1].textContent); } })"
                + ".observe(document.getElementById('messages'),"
                + " {subtree: true, childList: true, characterData: true}); }");

        send(page, "hello gateway");

        assertThat(page.getByTestId("message-user").last()).containsText("hello gateway");
        assertThat(lastReply(page)).hasAttribute("data-state", "final");
        assertThat(lastReply(page).getByTestId("message-text")).hasText("Streaming reply from the fake <b>model</b>.");
        @SuppressWarnings("unchecked")
        List<String> renders = (List<String>) page.evaluate("() => window.renders");
        assertThat(renders)
                .as("partial renders of the cumulative text before the final one")
                .anySatisfy(text -> assertThat(text)
                        .startsWith("Streaming")
                        .isNotEqualTo("Streaming reply from the fake <b>model</b>."));
        assertThat(page.locator("#messages b")).hasCount(0);

        page.reload();
        assertThat(page.getByTestId("connection-status")).hasText("Connected");
        assertThat(page.getByTestId("message-user").filter(new Locator.FilterOptions().setHasText("hello gateway")))
                .hasCount(1);
        assertThat(page.getByTestId("message-assistant")
                        .filter(new Locator.FilterOptions().setHasText("Streaming reply from the fake <b>model</b>.")))
                .hasCount(1);
        assertThat(page.locator("[data-testid=session-item][data-session-key='agent:main:main']"))
                .isVisible();
    }

    @Test
    void the_page_reconnects_after_a_gateway_restart_and_keeps_the_history() {
        model.textTurn("before the restart");
        model.textTurn("after the restart");
        Page page = connectedPage();
        send(page, "first life");
        assertThat(lastReply(page).getByTestId("message-text")).hasText("before the restart");

        int port = gateway.port();
        gateway.shutdown();
        assertThat(page.getByTestId("connection-status")).containsText("Reconnecting");
        gateway = GatewayProcess.start(GatewayOptions.forHome(new OpenClawHome(home), ENV)
                .withPort(port)
                .withoutLoggingSetup());

        assertThat(page.getByTestId("connection-status")).hasText("Connected");
        assertThat(page.getByTestId("messages")).containsText("before the restart");
        send(page, "second life");
        assertThat(lastReply(page).getByTestId("message-text")).hasText("after the restart");
    }

    @Test
    void picking_another_agent_opens_its_main_session() {
        model.textTurn("research here");
        Page page = connectedPage();

        page.getByLabel("Agent").selectOption("research");

        assertThat(page.getByTestId("session-title")).hasText("agent:research:main");
        assertThat(page.getByTestId("empty-transcript")).isVisible();
        send(page, "who are you?");
        assertThat(lastReply(page).getByTestId("message-text")).hasText("research here");
        assertThat(model.requests().getLast().body()).contains("research-model");
        assertThat(page.locator("[data-testid=session-item][data-session-key='agent:research:main']"))
                .containsText("2 msg");
        page.reload();
        assertThat(page.getByLabel("Agent")).hasValue("research");
        assertThat(page.getByTestId("messages")).containsText("research here");
        page.getByLabel("Agent").selectOption("main");
        assertThat(page.getByTestId("session-title")).hasText("agent:main:main");
        assertThat(page.getByTestId("messages")).not().containsText("research here");
    }

    @Test
    void a_wrong_token_is_asked_for_again() {
        Page page = browser.open("http://127.0.0.1:" + gateway.port() + "/");
        page.getByLabel("Gateway token").fill("not-the-token");
        page.getByTestId("token-submit").click();
        assertThat(page.getByTestId("token-error")).containsText("rejected");
        assertThat(page.getByTestId("token-dialog")).isVisible();
        assertThat(page.getByLabel("Gateway token")).isEmpty();
        page.getByLabel("Gateway token").fill(token);
        page.getByLabel("Gateway token").press("Enter");
        assertThat(page.getByTestId("connection-status")).hasText("Connected");
        assertThat(page.url()).doesNotContain(token);
    }

    @Test
    void a_tool_call_is_shown_live_and_in_the_history() {
        model.toolCallTurn("call_clock", "current_time", "{}");
        model.textTurn("It is ", "noon.");
        Page page = connectedPage();

        send(page, "what time is it?");

        Locator tool = page.locator("[data-testid=tool-call][data-tool-call-id=call_clock]");
        assertThat(tool).isVisible();
        assertThat(tool.getByTestId("tool-name")).hasText("current_time");
        assertThat(tool.getByTestId("tool-state")).hasText("done");
        assertThat(tool.getByTestId("tool-result")).isHidden();
        tool.locator("summary").click();
        assertThat(tool.getByTestId("tool-result")).not().isEmpty();
        assertThat(lastReply(page).getByTestId("message-text")).hasText("It is noon.");

        page.reload();
        Locator fromHistory = page.locator("[data-testid=tool-call][data-tool-call-id=call_clock]");
        assertThat(fromHistory).isVisible();
        assertThat(fromHistory.getByTestId("tool-state")).hasText("done");
    }

    @Test
    void stop_aborts_a_slow_stream() {
        String[] words = IntStream.range(0, 60).mapToObj(i -> "w" + i + " ").toArray(String[]::new);
        model.pacedTextTurn(200, words);
        Page page = connectedPage();

        send(page, "tell me a long story");

        assertThat(page.getByTestId("stop-button")).isVisible();
        assertThat(lastReply(page)).containsText("w1 ");
        page.getByTestId("stop-button").click();
        assertThat(lastReply(page)).hasAttribute("data-state", "aborted");
        assertThat(page.getByTestId("stop-button")).isHidden();
        assertThat(lastReply(page).getByTestId("message-text")).not().containsText("w59");
    }

    @Test
    void a_session_command_is_answered_by_the_gateway() {
        Page page = connectedPage();
        int requestsBefore = model.requests().size();

        send(page, "/session status");

        assertThat(lastReply(page)).hasAttribute("data-state", "final");
        assertThat(lastReply(page).getByTestId("message-text")).containsText("agent:main:main");
        assertThat(model.requests()).as("the command never reaches the model").hasSize(requestsBefore);
    }

    @Test
    void a_session_reset_clears_the_conversation_on_the_page() {
        model.textTurn("before the reset");
        Page page = connectedPage();
        send(page, "remember this");
        assertThat(lastReply(page).getByTestId("message-text")).hasText("before the reset");

        send(page, "/session reset");

        assertThat(page.getByTestId("message-user")).hasCount(1);
        assertThat(page.getByTestId("message-user")).hasText(java.util.regex.Pattern.compile("/session reset"));
        assertThat(page.getByTestId("messages")).not().containsText("before the reset");
        assertThat(lastReply(page)).hasAttribute("data-state", "final");
        page.reload();
        assertThat(page.getByTestId("connection-status")).hasText("Connected");
        assertThat(page.getByTestId("empty-transcript")).isVisible();
    }

    @Test
    void a_failed_run_shows_its_error_live_and_in_the_history() {
        model.error(401, 0, "invalid api key");
        Page page = connectedPage();

        send(page, "this one fails");

        assertThat(lastReply(page)).hasAttribute("data-state", "error");
        assertThat(lastReply(page).getByTestId("message-note")).containsText("401");
        page.reload();
        assertThat(page.locator("[data-testid=message-assistant][data-state=error]")
                        .last())
                .isVisible();
        assertThat(page.locator("[data-testid=message-assistant][data-state=error]")
                        .last()
                        .getByTestId("message-note"))
                .containsText("401");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("/tmp/webchat-real.png"))
                .setFullPage(true));
    }

    @Test
    void shift_enter_adds_a_line_and_the_page_is_labelled() {
        Page page = connectedPage();
        Locator input = page.getByLabel("Message");
        input.fill("line one");
        input.press("Shift+Enter");
        input.pressSequentially("line two");
        assertThat(input).hasValue("line one\nline two");
        assertThat(page.getByLabel("Agent")).hasValue("main");
        assertThat(page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")))
                .isEnabled();
    }
}
