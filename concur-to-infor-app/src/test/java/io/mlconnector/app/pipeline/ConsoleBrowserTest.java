package io.mlconnector.app.pipeline;

import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.sandbox.concur.ConcurEvents;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.AccountType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser: Debian's Chromium, headless, driven by Selenium WebDriver through Debian's
 * chromedriver, against the whole app on both sandboxes. Screenshots go to {@code target/console-screenshots}.
 *
 * <p>The story: Concur approves the published FIS samples and one Expense v4 report. The hotel sample is refused
 * because Infor lacks GL account 6120 (FIS closes it with an error confirmation); the expense report is refused
 * because the mapping sends office supplies to GL account 6999, which Infor does not have. The finance user fixes the
 * mapping file, presses replay, and the report posts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String HOTEL_REPORT = "D0719B539ED64FE612AB"; // LODNG → GL 6120 under the default mapping
    private static final String OFFICE_SUPPLIES = "    OFCSP: \"6190\"";
    private static final String OFFICE_SUPPLIES_WRONG = "    OFCSP: \"6999\"";

    private Path tempDir;
    private PipelineHarness harness;
    private WebDriver browser;
    private String console;
    private String expenseReport;
    private String hotelDocument;
    private List<String> fisDocuments;

    @BeforeAll
    void startAppAndBrowser() throws Exception {
        requireChromium();
        tempDir = Files.createTempDirectory("console-browser");
        harness = PipelineHarness.on(Dialect.H2, tempDir)
                .config("concur.topics", ConcurEvents.TOPIC_FIS + "," + ConcurEvents.TOPIC_EXPENSE_REPORT)
                .start();
        console = harness.app.adminUri().toString();
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
        postTheDay();
    }

    /** What happened before the finance user opens the console. */
    private void postTheDay() {
        // the mapping sends office supplies to 6999, an account Infor does not have
        editMapping(OFFICE_SUPPLIES, OFFICE_SUPPLIES_WRONG);
        // Infor entity 100 lacks the hotel account 6120 while the hotel report is approved
        fisDocuments = harness.concur.fis().seedPublishedSamples();
        hotelDocument = fisDocuments.stream().filter(id -> harness.concur.fis().businessId(id).equals(HOTEL_REPORT))
                .findFirst().orElseThrow();
        harness.infor.chart().remove("100", AccountType.GL_ACCOUNT, "6120");
        harness.approve(hotelDocument);
        harness.awaitFisState(hotelDocument, FisState.FAILED);
        harness.infor.chart().addGlAccount("100", "6120", "Hotel");
        // every other published sample and one Expense v4 report are approved
        fisDocuments.stream().filter(id -> !id.equals(hotelDocument)).forEach(harness::approve);
        expenseReport = harness.concur.reports().addPublishedSampleReport();
        harness.concur.reports().approveReport(expenseReport, "A_APPR");
        fisDocuments.stream().filter(id -> !id.equals(hotelDocument))
                .forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        harness.awaitQuiet();
        PipelineHarness.await().until(() -> harness.store().exceptions().open().size() == 2);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Order(1)
    void nothingIsShownWithoutLoggingIn() {
        // when a page and the CSV are opened without a session
        browser.get(console + "/console/exceptions");
        String exceptionsUrl = browser.getCurrentUrl();
        String exceptionsPage = browser.getPageSource();
        browser.get(console + "/console/reconciliation.csv?from=2026-01-01&to=2026-12-31");
        String csvUrl = browser.getCurrentUrl();

        // then both end on the login page, with none of the data
        screenshot("00-login");
        assertThat(exceptionsUrl).endsWith("/console/login");
        assertThat(csvUrl).endsWith("/console/login");
        assertThat(exceptionsPage).contains("Admin token").doesNotContain(expenseReport).doesNotContain("6999");
    }

    @Test
    @Order(2)
    void theOverviewShowsTheDayAfterLogin() {
        // when the finance user logs in
        logIn("Grace Hopper");

        // then the overview shows today's postings, the two open exceptions and the token checks
        assertThat(browser.getCurrentUrl()).endsWith("/console/overview");
        assertThat(card("Open exceptions")).isEqualTo("2");
        assertThat(Integer.parseInt(card("Posted today"))).isEqualTo(fisDocuments.size() - 1);
        assertThat(card("Failed today")).isEqualTo("2");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("concur-token", "infor-token", "database");
        screenshot("01-overview");
    }

    @Test
    @Order(3)
    void anExceptionFromAnUnknownGlAccountPostsWhenReplayedAfterTheMappingIsFixed() {
        // given the expense report's exception, naming the unknown account 6999
        long exceptionId = exceptionOf("report-" + expenseReport);
        browser.get(console + "/console/exceptions");
        WebElement row = browser.findElement(By.id("exception-" + exceptionId));
        assertThat(row.getText()).contains(expenseReport, "unknown-account", "6999");
        // and the FIS hotel document's exception, which Concur has closed: no replay button, the reason instead
        WebElement hotel = browser.findElement(By.id("exception-" + exceptionOf(hotelDocument)));
        assertThat(hotel.findElements(By.cssSelector("button.replay"))).isEmpty();
        assertThat(hotel.getText()).contains("error confirmation");
        screenshot("02-exceptions");

        // when the mapping file is fixed and the finance user presses replay
        editMapping(OFFICE_SUPPLIES_WRONG, OFFICE_SUPPLIES);
        row.findElement(By.cssSelector("button.replay")).click();

        // then the console says it is queued, and the document's page soon shows it posted
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("queued again");
        browser.get(console + "/console/documents?q=" + expenseReport);
        PipelineHarness.await().until(() -> {
            browser.navigate().refresh();
            return browser.findElement(By.tagName("main")).getText().contains("posted {");
        });
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ACCEPTED");
        assertThat(browser.findElement(By.id("gl-lines")).getText()).contains("6190").doesNotContain("6999");
        assertThat(harness.store().exceptions().find(exceptionId).orElseThrow().state())
                .isEqualTo(ExceptionRecord.State.RESOLVED);
        screenshot("03-document-posted");
    }

    @Test
    @Order(4)
    void theReconciliationCsvListsEveryDocumentOfTheDay() throws Exception {
        // when the finance user reconciles today and downloads the CSV
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.get(console + "/console/reconciliation?from=" + today + "&to=" + today);
        screenshot("04-reconciliation");
        String csvHref = browser.findElement(By.id("csv")).getAttribute("href");
        HttpResponse<String> csv = downloadWithBrowserSession(csvHref);

        // then one row per document: the hotel document error-confirmed, every other one posted and reconciled
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("made_ready_at,document_id,business_id,doc_type,accounting_entity,currency");
        Map<String, String> rowByDocument = lines.stream().skip(1).collect(Collectors.toMap(
                line -> line.split(",", -1)[1], line -> line));
        assertThat(rowByDocument.keySet()).containsAll(fisDocuments).contains("report-" + expenseReport)
                .hasSize(fisDocuments.size() + 1);
        assertThat(rowByDocument.get(hotelDocument)).contains("error-confirmed");
        rowByDocument.forEach((document, row) -> {
            if (!document.equals(hotelDocument)) {
                String[] cells = row.split(",", -1);
                assertThat(cells[8]).as("posted amount of %s", document).isEqualTo(cells[7]);
                assertThat(cells[12]).as("differences of %s", document).isEmpty();
            }
        });
        assertThat(browser.findElement(By.id("differences")).getText()).contains(hotelDocument, "error-confirmed");
    }

    @Test
    @Order(5)
    void aPostWithoutTheCsrfTokenIsRefused() {
        // given the exceptions page, and the hotel exception's resolve form stripped of its CSRF field
        long hotelException = exceptionOf(hotelDocument);
        browser.get(console + "/console/exceptions");
        WebElement row = browser.findElement(By.id("exception-" + hotelException));
        WebElement form = row.findElement(By.cssSelector("form[action$='/resolve']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].querySelector('input[name=csrf]').remove()", form);
        form.findElement(By.name("note")).sendKeys("resubmitted by the processor");

        // when it is submitted
        form.findElement(By.tagName("button")).click();

        // then the server refuses it (once the browser has navigated to the answer) and the exception stays open
        PipelineHarness.await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(browser.getPageSource()).contains("missing or wrong CSRF token"));
        assertThat(harness.store().exceptions().find(hotelException).orElseThrow().state())
                .isEqualTo(ExceptionRecord.State.OPEN);
    }

    private void logIn(String operator) {
        browser.get(console + "/console/login");
        browser.findElement(By.id("operator")).sendKeys(operator);
        browser.findElement(By.id("token")).sendKeys(PipelineHarness.ADMIN_TOKEN);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String card(String label) {
        return browser.findElements(By.cssSelector(".card")).stream()
                .filter(c -> c.findElement(By.className("l")).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no card " + label)).findElement(By.className("n")).getText();
    }

    private long exceptionOf(String fisDocumentId) {
        return harness.store().exceptions().open().stream().filter(e -> fisDocumentId.equals(e.fisDocumentId()))
                .findFirst().orElseThrow(() -> new AssertionError("no open exception for " + fisDocumentId)).id();
    }

    private HttpResponse<String> downloadWithBrowserSession(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("mlc_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "mlc_session=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Edits the mapping file and waits until the app has reloaded it. */
    private void editMapping(String from, String to) {
        try {
            String text = Files.readString(harness.mappingFile);
            assertThat(text).contains(from);
            Mapping before = harness.services().mapping.current();
            Files.writeString(harness.mappingFile, text.replace(from, to));
            // the route takes the mapping from current(): a new instance there is the edit in use
            PipelineHarness.await().atMost(Duration.ofSeconds(20))
                    .until(() -> harness.services().mapping.current() != before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Debian's chromium as root in a container: no sandbox, no GPU, nothing that calls home, a fresh profile. */
    private WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,1000", "--user-data-dir="
                        + Files.createTempDirectory(tempDir, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Outside CI a machine without chromium skips these tests; in CI (CI=true) that is a failure. */
    private static void requireChromium() {
        boolean present = Arrays.asList(CHROMIUM, CHROMEDRIVER).stream().allMatch(Files::isExecutable);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
    }
}
