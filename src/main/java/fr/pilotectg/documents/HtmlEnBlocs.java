package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** The sanitised rich text of a section (paragraphs, lists, line breaks) as document blocks. */
final class HtmlEnBlocs {

    private HtmlEnBlocs() {
    }

    static List<Document.Bloc> blocs(String html) {
        List<Document.Bloc> blocs = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return blocs;
        }
        StringBuilder enCours = new StringBuilder();
        for (Node noeud : Jsoup.parseBodyFragment(html).body().childNodes()) {
            if (noeud instanceof Element element && (element.nameIs("ul") || element.nameIs("ol"))) {
                vider(enCours, blocs);
                List<String> elements = element.children().stream().filter(e -> e.nameIs("li")).map(HtmlEnBlocs::texte)
                        .filter(t -> !t.isBlank()).toList();
                if (!elements.isEmpty()) {
                    blocs.add(new Document.Liste(elements));
                }
            } else if (noeud instanceof Element element && element.nameIs("p")) {
                vider(enCours, blocs);
                String texte = texte(element);
                if (!texte.isBlank()) {
                    blocs.add(Document.Paragraphe.de(texte));
                }
            } else if (noeud instanceof TextNode texte) {
                enCours.append(texte.text());
            } else if (noeud instanceof Element element) {
                enCours.append(texte(element));
            }
        }
        vider(enCours, blocs);
        return blocs;
    }

    /** The text of an element, its line breaks kept. */
    private static String texte(Element element) {
        StringBuilder texte = new StringBuilder();
        for (Node enfant : element.childNodes()) {
            if (enfant instanceof TextNode t) {
                texte.append(t.text());
            } else if (enfant instanceof Element e && e.nameIs("br")) {
                texte.append('\n');
            } else if (enfant instanceof Element e) {
                texte.append(texte(e));
            }
        }
        return texte.toString().strip();
    }

    private static void vider(StringBuilder enCours, List<Document.Bloc> blocs) {
        if (!enCours.toString().isBlank()) {
            blocs.add(Document.Paragraphe.de(enCours.toString().strip()));
        }
        enCours.setLength(0);
    }
}
