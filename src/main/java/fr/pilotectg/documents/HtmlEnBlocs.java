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
                    blocs.add(enrichi(element) ? riche(element) : Document.Paragraphe.de(texte));
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

    /** Whether the paragraph holds bold or italic words (kept as such in both renderers). */
    private static boolean enrichi(Element element) {
        return !element.select("strong, b, em, i").isEmpty();
    }

    /** The paragraph as runs of text, each bold and/or italic as in the HTML; outer spaces stripped. */
    private static Document.TexteRiche riche(Element element) {
        List<Document.TexteRiche.Segment> segments = new ArrayList<>();
        segments(element, false, false, segments);
        List<Document.TexteRiche.Segment> nettoyes = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Document.TexteRiche.Segment s = segments.get(i);
            String texte = s.texte();
            if (i == 0) {
                texte = texte.stripLeading();
            }
            if (i == segments.size() - 1) {
                texte = texte.stripTrailing();
            }
            if (!texte.isEmpty()) {
                nettoyes.add(new Document.TexteRiche.Segment(texte, s.gras(), s.italique()));
            }
        }
        return new Document.TexteRiche(nettoyes);
    }

    private static void segments(Element element, boolean gras, boolean italique, List<Document.TexteRiche.Segment> segments) {
        for (Node enfant : element.childNodes()) {
            if (enfant instanceof TextNode t) {
                if (!t.text().isEmpty()) {
                    segments.add(new Document.TexteRiche.Segment(t.text(), gras, italique));
                }
            } else if (enfant instanceof Element e && e.nameIs("br")) {
                segments.add(new Document.TexteRiche.Segment("\n", gras, italique));
            } else if (enfant instanceof Element e) {
                segments(e, gras || e.nameIs("strong") || e.nameIs("b"), italique || e.nameIs("em") || e.nameIs("i"), segments);
            }
        }
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
