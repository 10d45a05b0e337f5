package dev.dsrdesk.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, one fresh profile per browser, no network but the
 * desk's. Every {@link #step} is photographed (the whole page) into its folder: {@code NN-name.png} when it passed,
 * {@code NN-name-FAILED.png} (and the page's HTML) when it failed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("dsr.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dsr.e2e.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A step's work: any checked exception or failed assertion fails the step. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Path screenshots;
    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;
    private int steps;

    private Browser(Path screenshots) {
        this.screenshots = screenshots;
        start();
    }

    /** Starts Chromium; fails (never skips) when Chromium or its driver is not installed. */
    static Browser open(Path screenshots) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new AssertionError(executable + " is missing: the browser test needs Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(screenshots);
    }

    /**
     * The next person sits down at a browser of their own: Chromium is started again on a fresh profile (no cookie,
     * no session, nothing cached); the steps go on being numbered in one series.
     */
    void nextPerson() {
        stop();
        start();
    }

    private void start() {
        try {
            profile = Files.createTempDirectory("dsr-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // both executables named: Selenium Manager has nothing to look up or download (SE_OFFLINE=true as well)
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        // the desk answers in the browser's language: English, so the test can read it
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    /**
     * One thing a person does: runs it, then photographs the page as {@code NN-name.png}; when it fails, photographs
     * the page as {@code NN-name-FAILED.png}, keeps its HTML, and fails with the step's name.
     */
    void step(String name, Action action) {
        String file = String.format(Locale.ROOT, "%02d-%s", ++steps, name);
        long started = System.nanoTime();
        try {
            action.run();
        } catch (Throwable failure) {
            String evidence = keepEvidence(file + "-FAILED");
            throw new AssertionError("step " + file + " failed (" + evidence + "): " + failure.getMessage(), failure);
        }
        keepEvidence(file);
        System.out.printf(Locale.ROOT, "browser step %s passed in %.1f s%n", file, (System.nanoTime() - started) / 1e9);
    }

    private String keepEvidence(String file) {
        Path png = screenshots.resolve(file + ".png");
        try {
            Files.write(png, wholePage());
            if (file.endsWith("-FAILED")) {
                Files.writeString(screenshots.resolve(file + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
                Files.write(screenshots.resolve(file + ".console.log"), driver.manage().logs().get(LogType.BROWSER).getAll()
                        .stream().map(String::valueOf).toList(), StandardCharsets.UTF_8);
            }
            return "see " + png;
        } catch (RuntimeException | IOException e) {
            return "no screenshot: " + e;
        }
    }

    /** The whole page, also what lies below the window (up to 10,000 pixels); the window alone if that fails. */
    private byte[] wholePage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 10_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException cannot) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** Keys pressed on whatever has the focus, as a person at a keyboard would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    /** Removes a folder and what it holds, if it is there; what cannot be removed is left (temporary files). */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary profile or an old screenshot left behind is harmless
        }
    }
}
