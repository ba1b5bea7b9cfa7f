package openclaw.http;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Headless system Chromium driven by Playwright, for the WebChat ITs. Never downloads anything: the driver comes from
 * the Maven artifact and the browser is {@code /usr/bin/chromium}. Collects console errors and page errors (a CSP
 * violation is one) so a test can assert the page ran cleanly.
 */
final class WebChatBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();

    private WebChatBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** True when the system Chromium is installed. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static WebChatBrowser launch() {
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync")));
            return new WebChatBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new tab in a fresh context (its own, empty localStorage) showing {@code url}. */
    Page open(String url) {
        BrowserContext context = browser.newContext();
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add("console: " + m.text());
            }
        });
        page.onPageError(e -> errors.add("page: " + e));
        page.navigate(url);
        return page;
    }

    /** Closes every tab and context opened so far and forgets the errors they reported. */
    void closePages() {
        browser.contexts().forEach(BrowserContext::close);
        errors.clear();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
