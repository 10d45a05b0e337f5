package dev.dsrdesk.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as a person works it: sign in, pick a task from the list, claim it, fill its form, complete it,
 * follow a link in its header, sign out. Cockpit and the welcome app share its login form and header.
 *
 * <p>Headless Chromium 156 (Debian's, through chromedriver) delivers no trusted key or mouse events to the Camunda
 * webapps' pages: Selenium's sendKeys leaves Tasklist's login fields empty and its clicks do nothing there (their
 * Content-Security-Policy {@code sandbox} is the likely cause; the desk's own pages, without it, take real keys and
 * clicks, see the requester's steps). So typing here tries sendKeys first and, when the field did not take the
 * text, sets it as the page's own input event would; presses are the element's own {@code click()} through
 * JavaScript, which runs the same handlers a click runs. What a person sees and which buttons they press stay the
 * same; a button that is missing, hidden or disabled still fails the step.
 */
final class Tasklist {

    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Signs in through Tasklist's own login form. */
    void signIn(String user, String password) {
        signInAt("/camunda/app/tasklist/default/", user, password);
    }

    /** Opens a webapp (Cockpit, the welcome app) and signs in through its login form, which is Tasklist's. */
    void signInAt(String path, String user, String password) {
        browser.open(baseUrl + path);
        fillSignIn(user, password);
        browser.until(driver -> driver.findElements(By.cssSelector("input[type=password]")).isEmpty());
    }

    /** Fills and sends the login form the page shows (e.g. where the desk sent the browser to sign in). */
    void fillSignIn(String user, String password) {
        type(browser.visible(By.cssSelector("input[placeholder='Username']")), user);
        type(browser.visible(By.cssSelector("input[type=password]")), password);
        press(browser.visible(By.xpath("//button[normalize-space(.)='Log in']")));
    }

    /** Signs out through the header's user menu, as a person does; waits for the login form. */
    void signOut() {
        press(browser.visible(By.xpath("//a[contains(@class,'dropdown-toggle')][.//span[contains(@class,'glyphicon-user')]]")));
        press(browser.visible(By.xpath("//a[@ng-click='logout()']")));
        browser.visible(By.cssSelector("input[type=password]"));
    }

    /** Follows a link of the webapp's header (the desk's SLA dashboard, say) and waits for the next page. */
    void followHeaderLink(String text) {
        String before = browser.url();
        press(browser.visible(By.xpath("//div[@cam-widget-header]//a[normalize-space(.)='" + text + "']")));
        browser.until(driver -> !driver.getCurrentUrl().equals(before));
    }

    /** The names of the tasks the list shows (the selected filter). */
    List<String> taskNames() {
        browser.visible(By.cssSelector(".tasks-list"));
        return browser.all(By.cssSelector(".tasks-list .task h4")).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** Waits until the list shows a task of that name, and opens it; returns the task's id. */
    String open(String taskName) {
        WebElement entry = browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]//h4[normalize-space(.)='" + taskName + "']"));
        press(entry);
        browser.until(driver -> driver.getCurrentUrl().contains("task="));
        browser.visible(By.cssSelector(".fjs-form"));
        return browser.url().replaceAll(".*[?&]task=([^&]+).*", "$1");
    }

    /** The value a read-only field of the task's form shows. */
    String field(String label) {
        return control(label).getAttribute("value");
    }

    void claim() {
        press(browser.visible(By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']")));
        browser.visible(By.xpath("//*[self::a or self::button][normalize-space(.)='Unclaim' or contains(@class,'unclaim')]"));
    }

    /** Picks a radio option or ticks a checkbox by the text of its label. */
    void choose(String optionLabel) {
        press(browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(.)='" + optionLabel + "']")));
    }

    void fill(String label, String text) {
        type(control(label), text);
    }

    void complete() {
        press(browser.clickable(By.xpath("//button[normalize-space(.)='Complete']")));
    }

    private WebElement control(String label) {
        WebElement caption = browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'"
                + label + "')]"));
        return browser.driver().findElement(By.id(caption.getAttribute("for")));
    }

    private void type(WebElement field, String text) {
        field.sendKeys(text);
        if (!text.equals(field.getAttribute("value"))) {
            browser.script("""
                    const field = arguments[0];
                    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
                    setter.call(field, arguments[1]);
                    field.dispatchEvent(new Event('input', { bubbles: true }));
                    field.dispatchEvent(new Event('change', { bubbles: true }));
                    """, field, text);
        }
        if (!text.equals(field.getAttribute("value"))) {
            throw new AssertionError("the field does not take the text: " + field.getAttribute("outerHTML"));
        }
        // the person moves on: Camunda Forms take a typed value into the form when the field loses the focus (its input
        // handler is debounced), as a real click elsewhere would make it
        browser.script("arguments[0].blur()", field);
    }

    /** A press on a button, link or label that a person can see and use (see the class comment for why JavaScript). */
    private void press(WebElement element) {
        if (!element.isDisplayed() || !element.isEnabled()) {
            throw new AssertionError("not usable: " + element.getAttribute("outerHTML"));
        }
        browser.script("arguments[0].click()", element);
    }
}
