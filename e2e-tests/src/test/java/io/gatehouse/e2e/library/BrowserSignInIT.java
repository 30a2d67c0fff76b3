package io.gatehouse.e2e.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.gatehouse.model.otp.Base32;
import io.gatehouse.model.otp.Totp;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 21.3: the browser flow in a real browser, Debian's Chromium headless through its ChromeDriver (installed by
 * .ci/run; the test is skipped where they are absent). Login, consent, enrolling an authenticator on the account page,
 * logout, and a second login with the TOTP code; screenshots of the pages go to e2e-tests/target/screenshots (the
 * ones in docs/screenshots come from such a run).
 */
class BrowserSignInIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CLIENT = "demo-rp";
    private static final String CALLBACK = "http://localhost:9090/callback";

    @Test
    void loginConsentTotpAndLogoutInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        String authorize = RunningSuite.url("authorize-service");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=820,900",
                "--lang=en-GB", "--disable-gpu");
        WebDriver browser = new ChromeDriver(service, options);
        try {
            // Login and consent.
            browser.get(authorize + "/authorize?" + UserAgentDriver.query(request("openid profile email")));
            await(browser, By.id("password"));
            screenshot(browser, "login");
            browser.findElement(By.id("username")).sendKeys("carol");
            browser.findElement(By.id("password")).sendKeys("carol-password-e2e-only");
            browser.findElement(By.cssSelector("button[value=login]")).click();
            await(browser, By.cssSelector("button[value=allow]"));
            screenshot(browser, "consent");
            browser.findElement(By.cssSelector("button[value=allow]")).click();
            awaitUrl(browser, CALLBACK);
            assertTrue(browser.getCurrentUrl().contains("code="), browser.getCurrentUrl());

            // The account page: enrol an authenticator app with the QR code's secret, confirm, recovery codes.
            browser.get(authorize + "/account");
            await(browser, By.cssSelector("button[value=begin]")).click();
            WebElement secret = await(browser, By.id("totp-secret"));
            byte[] key = Base32.decode(secret.getText());
            screenshot(browser, "account-enrol");
            long step = Totp.step(Instant.now());
            browser.findElement(By.id("confirm-code")).sendKeys(Totp.code(key, step));
            browser.findElement(By.cssSelector("button[value=confirm]")).click();
            List<WebElement> codes = await(browser, By.cssSelector("ul.codes")).findElements(By.tagName("code"));
            assertEquals(10, codes.size());
            screenshot(browser, "account-recovery-codes");

            // Logout through the end_session_endpoint, confirmed on its page.
            browser.get(authorize + "/end-session?client_id=" + CLIENT + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A9090%2F");
            await(browser, By.cssSelector("button[value=logout]")).click();
            awaitUrl(browser, "http://localhost:9090/");

            // A new login asks for the code after the password.
            browser.get(authorize + "/authorize?" + UserAgentDriver.query(request("openid")));
            await(browser, By.id("password")).sendKeys("carol-password-e2e-only");
            browser.findElement(By.id("username")).sendKeys("carol");
            browser.findElement(By.cssSelector("button[value=login]")).click();
            WebElement code = await(browser, By.id("code"));
            screenshot(browser, "login-code");
            code.sendKeys(Totp.code(key, step + 1)); // the next step: the confirmation used this one (RFC 6238 5.2)
            browser.findElement(By.cssSelector("button[value=verify]")).click();
            awaitUrl(browser, CALLBACK);
            assertTrue(browser.getCurrentUrl().contains("code="), browser.getCurrentUrl());
        } finally {
            browser.quit();
            service.stop();
        }
    }

    private static Map<String, String> request(String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", CLIENT);
        p.put("redirect_uri", CALLBACK);
        p.put("scope", scope);
        p.put("state", UUID.randomUUID().toString());
        p.put("nonce", UUID.randomUUID().toString());
        return p;
    }

    private static WebElement await(WebDriver browser, By what) {
        return until(() -> browser.findElements(what).stream().findFirst().orElse(null), "an element " + what, browser);
    }

    private static void awaitUrl(WebDriver browser, String prefix) {
        until(() -> browser.getCurrentUrl().startsWith(prefix) ? Boolean.TRUE : null, "a page at " + prefix, browser);
    }

    private static <T> T until(java.util.function.Supplier<T> found, String what, WebDriver browser) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + what + " at " + browser.getCurrentUrl() + ": " + browser.getPageSource());
    }

    private static void screenshot(WebDriver browser, String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
