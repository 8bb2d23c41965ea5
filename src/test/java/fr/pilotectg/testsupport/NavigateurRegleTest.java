package fr.pilotectg.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a browser, browser tests are skipped on a developer machine and fail on CI. */
class NavigateurRegleTest {

    @Test
    void missing_browser_skips_with_what_to_install() {
        assertThatThrownBy(() -> Navigateur.exigerChromium(false, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Browser tests skipped: install Debian packages chromium and chromium-driver");
    }

    @Test
    void missing_browser_fails_on_ci() {
        assertThatThrownBy(() -> Navigateur.exigerChromium(true, false))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("chromium and chromium-driver")
                .hasMessageContaining("CI");
    }

    @Test
    void installed_browser_runs_everywhere() {
        assertThatCode(() -> Navigateur.exigerChromium(false, true)).doesNotThrowAnyException();
        assertThatCode(() -> Navigateur.exigerChromium(true, true)).doesNotThrowAnyException();
    }
}
