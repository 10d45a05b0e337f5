package dev.dsrdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.dsrdesk.support.DeskOverHttp;
import dev.dsrdesk.support.DeskProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The packaged desk (H2 file, real job executor, mail to GreenMail) worked by people in a real browser: Debian's
 * headless Chromium through Selenium. Every step a person takes is photographed under target/e2e/; a step that
 * breaks leaves its -FAILED screenshot and page. The public pages also pass axe-core with no serious or critical
 * violation, their errors are tied to their fields, and the form works from the keyboard alone. Staff sign in once,
 * in Camunda: Tasklist's and Cockpit's sign-in holds on the desk's pages, and signing out ends it there too.
 */
class RequestThroughTheBrowserIT extends DeskOverHttp {

    private static final Path SCREENSHOTS = Path.of("target", "e2e");
    private static final String REFERENCE = "DSR-\\d{4}-\\d{6}";
    private static final GreenMail SMTP = startSmtp();
    private static final String ROME_RECORD = "IM-ROME-0042";

    @TempDir static Path workDir;
    private static DeskProcess desk;

    @BeforeAll
    static void startTheDesk() throws IOException {
        // fail at once, with the remedy, rather than after the desk has started
        Accessibility.requireAxe();
        if (!Files.isExecutable(Browser.CHROMIUM) || !Files.isExecutable(Browser.CHROMEDRIVER)) {
            throw new AssertionError(Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        Browser.deleteTree(SCREENSHOTS);
        int port = freePort();
        Map<String, String> settings = DeskProcess.testSettings(SMTP);
        // the mailed links lead to this desk, so the browser opens them exactly as mailed
        settings.put("dsr.links.public-base-url", "http://localhost:" + port);
        desk = DeskProcess.start("desk", workDir, port, settings);
    }

    @AfterAll
    static void stopTheDesk() {
        if (desk != null) {
            desk.kill();
        }
        SMTP.stop();
    }

    @Test
    void anAccessRequestGoesFromThePublicFormThroughTasklistToTheRequestersReportAndTheManagersDashboard() throws Exception {
        String email = uniqueEmail();
        String[] reference = new String[1];
        try (Browser browser = Browser.open(SCREENSHOTS.resolve("journey"))) {
            browser.step("public-page", () -> {
                browser.open(baseUrl() + "/");
                browser.visible(By.cssSelector("form button[type=submit]"));
                Accessibility.assertNoSeriousViolations(browser, "the public page");
            });

            browser.step("public-form-sent-empty-shows-errors", () -> {
                browser.clickable(By.cssSelector("form button[type=submit]")).click();
                assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains("Please correct the fields");
                assertThat(browser.all(By.cssSelector("[aria-invalid=true]"))).as("fields marked invalid").isNotEmpty();
                Accessibility.assertErrorsAreTiedToTheirFields(browser);
                Accessibility.assertNoSeriousViolations(browser, "the public page showing errors");
            });

            browser.step("on-someone-elses-behalf-shows-its-errors", () -> {
                browser.clickable(By.cssSelector("details.agent summary")).click();
                browser.visible(By.id("agent.name")).sendKeys("Paolo Bianchi");
                browser.clickable(By.cssSelector("form button[type=submit]")).click();
                assertThat(browser.visible(By.cssSelector("details.agent")).getAttribute("open")).as("open with its errors").isNotNull();
                assertThat(browser.visible(By.id("agent.email-error")).getText()).isEqualTo("is required");
                assertThat(browser.visible(By.id("agent.permission-error")).getText()).isEqualTo("is required");
                Accessibility.assertErrorsAreTiedToTheirFields(browser);
                Accessibility.assertNoSeriousViolations(browser, "the public page acting for someone else");
                // this request is the person's own
                browser.visible(By.id("agent.name")).clear();
            });

            browser.step("public-form-sent", () -> {
                browser.clickable(By.cssSelector("label[for=type-ACCESS]")).click();
                browser.visible(By.id("fullName")).sendKeys("Ada Lovelace");
                browser.visible(By.id("email")).sendKeys(email);
                new Select(browser.visible(By.id("country"))).selectByValue("IT");
                browser.visible(By.id("details")).sendKeys("Please send me a copy of everything you hold about me.");
                browser.clickable(By.cssSelector("form button[type=submit]")).click();
                reference[0] = browser.visible(By.cssSelector(".reference")).getText().strip();
                assertThat(reference[0]).matches(REFERENCE);
                assertThat(browser.url()).as("the confirmation has its own address").endsWith("/submitted/" + reference[0]);
                assertThat(browser.visible(By.tagName("main")).getText()).as("and shows nothing personal").doesNotContain(email);
            });
            String ref = reference[0];

            browser.step("verification-link-opened", () -> {
                browser.open(onlyLink(awaitMail(email, "Please confirm your privacy request " + ref), "/verify"));
                browser.visible(By.xpath("//button[normalize-space(.)='Confirm my request']"));
                Accessibility.assertNoSeriousViolations(browser, "the verification page");
            });

            browser.step("verification-confirmed", () -> {
                browser.clickable(By.xpath("//button[normalize-space(.)='Confirm my request']")).click();
                assertThat(browser.visible(By.tagName("main")).getText()).contains("is confirmed").contains(ref);
            });

            Tasklist tasklist = new Tasklist(browser, baseUrl());
            awaitTasks("operator", ref, "Task_TriageRequest", 1);
            browser.nextPerson();
            browser.step("operator-signs-in-to-tasklist", () -> tasklist.signIn("operator", "demo"));

            String[] taskId = new String[1];
            browser.step("operator-opens-triage-task", () -> {
                taskId[0] = tasklist.open("Triage ACCESS request " + ref);
                assertThat(tasklist.field("Reference")).isEqualTo(ref);
                assertThat(tasklist.field("Requester")).isEqualTo("Ada Lovelace");
            });

            browser.step("operator-accepts-at-triage", () -> {
                decide(tasklist, taskId[0], "Accept: ask every entity to act");
            });

            awaitTasks("operator", ref, "Task_FulfilEntityStep", 5);
            browser.nextPerson();
            browser.step("rome-signs-in-to-tasklist", () -> tasklist.signIn("rome", "demo"));

            browser.step("rome-sees-only-romes-task", () -> {
                browser.until(driver -> !tasklist.taskNames().isEmpty());
                assertThat(tasklist.taskNames()).as("the only task Rome sees").containsExactly(ref + ": EXPORT (rome)");
                taskId[0] = tasklist.open(ref + ": EXPORT (rome)");
                assertThat(tasklist.field("Your entity")).contains("Interactive Media S.p.A.");
                assertThat(tasklist.field("Person to look for")).isEqualTo("Ada Lovelace");
            });

            browser.step("rome-answers-with-a-record", () -> {
                tasklist.claim();
                tasklist.choose("DONE: we acted as asked");
                tasklist.fill("Records found", """
                        [{"category":"Contact information","field":"customer number","value":"%s","source":"Rome contact CRM"}]"""
                        .formatted(ROME_RECORD));
                tasklist.complete();
                awaitCompleted(taskId[0]);
            });

            // the other four entities answer through /engine-rest, each as its own user, with the same authorizations
            // as in Tasklist: Rome's step above is the one worked in the browser, which keeps this test quick
            for (String entityUser : List.of("trento", "sao-paulo", "pleasant-hill", "google-analytics")) {
                completeTask(entityUser, onlyTaskSeenBy(entityUser, ref), "{\"outcome\":{\"value\":\"NO_DATA\"}}", 204);
            }

            awaitTasks("operator", ref, "Task_ReviewResponse", 1);
            browser.nextPerson();
            browser.step("operator-signs-in-again", () -> tasklist.signIn("operator", "demo"));

            String previewPath = "/staff/requests/" + ref + "/preview";
            browser.step("operator-sees-the-records-in-the-review", () -> {
                tasklist.open("Review response to " + ref);
                assertThat(tasklist.field("What each entity answered")).contains("Interactive Media S.p.A.").contains(ROME_RECORD);
                WebElement preview = browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(normalize-space(.),"
                        + "'Open the answer as the requester will receive it')]"));
                assertThat(preview.getAttribute("href")).endsWith(previewPath);
            });
            browser.step("operator-previews-the-answer", () -> {
                // the form's link, in the browser signed in to Tasklist: the desk's pages take that sign-in
                browser.open(baseUrl() + previewPath);
                assertThat(browser.visible(By.cssSelector(".preview")).getText()).contains("Nothing has been sent yet");
                assertThat(browser.visible(By.id("data")).getText()).contains(ROME_RECORD);
            });

            browser.step("operator-approves-the-response", () -> {
                browser.open(baseUrl() + "/camunda/app/tasklist/default/");
                taskId[0] = tasklist.open("Review response to " + ref);
                decide(tasklist, taskId[0], "Approved: send the response to the requester");
            });

            String watched = runningProcessOfAFreshRequest();
            browser.step("operator-goes-from-tasklist-to-the-dashboard-without-signing-in-again", () -> {
                tasklist.followHeaderLink("SLA dashboard");
                assertThat(browser.url()).isEqualTo(baseUrl() + "/dashboard");
                assertThat(browser.visible(By.cssSelector(".brand")).getText()).contains("SLA dashboard");
                assertThat(browser.all(By.cssSelector("input[type=password]"))).as("no second sign-in").isEmpty();
            });

            browser.step("operator-in-cockpit-is-not-told-it-is-read-only", () -> {
                browser.open(baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + watched + "/runtime");
                browser.until(driver -> !driver.findElements(By.cssSelector(".ctn-toolbar view a")).isEmpty());
                assertThat(browser.all(By.cssSelector(".ctn-toolbar view a")).stream().anyMatch(WebElement::isDisplayed))
                        .as("the toolbar's actions are there").isTrue();
                assertThat(browser.all(By.id("dsr-read-only-notice"))).isEmpty();
            });

            browser.step("operator-signs-out-of-tasklist", () -> {
                browser.open(baseUrl() + "/camunda/app/tasklist/default/");
                browser.visible(By.cssSelector(".tasks-list"));
                tasklist.signOut();
            });

            browser.step("after-signing-out-the-dashboard-asks-for-the-camunda-sign-in", () -> {
                browser.open(baseUrl() + "/dashboard");
                browser.visible(By.cssSelector("input[type=password]"));
                assertThat(browser.url()).startsWith(baseUrl() + "/camunda/app/welcome/default/?returnTo=%2Fdashboard");
                assertThat(browser.all(By.id("on-time"))).as("not the dashboard").isEmpty();
            });

            browser.step("signing-in-there-leads-back-to-the-dashboard", () -> {
                tasklist.fillSignIn("operator", "demo");
                browser.until(driver -> driver.getCurrentUrl().equals(baseUrl() + "/dashboard"));
                assertThat(browser.visible(By.cssSelector(".brand")).getText()).contains("SLA dashboard");
            });

            browser.nextPerson();
            browser.step("requester-opens-the-download-link", () -> {
                browser.open(onlyLink(awaitMail(email, "Your privacy request " + ref + " is complete"), "/download"));
                browser.visible(By.xpath("//button[normalize-space(.)='Open my data report']"));
                Accessibility.assertNoSeriousViolations(browser, "the download page");
            });

            browser.step("access-report-shown", () -> {
                browser.clickable(By.xpath("//button[normalize-space(.)='Open my data report']")).click();
                WebElement data = browser.visible(By.id("data"));
                assertThat(data.getText()).contains("Interactive Media S.p.A.").contains(ROME_RECORD);
                assertThat(browser.visible(By.tagName("h1")).getText()).contains("Your personal data");
                Accessibility.assertNoSeriousViolations(browser, "the access report");
            });

            browser.step("access-report-on-a-phone", () -> {
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.until(driver -> ((Number) browser.script("return window.innerWidth")).intValue() <= 390);
                long overflow = ((Number) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
                assertThat(overflow).as("no part of the report is wider than a 390 px screen").isLessThanOrEqualTo(0);
                WebElement value = browser.visible(By.xpath("//td[normalize-space(.)='" + ROME_RECORD + "']"));
                assertThat(browser.script("return getComputedStyle(arguments[0], '::before').content", value))
                        .as("each value stands beside its label").isEqualTo("\"Value\"");
            });

            browser.nextPerson();
            browser.step("manager-signs-in-to-cockpit", () -> tasklist.signInAt("/camunda/app/cockpit/default/", "manager", "demo"));

            browser.step("manager-is-told-cockpit-is-read-only-and-sees-no-button-that-would-be-refused", () -> {
                browser.open(baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + watched + "/runtime");
                assertThat(browser.visible(By.id("dsr-read-only-notice")).getText()).startsWith("Read-only:")
                        .contains("are refused");
                // the actions are rendered, and hidden: cancel, retry, add variable, suspend; editing and deleting variables
                browser.until(driver -> !driver.findElements(By.cssSelector(".ctn-toolbar view a")).isEmpty());
                browser.until(driver -> !driver.findElements(By.cssSelector("[ng-click^='enableEditMode']")).isEmpty());
                assertThat(browser.all(By.cssSelector(".ctn-toolbar view a, [ng-click^='enableEditMode'], [ng-click^='deleteVariable']")))
                        .as("buttons a manager may see").noneMatch(WebElement::isDisplayed);
            });

            browser.step("manager-goes-from-cockpit-to-the-dashboard", () -> {
                tasklist.followHeaderLink("SLA dashboard");
                assertThat(browser.url()).isEqualTo(baseUrl() + "/dashboard");
                assertThat(browser.visible(By.id("on-time")).getText()).as("closed on time this month").isEqualTo("1");
                assertThat(browser.visible(By.xpath("//h2[@id='slowest']/..")).getText()).as("speeds in the unit a person uses, not 0.0 days")
                        .contains("min").doesNotContain(" 0.0");
                assertThat(browser.visible(By.cssSelector(".brand")).getText()).contains("SLA dashboard");
            });
        }
    }

    @Test
    void anOperatorAsksTheRequesterInTasklistAndGoesOnWithTheAnswerGivenOnTheRequestPage() throws Exception {
        String email = uniqueEmail();
        String ref = verifiedRequest("ERASURE", email);
        String question = "Which of your accounts should we erase: the newsletter or the shop account?";
        String answer = "Only the shop account, please.";
        awaitTasks("operator", ref, "Task_TriageRequest", 1);
        try (Browser browser = Browser.open(SCREENSHOTS.resolve("question"))) {
            Tasklist tasklist = new Tasklist(browser, baseUrl());
            browser.step("operator-signs-in-to-tasklist", () -> tasklist.signIn("operator", "demo"));

            String[] taskId = new String[1];
            browser.step("operator-asks-a-question-at-triage", () -> {
                taskId[0] = tasklist.open("Triage ERASURE request " + ref);
                tasklist.claim();
                tasklist.choose("Ask the requester a question before deciding (the request waits for the answer, then comes back here)");
                tasklist.fill("Question to the requester", question);
                tasklist.complete();
                awaitCompleted(taskId[0]);
            });
            assertThat(staff("operator", "/api/requests/" + ref).get("status").asText()).isEqualTo("AWAITING_REQUESTER");
            String requestPage = onlyLink(awaitMail(email, "A question about your privacy request " + ref), "/request?token=");

            browser.nextPerson();
            browser.step("requester-opens-the-request-page", () -> {
                browser.open(requestPage);
                assertThat(browser.visible(By.cssSelector("blockquote.question")).getText()).isEqualTo(question);
                Accessibility.assertNoSeriousViolations(browser, "the request page with a question");
            });

            browser.step("requester-answers", () -> {
                browser.visible(By.id("answer")).sendKeys(answer);
                browser.clickable(By.xpath("//button[normalize-space(.)='Send my answer']")).click();
                assertThat(browser.visible(By.cssSelector("[role=status]")).getText())
                        .isEqualTo("Thank you: your answer reached our privacy team.");
                assertThat(browser.all(By.cssSelector("blockquote.question"))).as("nothing more is asked").isEmpty();
                Accessibility.assertNoSeriousViolations(browser, "the request page after the answer");
            });

            awaitTasks("operator", ref, "Task_TriageRequest", 1);
            browser.nextPerson();
            browser.step("operator-sees-the-answer-back-in-triage", () -> {
                tasklist.signIn("operator", "demo");
                taskId[0] = tasklist.open("Triage ERASURE request " + ref);
                assertThat(tasklist.field("Questions to the requester and their answers")).contains(question).contains(answer);
            });

            browser.step("operator-accepts-with-the-answer", () -> {
                decide(tasklist, taskId[0], "Accept: ask every entity to act");
            });
        }
        awaitTasks("operator", ref, "Task_FulfilEntityStep", 5);
        assertThat(staff("operator", "/api/requests/" + ref).get("status").asText()).isEqualTo("IN_FULFILMENT");
    }

    @Test
    void thePublicFormCanBeFilledInAndSentWithTheKeyboardAlone() {
        String email = uniqueEmail();
        try (Browser browser = Browser.open(SCREENSHOTS.resolve("keyboard"))) {
            browser.step("public-page", () -> {
                browser.open(baseUrl() + "/");
                browser.visible(By.cssSelector("form button[type=submit]"));
            });

            browser.step("tab-to-the-first-right-and-choose-it", () -> {
                tabTo(browser, "type-ACCESS");
                browser.press(Keys.SPACE);
                assertThat(browser.focused().isSelected()).as("ACCESS chosen with the space bar").isTrue();
            });

            browser.step("tab-through-the-fields-typing", () -> {
                tabTo(browser, "fullName");
                browser.press("Grace Hopper");
                tabTo(browser, "email");
                browser.press(email);
                tabTo(browser, "country");
                // a closed select takes typed letters as a choice, as a person does without opening it
                browser.press("Italy");
                assertThat(new Select(browser.focused()).getFirstSelectedOption().getAttribute("value")).isEqualTo("IT");
                tabTo(browser, "details");
                browser.press("Sent without a mouse.");
            });

            browser.step("submit-with-enter", () -> {
                WebElement submit = tabTo(browser, null);
                assertThat(submit.getAttribute("type")).isEqualTo("submit");
                browser.press(Keys.ENTER);
                assertThat(browser.visible(By.cssSelector(".reference")).getText()).matches(REFERENCE);
                awaitMail(email, "We received your privacy request " + browser.visible(By.cssSelector(".reference")).getText().strip());
            });

            browser.step("back-and-send-again-is-the-same-request", () -> {
                String first = browser.visible(By.cssSelector(".reference")).getText().strip();
                browser.driver().navigate().back();
                browser.clickable(By.cssSelector("form button[type=submit]")).click();
                assertThat(browser.visible(By.cssSelector(".reference")).getText().strip()).isEqualTo(first);
                browser.driver().navigate().refresh();
                assertThat(browser.visible(By.cssSelector(".reference")).getText().strip()).as("a reload keeps it").isEqualTo(first);
                assertThat(subjectsTo(email)).as("one acknowledgement, not two")
                        .filteredOn(subject -> subject.startsWith("We received your privacy request")).hasSize(1);
            });
        }
    }

    /**
     * Presses Tab until the field with that id (or, for null, the form's submit button) has the focus; every control
     * on the way must show where the focus is, with a ring that stands out 3:1 (WCAG 1.4.11). Fails when Tab never
     * gets there.
     */
    private static WebElement tabTo(Browser browser, String id) {
        for (int presses = 0; presses < 30; presses++) {
            browser.press(Keys.TAB);
            WebElement focused = browser.focused();
            assertThat(((Number) browser.script(FOCUS_RING_CONTRAST, focused)).doubleValue())
                    .as("contrast of the focus ring on %s with what surrounds it", focused.getAttribute("outerHTML"))
                    .isGreaterThanOrEqualTo(3.0);
            boolean arrived = id == null ? "submit".equals(focused.getAttribute("type")) : id.equals(focused.getAttribute("id"));
            if (arrived) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reaches " + (id == null ? "the submit button" : "#" + id));
    }

    /**
     * The contrast ratio (WCAG) of the focused element's outline with the background around it (the first ancestor
     * that paints one); 0 when it shows no outline at all.
     */
    private static final String FOCUS_RING_CONTRAST = """
            const style = getComputedStyle(arguments[0]);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
            const rgb = color => color.match(/[\\d.]+/g).map(Number);
            let around = arguments[0].parentElement, background = [255, 255, 255, 1];
            for (; around; around = around.parentElement) {
              const painted = rgb(getComputedStyle(around).backgroundColor);
              if (painted.length < 4 || painted[3] > 0) { background = painted; break; }
            }
            const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const [dark, light] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((a, b) => a - b);
            return (light + 0.05) / (dark + 0.05);
            """;

    /** The one link of the mail, which must lead to this desk and start with the given path. */
    private String onlyLink(jakarta.mail.internet.MimeMessage mail, String path) throws Exception {
        List<String> links = links(text(mail)).stream().filter(link -> link.startsWith(baseUrl() + path)).toList();
        assertThat(links).as("the %s link in the mail", path).hasSize(1);
        return links.get(0);
    }

    /** A request just received, still waiting for its requester: its process instance, running, for Cockpit. */
    private String runningProcessOfAFreshRequest() throws Exception {
        String reference = json.readTree(send(post("/api/requests", """
                {"type":"ERASURE","fullName":"Cockpit Watcher","email":"%s","country":"IT"}""".formatted(uniqueEmail()))
                .header("Content-Type", "application/json")).body()).get("reference").asText();
        JsonNode processes = json.readTree(send(engineRest("operator", "/process-instance?processDefinitionKey=data-subject-request&businessKey=" + reference)).body());
        assertThat(processes).hasSize(1);
        return processes.get(0).get("id").asText();
    }

    /** Claims the open task, picks the decision and completes it, as a person does; waits until the engine has it. */
    private void decide(Tasklist tasklist, String taskId, String decision) {
        tasklist.claim();
        tasklist.choose(decision);
        tasklist.complete();
        awaitCompleted(taskId);
    }

    /** The task the browser completed is gone from the engine: the form's Complete did reach it. */
    private void awaitCompleted(String taskId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode task = json.readTree(send(engineRest("operator", "/task?taskId=" + taskId)).body());
            assertThat(task).as("task %s still open", taskId).isEmpty();
        });
    }

    @Override
    protected String baseUrl() {
        return desk.baseUrl();
    }

    @Override
    protected GreenMail smtp() {
        return SMTP;
    }
}
