package fr.pilotectg.testsupport;

import java.util.ArrayList;
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
        List<String> problemes = problemes(driver);
        assertThat(problemes).as(etape).isEmpty();
    }

    /**
     * What is wrong with the page shown, as sentences (empty when nothing): axe-core's WCAG 2.1 A/AA violations, the
     * elements wider than the window outside a scrolling table, and the whole document scrolling sideways.
     */
    public static List<String> problemes(WebDriver driver) {
        List<String> problemes = new ArrayList<>();
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations();
        violations.forEach(v -> problemes.add("axe " + v.getId() + " : "
                + v.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", "))));
        Object debordements = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-responsive'))
                    .map(e => e.tagName + '.' + e.className);""");
        if (!((List<?>) debordements).isEmpty()) {
            problemes.add("elements wider than the screen : " + ((List<?>) debordements).stream().limit(5).toList());
        }
        // The whole document too: an element escaping its scrolling table (a hidden label, say) widens the page.
        Number largeur = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        if (largeur.longValue() > 0) {
            problemes.add("the page scrolls sideways by " + largeur + " px");
        }
        return problemes;
    }

    /** The scrolling tables of the page shown whose columns do not all fit (on a desktop, no column may be cut). */
    public static List<String> tablesCoupees(WebDriver driver) {
        Object coupees = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('.table-responsive'))
                    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
                    .map(e => { const t = e.querySelector('table');
                                return (t && t.id ? '#' + t.id : (t ? t.className : e.className)) + ' (' + e.scrollWidth + ' px pour ' + e.clientWidth + ')'; });""");
        return ((List<?>) coupees).stream().map(String::valueOf).toList();
    }
}
