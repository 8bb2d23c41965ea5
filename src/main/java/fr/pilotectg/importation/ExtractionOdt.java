package fr.pilotectg.importation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An ODT read from its {@code content.xml} with the JDK's XML parser (no external entity, no DOCTYPE), in body
 * order: {@code text:h} is a heading of its {@code text:outline-level}, {@code text:p} a paragraph, the items of a
 * {@code text:list} list items of their nesting depth, each {@code table:table-row} a tab-separated table row (a
 * table nested in a cell gives its rows after the row holding it). The ZIP is read within the bounds of
 * {@link ArchiveBornee}.
 */
final class ExtractionOdt {

    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private ExtractionOdt() {
    }

    static List<Ligne> lire(Map<String, byte[]> archive) {
        byte[] contenu = archive.get("content.xml");
        if (contenu == null) {
            throw ImportRefuse.parce("Ce fichier ODT n'a pas de contenu (content.xml manquant) : il ne peut pas être lu.");
        }
        org.w3c.dom.Document xml;
        try {
            DocumentBuilderFactory fabrique = DocumentBuilderFactory.newInstance();
            fabrique.setNamespaceAware(true);
            fabrique.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            fabrique.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            fabrique.setXIncludeAware(false);
            fabrique.setExpandEntityReferences(false);
            DocumentBuilder lecteur = fabrique.newDocumentBuilder();
            lecteur.setErrorHandler(null);
            xml = lecteur.parse(new ByteArrayInputStream(contenu));
        } catch (Exception e) {
            throw ImportRefuse.parce("Ce fichier ODT est abîmé : son contenu ne peut pas être lu.");
        }
        List<Ligne> lignes = new ArrayList<>();
        var corps = xml.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "text");
        for (int i = 0; i < corps.getLength(); i++) {
            parcourir(corps.item(i), lignes, 0);
        }
        return lignes;
    }

    private static void parcourir(Node parent, List<Ligne> lignes, int profondeurDeListe) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (lignes.size() > LimitesDImport.LIGNES_MAX) {
                throw ImportRefuse.parce("Le document dépasse " + LimitesDImport.LIGNES_MAX + " lignes : il est trop long pour être importé.");
            }
            String ns = e.getNamespaceURI();
            String nom = e.getLocalName();
            if (TEXT.equals(ns) && "h".equals(nom)) {
                int niveau = 1;
                try {
                    niveau = Integer.parseInt(e.getAttributeNS(TEXT, "outline-level"));
                } catch (NumberFormatException ignore) {
                    // a heading without level is a first-level heading
                }
                ajouter(lignes, texte(e), Ligne.NatureDeLigne.TITRE, Math.max(1, Math.min(niveau, 6)));
            } else if (TEXT.equals(ns) && "p".equals(nom)) {
                ajouter(lignes, texte(e), profondeurDeListe > 0 ? Ligne.NatureDeLigne.LISTE : Ligne.NatureDeLigne.PARAGRAPHE, Math.min(profondeurDeListe, 6));
            } else if (TEXT.equals(ns) && "list".equals(nom)) {
                parcourir(e, lignes, profondeurDeListe + 1);
            } else if (TABLE.equals(ns) && "table-row".equals(nom)) {
                rangee(e, lignes);
            } else {
                // sections, list items, table bodies and row groups: their content in order
                parcourir(e, lignes, profondeurDeListe);
            }
        }
    }

    private static void rangee(Element rangee, List<Ligne> lignes) {
        List<String> cellules = new ArrayList<>();
        List<Element> imbriquees = new ArrayList<>();
        for (Node n = rangee.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element cellule && TABLE.equals(cellule.getNamespaceURI())
                    && ("table-cell".equals(cellule.getLocalName()) || "covered-table-cell".equals(cellule.getLocalName()))) {
                List<String> paragraphes = new ArrayList<>();
                contenuDeCellule(cellule, paragraphes, imbriquees);
                cellules.add(String.join(Ligne.SAUT, paragraphes).replace('\t', ' '));
            }
        }
        if (cellules.stream().anyMatch(c -> !c.isBlank())) {
            int fin = cellules.size();
            while (fin > 1 && cellules.get(fin - 1).isBlank()) {
                fin--;
            }
            lignes.add(new Ligne(0, String.join("\t", cellules.subList(0, fin)), Ligne.NatureDeLigne.TABLEAU, 0));
        }
        for (Element t : imbriquees) {
            parcourir(t, lignes, 0);
        }
    }

    private static void contenuDeCellule(Element e, List<String> paragraphes, List<Element> imbriquees) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element enfant)) {
                continue;
            }
            if (TABLE.equals(enfant.getNamespaceURI()) && "table".equals(enfant.getLocalName())) {
                imbriquees.add(enfant);
            } else if (TEXT.equals(enfant.getNamespaceURI()) && ("p".equals(enfant.getLocalName()) || "h".equals(enfant.getLocalName()))) {
                String t = texte(enfant).strip();
                if (!t.isEmpty()) {
                    paragraphes.add(t);
                }
            } else {
                contenuDeCellule(enfant, paragraphes, imbriquees);
            }
        }
    }

    private static void ajouter(List<Ligne> lignes, String texte, Ligne.NatureDeLigne genre, int niveau) {
        if (texte.isBlank()) {
            lignes.add(new Ligne(0, "", Ligne.NatureDeLigne.VIDE, 0));
        } else {
            lignes.add(new Ligne(0, texte, genre, niveau));
        }
    }

    /** The text of a paragraph: spans in order, {@code text:s} as spaces, tabs and line breaks as spaces, notes left out. */
    private static String texte(Node e) {
        StringBuilder sb = new StringBuilder();
        texte(e, sb);
        return sb.toString();
    }

    private static void texte(Node e, StringBuilder sb) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            } else if (n instanceof Element enfant && TEXT.equals(enfant.getNamespaceURI())) {
                switch (enfant.getLocalName()) {
                    case "s" -> {
                        int c = 1;
                        try {
                            c = Integer.parseInt(enfant.getAttributeNS(TEXT, "c"));
                        } catch (NumberFormatException ignore) {
                            // one space
                        }
                        sb.append(" ".repeat(Math.max(1, Math.min(c, 100))));
                    }
                    case "tab", "line-break" -> sb.append(' ');
                    case "note", "bookmark", "bookmark-start", "bookmark-end", "tracked-changes" -> {
                    }
                    default -> texte(enfant, sb);
                }
            } else if (n instanceof Element autre) {
                texte(autre, sb);
            }
        }
    }
}
