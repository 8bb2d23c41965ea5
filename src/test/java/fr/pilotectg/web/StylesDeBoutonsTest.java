package fr.pilotectg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, one button style per kind of action across the product (ADR 0022): what removes or cannot be undone is
 * {@code btn-outline-danger} (or {@code btn-danger} on a confirmation page), what saves, adds or creates is
 * {@code btn-primary}, anything else (filter, search, restore, go back) is {@code btn-outline-secondary}; never a
 * button drawn as a link.
 */
class StylesDeBoutonsTest {

    private static final Path GABARITS = Path.of("src/main/resources/templates");
    static final List<String> DANGER = List.of("Retirer", "Supprimer", "Révoquer", "Désactiver", "Se déconnecter partout",
            "Déverrouiller", "Clôturer", "Garder");
    static final List<String> PRIMAIRE = List.of("Enregistrer", "Ajouter", "Créer", "Ouvrir", "Valider", "Programmer",
            "Vérifier", "Relancer", "Imprimer", "Se connecter", "Recevoir", "Mettre à jour", "Renuméroter", "Nouveau lien",
            "C'est cette personne", "Choisir", "Importer", "Fusionner", "Déplacer", "Autoriser", "Accorder", "Changer", "Confirmer", "Tout enregistrer", "Signer");
    private static final Set<String> GENRES = Set.of("btn-primary", "btn-outline-primary", "btn-secondary", "btn-outline-secondary",
            "btn-danger", "btn-outline-danger", "btn-warning", "btn-outline-warning", "btn-link", "btn-outline-dark", "btn-dark",
            "btn-success", "btn-outline-success", "btn-info", "btn-outline-info");
    private static final Pattern RETIRER = Pattern.compile("fragments/actions :: retirer\\((.*?)\\)}\"", Pattern.DOTALL);

    @Test
    void every_button_has_the_style_of_its_kind_of_action() throws IOException {
        List<String> fautes = new ArrayList<>();
        int boutons = 0;
        try (Stream<Path> fichiers = Files.walk(GABARITS)) {
            for (Path fichier : fichiers.filter(f -> f.toString().endsWith(".html")).toList()) {
                String source = Files.readString(fichier, StandardCharsets.UTF_8);
                for (Element bouton : Jsoup.parse(source).select("button.btn")) {
                    String texte = bouton.ownText().strip();
                    if (texte.isEmpty() || texte.equals("Se déconnecter")) {
                        continue;
                    }
                    boutons++;
                    List<String> genres = bouton.classNames().stream().filter(GENRES::contains).toList();
                    List<String> attendus = DANGER.stream().anyMatch(texte::startsWith) ? List.of("btn-outline-danger", "btn-danger")
                            : PRIMAIRE.stream().anyMatch(texte::startsWith) ? List.of("btn-primary") : List.of("btn-outline-secondary");
                    if (genres.size() != 1 || !attendus.contains(genres.get(0))) {
                        fautes.add(GABARITS.relativize(fichier) + " « " + texte + " » : " + genres + " au lieu de " + attendus);
                    }
                }
                Matcher retirer = RETIRER.matcher(source);
                while (retirer.find()) {
                    String arguments = retirer.group(1);
                    String classe = arguments.substring(arguments.lastIndexOf(',') + 1);
                    if (!classe.contains("btn-outline-danger")) {
                        fautes.add(GABARITS.relativize(fichier) + " « Retirer » (fragment) : " + classe.strip());
                    }
                }
            }
        }
        assertThat(boutons).as("buttons found").isGreaterThan(60);
        assertThat(fautes).as("buttons not styled as their kind of action").isEmpty();
    }
}
