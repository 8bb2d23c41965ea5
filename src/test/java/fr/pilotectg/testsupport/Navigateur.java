package fr.pilotectg.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, with Debian's {@code chromium} and {@code chromium-driver}.
 * Register it in a browser test class with
 * {@code @RegisterExtension static final Navigateur navigateur = new Navigateur();}: the browser starts
 * before the class's first test and quits after its last one.
 * <p>
 * Without Chromium or its driver, the class is skipped with a message saying what to install; on a CI
 * server (environment variable {@code CI} set) it fails instead, so browser tests are never silently skipped.
 */
public final class Navigateur implements BeforeAllCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MESSAGE_ABSENT = "Browser tests skipped: install Debian packages chromium and chromium-driver";

    private WebDriver driver;
    private Path profil;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        exigerChromium(System.getenv("CI") != null, Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        profil = Files.createTempDirectory("pilote-ctg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--lang=fr-FR", "--user-data-dir=" + profil.toAbsolutePath(),
                // Bootstrap scrolls smoothly unless motion is reduced: a click below the fold would land mid-scroll.
                "--force-prefers-reduced-motion");
        LoggingPreferences journaux = new LoggingPreferences();
        journaux.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, journaux);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * Skips (developer machine) or fails (CI) when the browser is missing. Package-private so that the
     * rule itself is tested without uninstalling anything.
     */
    static void exigerChromium(boolean surCi, boolean installe) {
        if (installe) {
            return;
        }
        if (surCi) {
            Assertions.fail(MESSAGE_ABSENT.replace("skipped", "cannot run") + " (CI is set: browser tests must not be skipped)");
        }
        Assumptions.assumeTrue(false, MESSAGE_ABSENT);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profil != null) {
                supprimer(profil);
                profil = null;
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a fresh session: forgets any cookie, then logs in through the login form. */
    public void seConnecter(String urlDeBase, String identifiant, String motDePasse) {
        driver.manage().deleteAllCookies();
        driver.get(urlDeBase + "/connexion");
        driver.findElement(By.id("username")).sendKeys(identifiant);
        driver.findElement(By.id("password")).sendKeys(motDePasse);
        driver.findElement(By.cssSelector("form[action$='/connexion'] button[type=submit]")).click();
        attendre().until(ExpectedConditions.not(ExpectedConditions.urlContains("/connexion")));
    }

    /** What the pages wrote to the browser console since the last call (the browser reports CSP violations there). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    public WebDriverWait attendre() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Saves a screenshot of the current page (for humans reading the build output, not asserted). */
    public Path capture(Path fichier) {
        try {
            File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(fichier.toAbsolutePath().getParent());
            return Files.copy(png.toPath(), fichier, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void supprimer(Path dossier) throws IOException {
        try (Stream<Path> chemins = Files.walk(dossier)) {
            chemins.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
