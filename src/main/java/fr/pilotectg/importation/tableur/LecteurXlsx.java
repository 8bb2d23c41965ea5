package fr.pilotectg.importation.tableur;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import fr.pilotectg.shared.ErreurValidation;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an XLSX with SAX, row by row, without building POI's object model of every sheet (which, for
 * the follow-up export, also held its long history sheet): cells read as {@code XSSFWorkbook} would give them to
 * {@link LecteurTableur} (shared or inline strings, Oui/Non, dates by their cell format, numbers with a decimal comma).
 */
final class LecteurXlsx {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOIS = DateTimeFormatter.ofPattern("MM/yyyy");

    private LecteurXlsx() {
    }

    /** The sheet named {@code feuilleVoulue} (any case), else the first one; any failure but a refusal is thrown as is. */
    static FeuilleLue lire(byte[] contenu, String feuilleVoulue) throws Exception {
        try (OPCPackage paquet = OPCPackage.open(new ByteArrayInputStream(contenu))) {
            XSSFReader lecteur = new XSSFReader(paquet);
            boolean date1904 = date1904(lecteur);
            XSSFReader.SheetIterator feuilles = (XSSFReader.SheetIterator) lecteur.getSheetsData();
            if (!feuilles.hasNext()) {
                throw LecteurTableur.refus("Ce classeur ne contient aucune feuille.");
            }
            while (feuilles.hasNext()) {
                try (InputStream feuille = feuilles.next()) {
                    if (feuilles.getSheetName().equalsIgnoreCase(feuilleVoulue)) {
                        return lireFeuille(paquet, lecteur, feuilles.getSheetName(), feuille, date1904);
                    }
                }
            }
            feuilles = (XSSFReader.SheetIterator) lecteur.getSheetsData();
            try (InputStream premiere = feuilles.next()) {
                return lireFeuille(paquet, lecteur, feuilles.getSheetName(), premiere, date1904);
            }
        }
    }

    private static FeuilleLue lireFeuille(OPCPackage paquet, XSSFReader lecteur, String nom, InputStream feuille, boolean date1904)
            throws Exception {
        Lecture lecture = new Lecture(nom, new ReadOnlySharedStringsTable(paquet, false), lecteur.getStylesTable(), date1904);
        analyser(feuille, lecture);
        return lecture.resultat();
    }

    private static void analyser(InputStream xml, DefaultHandler gestionnaire) throws Exception {
        XMLReader analyseur = XMLHelper.newXMLReader();
        analyseur.setContentHandler(gestionnaire);
        try {
            analyseur.parse(new InputSource(xml));
        } catch (SAXException e) {
            if (e.getException() instanceof ErreurValidation refus) {
                throw refus;
            }
            throw e;
        }
    }

