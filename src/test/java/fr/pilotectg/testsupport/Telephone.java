package fr.pilotectg.testsupport;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** What every page shown on a phone-sized window must pass: axe-core's WCAG 2.1 A/AA rules and no sideways scrolling. */
public final class Telephone {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Telephone() {
    }

    public static void assertSansViolationNiDebordement(WebDriver driver, String etape) {
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations();
        assertThat(violations).as(() -> etape + " : " + violations.stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" ; "))).isEmpty();
        Object debordements = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-responsive'))
                    .map(e => e.tagName + '.' + e.className);""");
        assertThat((List<?>) debordements).as(etape + " : elements wider than the screen").isEmpty();
        // The whole document too: an element escaping its scrolling table (a hidden label, say) widens the page.
        Object largeurs = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) largeurs).longValue()).as(etape + " : the page scrolls sideways by so many pixels").isLessThanOrEqualTo(0);
    }
}
