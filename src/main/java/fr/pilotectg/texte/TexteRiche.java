package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The rich text of a section (ADR 0013): HTML restricted to paragraphs, lists, bold, italics and line breaks,
 * without any attribute. Whatever comes in (a form's textarea, the API) is cleaned by an allow-list, so a script,
 * an event handler or a link never reaches a page. Text typed without any tag is read as plain text: blank lines
 * separate paragraphs, lines starting with "- " or "• " make a list, **double stars** make bold.
 */
public final class TexteRiche {

    private static final Safelist PERMIS = Safelist.none().addTags("p", "ul", "ol", "li", "strong", "em", "b", "i", "br");
    private static final Pattern BALISE = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern GRAS = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Document.OutputSettings SORTIE = new Document.OutputSettings().prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base).charset("UTF-8");

    private TexteRiche() {
    }

    /** The sanitised HTML of what was typed, "" when empty. */
    public static String nettoyer(String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return "";
        }
        String html = BALISE.matcher(saisie).find() ? saisie : depuisTexte(saisie);
        return Jsoup.clean(html, "", PERMIS, SORTIE).strip();
    }

    /** Plain text of sanitised HTML (for the journal and searches). */
    public static String enTexte(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    private static String depuisTexte(String texte) {
        StringBuilder html = new StringBuilder();
        for (String bloc : texte.strip().split("\\R\\s*\\R")) {
            List<String> lignes = List.of(bloc.split("\\R"));
            List<String> puces = new ArrayList<>();
            StringBuilder paragraphe = new StringBuilder();
            for (String ligne : lignes) {
                String l = ligne.strip();
                if (l.startsWith("- ") || l.startsWith("• ") || l.startsWith("* ")) {
                    fermerParagraphe(html, paragraphe);
                    puces.add(l.substring(2).strip());
                } else {
                    fermerListe(html, puces);
                    if (!l.isEmpty()) {
                        paragraphe.append(paragraphe.isEmpty() ? "" : "<br>").append(enLigne(l));
                    }
                }
            }
            fermerParagraphe(html, paragraphe);
            fermerListe(html, puces);
        }
        return html.toString();
    }

    private static void fermerParagraphe(StringBuilder html, StringBuilder paragraphe) {
        if (!paragraphe.isEmpty()) {
            html.append("<p>").append(paragraphe).append("</p>");
            paragraphe.setLength(0);
        }
    }

    private static void fermerListe(StringBuilder html, List<String> puces) {
        if (!puces.isEmpty()) {
            html.append("<ul>");
            puces.forEach(p -> html.append("<li>").append(enLigne(p)).append("</li>"));
            html.append("</ul>");
            puces.clear();
        }
    }

    private static String enLigne(String texte) {
        Matcher gras = GRAS.matcher(Entities.escape(texte));
        return gras.replaceAll("<strong>$1</strong>");
    }
}