    /** Excel's 1904 date system (old Mac workbooks), read from the workbook part. */
    private static boolean date1904(XSSFReader lecteur) throws Exception {
        boolean[] date1904 = {false};
        try (InputStream classeur = lecteur.getWorkbookData()) {
            analyser(classeur, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String nom, Attributes attributs) throws SAXException {
                    if (local.equals("workbookPr")) {
                        String valeur = attributs.getValue("date1904");
                        date1904[0] = "1".equals(valeur) || "true".equalsIgnoreCase(valeur);
                    } else if (local.equals("sheets")) {
                        throw new SAXException(new Fin());
                    }
                }
            });
        } catch (SAXException e) {
            if (!(e.getException() instanceof Fin)) {
                throw e;
            }
        }
        return date1904[0];
    }

    /** Stops reading the workbook part once its properties are read. */
    private static final class Fin extends Exception {
        Fin() {
            super(null, null, false, false);
        }
    }

    /** The SAX handler of one sheet: rows, cells ({@code c}), values ({@code v}) and inline strings ({@code is/t}). */
    private static final class Lecture extends DefaultHandler {

        private final String nom;
        private final ReadOnlySharedStringsTable chaines;
        private final StylesTable styles;
        private final boolean date1904;
        private List<String> entetes;
        private final List<FeuilleLue.LigneLue> lignes = new ArrayList<>();

        private int ligne = -1;
        private final TreeMap<Integer, String> cellules = new TreeMap<>();
        private int derniereColonne;
        private int colonne = -1;
        private String type;
        private int style;
        private final StringBuilder valeur = new StringBuilder();
        private final StringBuilder enLigne = new StringBuilder();
        private boolean avecValeur;
        private boolean avecFormule;
        private boolean avecTexteEnLigne;
        private boolean dansValeur;
        private boolean dansTexte;
        private boolean dansPhonetique;

        Lecture(String nom, ReadOnlySharedStringsTable chaines, StylesTable styles, boolean date1904) {
            this.nom = nom;
            this.chaines = chaines;
            this.styles = styles;
            this.date1904 = date1904;
        }

        FeuilleLue resultat() {
            if (entetes == null) {
                throw LecteurTableur.refus("La feuille « " + nom + " » est vide : sa première ligne doit porter les titres des colonnes.");
            }
            return new FeuilleLue(nom, entetes, lignes);
        }

        @Override
        public void startElement(String uri, String local, String qNom, Attributes attributs) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = attributs.getValue("r");
                    ligne = r == null ? ligne + 1 : Integer.parseInt(r) - 1;
                    if (ligne > LecteurTableur.LIGNES_MAX) {
                        throw new SAXException(LecteurTableur.refus("La feuille « " + nom + " » a plus de " + LecteurTableur.LIGNES_MAX
                                + " lignes : découpez-la."));
                    }
                    cellules.clear();
                    derniereColonne = -1;
                    colonne = -1;
                }
                case "c" -> {
                    String r = attributs.getValue("r");
                    colonne = r == null ? colonne + 1 : colonne(r);
                    type = attributs.getValue("t");
                    String s = attributs.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    valeur.setLength(0);
                    enLigne.setLength(0);
                    avecValeur = false;
                    avecFormule = false;
                    avecTexteEnLigne = false;
                }
                case "v" -> {
                    dansValeur = true;
                    avecValeur = true;
                }
                case "f" -> avecFormule = true;
                case "is" -> avecTexteEnLigne = true;
                case "rPh" -> dansPhonetique = true;
                case "t" -> dansTexte = avecTexteEnLigne && !dansPhonetique;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] texte, int debut, int longueur) {
            if (dansValeur) {
                valeur.append(texte, debut, longueur);
            } else if (dansTexte) {
                enLigne.append(texte, debut, longueur);
            }
        }

        @Override
        public void endElement(String uri, String local, String qNom) {
            switch (local) {
                case "v" -> dansValeur = false;
                case "t" -> dansTexte = false;
                case "rPh" -> dansPhonetique = false;
                case "c" -> {
                    derniereColonne = Math.max(derniereColonne, colonne);
                    if (colonne < LecteurTableur.COLONNES_MAX) {
                        cellules.put(colonne, texteDeLaCellule());
                    }
                }
                case "row" -> finDeLigne();
                default -> {
                }
            }
        }

        private void finDeLigne() {
            int nombre = Math.min(derniereColonne + 1, LecteurTableur.COLONNES_MAX);
            List<String> valeurs = new ArrayList<>(nombre);
            for (int c = 0; c < nombre; c++) {
                valeurs.add(cellules.getOrDefault(c, ""));
            }
            if (entetes == null) {
                entetes = valeurs;
            } else if (valeurs.stream().anyMatch(v -> !v.isBlank())) {
                lignes.add(new FeuilleLue.LigneLue(ligne + 1, valeurs));
            }
        }

        private String texteDeLaCellule() {
            String v = valeur.toString();
            return switch (type == null ? "n" : type) {
                case "s" -> avecValeur ? chaines.getItemAt(Integer.parseInt(v.strip())).getString() : "";
                case "inlineStr" -> avecTexteEnLigne ? enLigne.toString() : v;
                case "str" -> v;
                case "b" -> !avecValeur ? "" : "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()) ? "Oui" : "Non";
                case "e" -> "";
                case "d" -> avecValeur ? DATE.format(LocalDate.parse(v.strip().substring(0, 10))) : "";
                // A formula never calculated (no cached value) reads as 0, as POI's model gives it.
                default -> avecValeur && !v.isBlank() ? nombre(Double.parseDouble(v.strip())) : avecFormule ? nombre(0) : "";
            };
        }

        private String nombre(double nombre) {
            XSSFCellStyle s = styles == null || styles.getNumCellStyles() == 0 ? null : styles.getStyleAt(style);
            if (s != null && DateUtil.isValidExcelDate(nombre) && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString())) {
                LocalDate date = DateUtil.getLocalDateTime(nombre, date1904).toLocalDate();
                String format = s.getDataFormatString();
                boolean sansJour = format != null && !format.toLowerCase(Locale.ROOT).contains("d");
                return (sansJour ? MOIS : DATE).format(date);
            }
            if (Double.isNaN(nombre) || Double.isInfinite(nombre)) {
                return "";
            }
            return BigDecimal.valueOf(nombre).stripTrailingZeros().toPlainString().replace('.', ',');
        }

        /** The column index of a cell reference such as « AB12 ». */
        private static int colonne(String reference) {
            int index = 0;
            Iterator<Integer> lettres = reference.chars().takeWhile(Character::isLetter).iterator();
            while (lettres.hasNext()) {
                index = index * 26 + (Character.toUpperCase(lettres.next()) - 'A' + 1);
            }
            return index - 1;
        }
    }
}
