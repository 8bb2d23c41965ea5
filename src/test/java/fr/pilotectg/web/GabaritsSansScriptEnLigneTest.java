package fr.pilotectg.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy runs only the scripts of our own files ({@code script-src 'self'}): a script written in
 * a template would be blocked by the browser. So no template holds an inline {@code <script>}, an {@code on…=}
 * handler (also as {@code th:on…} or htmx's {@code hx-on}) or a {@code javascript:} address; pages get their
 * behaviour from {@code static/js/pilote.js} and {@code data-} attributes.
 */
class GabaritsSansScriptEnLigneTest {

    private static final Path GABARITS = Path.of("src", "main", "resources", "templates");
    private static final Pattern GESTIONNAIRE = Pattern.compile("^(th:|data-th-)?on[a-z]+$|^(data-)?hx-on.*");

    @Test
    void no_template_holds_a_script_the_content_security_policy_would_block() throws IOException {
        List<String> fautes = new ArrayList<>();
        List<Path> gabarits;
        try (Stream<Path> fichiers = Files.walk(GABARITS)) {
            gabarits = fichiers.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path gabarit : gabarits) {
            for (Element element : Jsoup.parse(Files.readString(gabarit)).getAllElements()) {
                fautes.addAll(fautes(GABARITS.relativize(gabarit), element));
            }
        }

        assertThat(gabarits).as("gabarits lus").hasSizeGreaterThan(30);
        assertThat(fautes).isEmpty();
    }

    private static List<String> fautes(Path gabarit, Element element) {
        List<String> fautes = new ArrayList<>();
        if (element.nameIs("script") && (!element.hasAttr("src") && !element.hasAttr("th:src") || !element.data().isBlank())) {
            fautes.add(gabarit + " : script en ligne " + element.outerHtml());
        }
        for (Attribute attribut : element.attributes()) {
            if (GESTIONNAIRE.matcher(attribut.getKey().toLowerCase(Locale.ROOT)).matches()) {
                fautes.add(gabarit + " : gestionnaire d'événement " + attribut);
            }
            if (attribut.getValue().toLowerCase(Locale.ROOT).contains("javascript:")) {
                fautes.add(gabarit + " : adresse javascript: " + attribut);
            }
        }
        return fautes;
    }
}
