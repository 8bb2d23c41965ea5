package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.Vocabulaire;

/**
 * Turns the printed pieces of one field (paragraphs, list items, table cells) into the value the plan API takes for
 * its type: a text, a list of items, vocabulary codes, organisation or territory names, indicators.
 */
final class AnalysePlanValeurs {

    private static final Pattern ANNEE = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern PERIODE = Pattern.compile("(?<!\\d)(20\\d\\d)\\s*[-–/à]+\\s*(20\\d\\d)(?!\\d)");

    private static final Pattern POINT_VIRGULE = Pattern.compile("\\s*;\\s*");
    /** Words that start the name of a local authority ("CCBA-Mairie Aubenas", "CCBA et mairie Aubenas"). */
    private static final String COLLECTIVITE = "(?i:mairie|commune|ville|communaut[ée]|d[ée]partement|conseil)\\b";
    /**
     * Between organisation or territory names: ";", ",", a dash between spaces, a slash before a capital, "en lien
     * avec", "et" or a dash between an acronym and a local authority ("CCBA et Aubenas", "CCBA-Mairie Aubenas"), "et"
     * before a local authority or an association, "et" between a name and an acronym ("Aubenas et CCBA");
     * "GRETA et centres de formation", "coopération commune et CCBA", "RPE-PIAPE", "petite enfance / enfance" and
     * "Vals-les-Bains" stay whole.
     */
    private static final Pattern SEPARATEURS_DE_NOMS = Pattern.compile("\\s*[;,•]\\s*|\\s+[-–—]\\s*|\\s*[–—]\\s+"
            + "|\\s+/\\s+(?!\\p{Ll})|\\s+/(?=\\S)|(?<=\\S)/\\s+"
            + "|\\s+(?i:en lien avec)\\s+(?:l'|les\\s+|le\\s+|la\\s+)?"
            + "|(?<=\\b\\p{Lu}{2,6})(?:\\s+et\\s+(?=" + COLLECTIVITE + "|\\p{Lu}\\p{Ll})|-(?=" + COLLECTIVITE + "))"
            + "|(?<=\\p{L})\\s+et\\s+(?=" + COLLECTIVITE + "|(?i:communes|association)\\b)"
            + "|(?<=\\b\\p{Lu}\\p{Ll}{1,30})(?<!\\b(?:Commune|Mairie|Ville))\\s+et\\s+(?=\\p{Lu}{2,6}\\b)|(?<=\\))\\s+et\\s+(?=\\p{Lu})");
    /** A dash starting an item inside a paragraph ("… bénéficiaires -nombre de …", "… familles - Nombre de …"). */
    private static final Pattern TIRET = Pattern.compile("\\s+-\\s*(?=\\p{L})");
    /** "CCBA : Valérie OCTOBRE (0.75 ETP)": an organisation, then one of its staff by first name and surname. */
    private static final Pattern ORGANISATION_ET_PERSONNE = Pattern.compile("^([^:]{2,80}?)\\s*:\\s*\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}{2,}");
    /** A share of working time ("0,1 ENFANCE", "0,25 ETP PARENTALITE"). */
    private static final Pattern QUOTITE = Pattern.compile("^\\d+(?:[.,]\\d+)?\\s*(?:ETP\\b)?\\s*\\p{Lu}{2,}");
    private static final Pattern BARRE = Pattern.compile("\\s*/\\s+|\\s+/\\s*");
    private static final Pattern ELISION_D_UN_NOM = Pattern.compile("(?:[dl]|qu)['’]\\p{Lu}\\p{Ll}*");
    private static final Pattern COLLECTIVITE_SEULE = Pattern.compile("(?i:mairie|commune|ville|département|departement|communauté|communaute|association)");
    private static final Pattern BARRE_COLLEE = Pattern.compile("(?<=\\p{L})/\\s+");
    private static final Pattern ROLE = Pattern.compile("^(?i:pilotage|pilotes?|co[- ]?portage|co[- ]?porteurs?|porteurs?)\\s*:\\s*");
    /** "CCAS : PRE, EVS", "AVS : ACF": an organisation and its services, one name. */
    private static final Pattern SIGLE_ET_SERVICES = Pattern.compile("^\\p{Lu}{2,6}\\s*:\\s*[^/:]+$");
    private static final Pattern TIRET_COLLE = Pattern.compile("\\s+-(?=\\S)");
    /** The number of a list item ("1. ", "2) "). */
    private static final Pattern NUMERO_D_ITEM = Pattern.compile("^\\d{1,2}[.)]\\s+");
    /** A number starting an item inside a paragraph, before a capital ("1 La mise", "3L'animation"). */
    private static final Pattern NUMERO_EN_LIGNE = Pattern.compile("(?:^|(?<=\\s))(\\d{1,2})[.)]?\\s*(?=\\p{Lu})");

    /** A piece of a field's value: a paragraph or cell ({@code item} false) or a list item. */
    record Morceau(String texte, boolean item) {
    }

    private AnalysePlanValeurs() {
    }

    /** The value of a template field, or null when nothing usable was printed; unknown vocabulary words go to {@code illisibles}. */
    static Object valeur(ChampModele champ, List<Morceau> morceaux, List<String> illisibles) {
        List<Morceau> utiles = morceaux.stream().map(m -> new Morceau(AnalysePlanTextes.propre(m.texte()), m.item()))
                .filter(m -> !m.texte().isEmpty() && !m.texte().matches("[-–•.]+")).toList();
        if (utiles.isEmpty()) {
            return null;
        }
        return switch (champ.type()) {
            case TEXTE -> String.join("\n\n", utiles.stream().map(Morceau::texte).toList());
            case LISTE -> items(utiles, true);
            case ORGANISATIONS -> noms(organisations(morceaux), SEPARATEURS_DE_NOMS);
            case TERRITOIRES -> noms(utiles, SEPARATEURS_DE_NOMS);
            case INDICATEURS -> items(utiles, true).stream().map(AnalysePlanValeurs::indicateur).toList();
            case VOCABULAIRE -> {
                List<String> codes = codes(champ.vocabulaire(), noms(utiles), illisibles);
                yield codes.isEmpty() ? null : codes.get(0);
            }
            case VOCABULAIRES -> {
                List<String> codes = codes(champ.vocabulaire(), noms(utiles), illisibles);
                yield codes.isEmpty() ? null : codes;
            }
        };
    }

    /**
     * List items: bullets as printed, less a numbering ("1. …"); a paragraph is cut at dashes that start items ("-a
     * -b"), at an inline numbering ("1 … 2 … 3…") and where {@link #elements} sees a new item; a piece ending with ":"
     * leads the dash items after it, which stay in its item ("Remobilisation des jeunes : aller vers … ; sortir …").
     */
    static List<String> items(List<Morceau> morceaux, boolean couper) {
        List<String> items = new ArrayList<>();
        for (Morceau m : morceaux) {
            if (m.item() || !couper) {
                String t = couper ? NUMERO_D_ITEM.matcher(m.texte()).replaceFirst("") : m.texte();
                items.add(t.isBlank() ? m.texte() : t);
                continue;
            }
            for (String numerote : numerotes(m.texte())) {
                items.addAll(itemsDUnParagraphe(numerote));
            }
        }
        return items;
    }

    private static List<String> itemsDUnParagraphe(String t) {
        Pattern tiret = null;
        boolean premierEstUnItem = t.startsWith("-");
        if (premierEstUnItem) {
            tiret = TIRET_COLLE;
        } else {
            List<MatchResult> tirets = TIRET.matcher(t).results().toList();
            if (tirets.size() >= 2 || tirets.size() == 1 && t.substring(0, tirets.get(0).start()).strip().endsWith(":")) {
                tiret = TIRET;
            }
        }
        List<String> sortie = new ArrayList<>();
        List<String> sous = new ArrayList<>();
        String[] tete = {null};
        if (tiret == null) {
            List<String> elements = elements(t);
            libres(elements.size() == 1 ? phrasesEntreBarres(t) : elements, sortie, sous, tete);
        } else {
            List<String> segments = couper(tiret, premierEstUnItem ? t.substring(1) : t);
            for (int i = 0; i < segments.size(); i++) {
                List<String> elements = elements(segments.get(i));
                if (i == 0 && !premierEstUnItem) {
                    libres(elements, sortie, sous, tete);
                    continue;
                }
                if (tete[0] != null) {
                    sous.add(elements.get(0));
                } else {
                    sortie.add(elements.get(0));
                }
                libres(elements.subList(1, elements.size()), sortie, sous, tete);
            }
        }
        fermer(sortie, sous, tete);
        return sortie.stream().map(AnalysePlanTextes::propre).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * "Repérer et accompagner … / Maintenir le nombre de places …": sentences a slash separates, when each side has
     * four words or more ("Nombre de familles / parents présents", "l'ARS / CPAM" stay whole), or a slash typed
     * right after a word as a list separator ("Les jeunes/ tout habitant").
     */
    private static List<String> phrasesEntreBarres(String texte) {
        List<String> parts = couper(BARRE, texte);
        return parts.stream().allMatch(p -> AnalysePlanTextes.cle(p).split(" ").length >= 4) ? parts
                : BARRE_COLLEE.matcher(texte).find() ? couper(BARRE_COLLEE, texte) : List.of(texte);
    }

    /** Items printed without a dash: each its own item, one ending with ":" the lead of the dash items that follow. */
    private static void libres(List<String> elements, List<String> sortie, List<String> sous, String[] tete) {
        for (String e : elements) {
            fermer(sortie, sous, tete);
            if (AnalysePlanTextes.propre(e).endsWith(":")) {
                tete[0] = AnalysePlanTextes.propre(e);
            } else {
                sortie.add(e);
            }
        }
    }

    private static void fermer(List<String> sortie, List<String> sous, String[] tete) {
        if (tete[0] != null) {
            sortie.add(sous.isEmpty() ? tete[0] : tete[0] + " " + String.join(" ; ", sous));
        }
        tete[0] = null;
        sous.clear();
    }

    /** "1 La mise … 2 La mise … 3L'animation …": a paragraph numbered 1, 2, 3… cut at its numbers; else itself. */
    static List<String> numerotes(String texte) {
        List<MatchResult> numeros = NUMERO_EN_LIGNE.matcher(texte).results().toList();
        List<MatchResult> suite = new ArrayList<>();
        for (MatchResult n : numeros) {
            if (Integer.parseInt(n.group(1)) == suite.size() + 1) {
                suite.add(n);
            }
        }
        if (suite.size() < 2 || suite.get(0).start() != 0) {
            return List.of(texte);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < suite.size(); i++) {
            int fin = i + 1 < suite.size() ? suite.get(i + 1).start() : texte.length();
            parts.add(texte.substring(suite.get(i).end(), fin).strip());
        }
        return parts;
    }

    /**
     * The pieces of an organisations field that name organisations: a staffing cell ("CCBA : Valérie OCTOBRE (0.75
     * ETP) * - 0,25 ETP ENFANCE …") names the organisation before the person; its shares of time ("- 0,1 ENFANCE")
     * and its footnote ("* La Convention … contient …") name none; a role printed before the names ("Pilotage :",
     * "Co portage :") is no name.
     */
    static List<Morceau> organisations(List<Morceau> morceaux) {
        List<Morceau> gardes = new ArrayList<>();
        for (Morceau m : morceaux) {
            String brut = m.texte().strip();
            String t = AnalysePlanTextes.propre(brut);
            if (t.isEmpty() || t.matches("[-–•.]+") || brut.startsWith("*") || QUOTITE.matcher(t).find()) {
                continue;
            }
            Matcher personne = ORGANISATION_ET_PERSONNE.matcher(t);
            String nom = personne.find() ? personne.group(1) : ROLE.matcher(t).replaceFirst("");
            gardes.add(new Morceau(nom.isBlank() ? t : nom, m.item()));
        }
        return gardes;
    }

    /** Names separated by ";" (or one per line or bullet). */
    static List<String> noms(List<Morceau> morceaux) {
        return noms(morceaux, POINT_VIRGULE);
    }

    /** Names separated as {@code separateurs} says, outside brackets (and one per line or bullet). */
    static List<String> noms(List<Morceau> morceaux, Pattern separateurs) {
        List<String> noms = new ArrayList<>();
        for (Morceau m : morceaux) {
            List<String> parts = new ArrayList<>();
            String texte = AnalysePlanTextes.propre(m.texte());
            List<String> coupes = separateurs != POINT_VIRGULE && SIGLE_ET_SERVICES.matcher(texte).matches()
                    && texte.indexOf(':', texte.indexOf(':') + 1) < 0
                    ? List.of(texte) : couper(separateurs, texte);
            for (String p : coupes) {
                // Two words ("mairie Aubenas", "MAIRIE AUBENAS") are one name; longer runs may be several.
                parts.addAll(separateurs == POINT_VIRGULE || m.item() || p.split("\\s+").length < 3 ? List.of(p) : elements(p, true));
            }
            if (parts.size() > 1) {
                parts.removeIf(p -> p.strip().endsWith(":"));
            }
            for (String p : parts) {
                String s = AnalysePlanTextes.propre(p).replaceFirst("[.;,]$", "").strip();
                if (!s.isEmpty()) {
                    noms.add(s);
                }
            }
        }
        return noms;
    }

    /** Two acronyms printed joined by a hyphen ("RPE-PIAPE"): {@code "RPE PIAPE"}. */
    static final Pattern SIGLES_LIES = Pattern.compile("(?<![\\p{L}\\p{N}-])(\\p{Lu}{2,})-(\\p{Lu}{2,})(?![\\p{L}\\p{N}-])");

    /**
     * Items of a list where two lone acronyms follow each other, typed with a space in the cell ("RPE PIAPE"), are one
     * name when the document prints that pair joined by a hyphen elsewhere (not when the cell prints them on two lines) ({@code liees}, from {@link #SIGLES_LIES}).
     */
    static Object siglesLies(Object valeur, List<Morceau> morceaux, Set<String> liees) {
        if (!(valeur instanceof List<?> liste) || liste.size() < 2 || liees.isEmpty() || !liste.stream().allMatch(String.class::isInstance)) {
            return valeur;
        }
        List<String> items = new ArrayList<>();
        for (Object o : liste) {
            String item = (String) o;
            int dernier = items.size() - 1;
            String paire = dernier < 0 ? "" : items.get(dernier) + " " + item;
            if (dernier >= 0 && sigle(item) && sigle(items.get(dernier)) && !item.contains(" ") && !items.get(dernier).contains(" ")
                    && liees.contains(paire) && morceaux.stream().anyMatch(m -> AnalysePlanTextes.propre(m.texte()).contains(paire))) {
                items.set(dernier, paire);
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /** The text cut where {@code separateur} matches outside brackets and quotes. */
    static List<String> couper(Pattern separateur, String texte) {
        List<String> parts = new ArrayList<>();
        Matcher m = separateur.matcher(texte);
        int debut = 0;
        while (m.find()) {
            if (m.start() > 0 && profondeur(texte, m.start()) == 0) {
                parts.add(texte.substring(debut, m.start()));
                debut = m.end();
            }
        }
        parts.add(texte.substring(debut));
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static int profondeur(String texte, int fin) {
        int p = 0;
        for (int i = 0; i < fin; i++) {
            char c = texte.charAt(i);
            p += c == '(' || c == '[' || c == '«' ? 1 : c == ')' || c == ']' || c == '»' ? -1 : 0;
        }
        return Math.max(p, 0);
    }

    private static final java.util.Set<String> LIAISONS = java.util.Set.of("de", "du", "des", "la", "le", "les", "l", "d", "à", "a",
            "au", "aux", "en", "et", "ou", "pour", "par", "sur", "avec", "dans", "chez", "entre", "vers", "sans", "sous", "un", "une",
            "the", "of", "ses", "son", "sa", "leur", "leurs", "nos", "notre", "votre", "ce", "cet", "cette", "ces", "que", "qui",
            "dont", "selon", "via", "auprès", "autour", "depuis", "lors", "dès", "contre", "comme");

    /**
     * The items of a list cell whose paragraphs a converter ran together with spaces ("EAJE AMA Familles et
     * enfants", "… sur le territoire Répondre à la demande …"): a new item starts at a capitalised word after a
     * word ending in lower case that does not link it (not "du Pôle"), or at an acronym or a capitalised word right
     * after an acronym ("PMI CAF", "AMA Familles"); never inside brackets or quotes, never after ":" or ",". Words
     * in capitals after a lower-case word ("Service petite enfance CCBA") and capitalised names ("France Travail")
     * stay in their item.
     */
    static List<String> elements(String texte) {
        return elements(texte, false);
    }

    /** The items of a cell ({@link #elements(String)}); {@code noms}: of organisation names. */
    static List<String> elements(String texte, boolean noms) {
        String[] mots = texte.strip().split("\\s+");
        List<String> items = new ArrayList<>();
        StringBuilder courant = new StringBuilder();
        int profondeur = 0;
        for (int i = 0; i < mots.length; i++) {
            String mot = mots[i];
            if (i > 0 && profondeur == 0 && debutDElement(courant.toString().split(" "), i > 1 ? mots[i - 2] : "", mots[i - 1], mot,
                    i + 1 < mots.length ? mots[i + 1] : "", noms)) {
                items.add(courant.toString());
                courant.setLength(0);
            }
            courant.append(courant.length() == 0 ? "" : " ").append(mot);
            for (char c : mot.toCharArray()) {
                profondeur += c == '(' || c == '«' || c == '[' ? 1 : c == ')' || c == '»' || c == ']' ? -1 : 0;
            }
            profondeur = Math.max(profondeur, 0);
        }
        items.add(courant.toString());
        return items;
    }

    private static boolean debutDElement(String[] item, String avantAvant, String avant, String mot, String apres, boolean noms) {
        String premier = item[0];
        if (mot.isEmpty() || avant.isEmpty() || !Character.isUpperCase(mot.codePointAt(0))) {
            return false;
        }
        char fin = avant.charAt(avant.length() - 1);
        if (fin == ':' || fin == ',' || fin == '(' || fin == '-' || fin == '/' || fin == '\'' || fin == '’') {
            return false;
        }
        if (ELISION_D_UN_NOM.matcher(avant).matches() && !LIAISONS.contains(minuscules(mot))) {
            // "Art d'En Faire": a capital after an elided capitalised word is inside a name.
            return false;
        }
        boolean sigleAvant = sigle(avant.replaceFirst("^(?i:[dl]|qu)['’]", "")) || sigle(avant.substring(avant.lastIndexOf('-') + 1));
        if (sigleAvant) {
            return sigle(mot) || capitalise(mot);
        }
        if (COLLECTIVITE_SEULE.matcher(avant).matches()) {
            // "Mairie Aubenas", "association Art d'En Faire": a local authority or an association, then its name.
            return false;
        }
        if (capitalise(avant) && infinitif(mot)) {
            // "Former Informer Créer du lien": verbs, one item each.
            return true;
        }
        if (LIAISONS.contains(minuscules(avant))) {
            return false;
        }
        if (capitalise(avant) && LIAISONS.contains(minuscules(mot)) && !apres.isEmpty() && Character.isUpperCase(apres.codePointAt(0))) {
            // "Vals Les Bains": an article inside a name ("Mairie d'Aubenas Les gestionnaires …" starts an item).
            return false;
        }
        if (capitalise(avant) && pluriel(avant) && (avantAvant.isEmpty() || !LIAISONS.contains(minuscules(avantAvant)))) {
            // "Familles EAJE AMA", "Parents Professionnels de …": a plural common noun is an item of its own ("Les Centres Sociaux",
            // and "Structures AVS" or "Formateurs BAFA" when the list does not go on with a name after the acronym, stay whole).
            return capitalise(mot) || sigle(mot) && (sigle(apres) || capitalise(apres) && !LIAISONS.contains(minuscules(apres)));
        }
        if (capitalise(avant) && !pluriel(avant) && capitalise(mot) && pluriel(mot)) {
            // "Mission Locale Lycées", "Rézonance Services jeunesse".
            return true;
        }
        if (sigle(mot) && Character.isLowerCase(fin) && !capitalise(avant)) {
            // "Intervenants extérieurs EAJE", "Centres sociaux EVS": an acronym after a lower-case word starts the next item
            // when the item names several ("Service petite enfance CCBA", one service of the CCBA, stays whole); a sentence
            // of six words or more ends with the acronym it names ("… faites par les structures AVS"), unless acronyms follow.
            return (pluriel(premier) || sigle(premier) || LIAISONS.contains(minuscules(premier))) && !LIAISONS.contains(minuscules(apres))
                    && !(item.length >= 6 && !sigle(apres));
        }
        if (capitalise(mot) && minuscules(mot).equals(minuscules(premier)) && !avant.equals(premier)) {
            // "France Service France travail": an item does not name the same word twice.
            return true;
        }
        if (noms && capitalise(mot) && apres.isEmpty() && !pluriel(mot) && Character.isLowerCase(fin)) {
            // "Chargée de coopération Parentalité": a last capitalised word qualifies the name.
            return false;
        }
        if (noms && sigle(mot) && capitalise(avant) && !pluriel(avant) && item.length >= 2 && !LIAISONS.contains(minuscules(item[item.length - 2]))) {
            // "Médiathèque Intercommunale MDA": an acronym after a name of two words or more ("Association VIE" stays).
            return true;
        }
        String nomAvant = avant.substring(avant.lastIndexOf('-') + 1);
        return capitalise(mot) && (Character.isLowerCase(fin) || Character.isDigit(fin) || fin == ')' || fin == '.' || fin == '»'
                || fin == '!' || fin == '?') && !capitalise(nomAvant.isEmpty() ? avant : nomAvant);
    }

    private static String minuscules(String mot) {
        return mot.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    /** "Informer", "Accompagner", "Agir": a capitalised infinitive of the first or second group. */
    private static boolean infinitif(String mot) {
        return capitalise(mot) && mot.length() >= 5 && mot.matches("\\p{L}+(?:er|ir)");
    }

    /** "Familles", "Lycées", "Sociaux": a word ending like a French plural. */
    private static boolean pluriel(String mot) {
        String m = mot.replaceAll("[^\\p{L}]+$", "");
        return m.length() >= 4 && (m.endsWith("s") || m.endsWith("x"));
    }

    /** "CAF", "RPE-PIAPE", "PRH07": capitals (digits and dashes allowed), at least two letters. */
    private static boolean sigle(String mot) {
        String m = mot.replaceAll("[^\\p{L}\\p{N}-]", "");
        return m.chars().filter(Character::isLetter).count() >= 2 && m.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** "Familles", "Répondre": a capital then lower case. */
    private static boolean capitalise(String mot) {
        return mot.length() >= 2 && Character.isUpperCase(mot.codePointAt(0)) && mot.chars().skip(1).filter(Character::isLetter).findFirst()
                .stream().allMatch(Character::isLowerCase);
    }

    private static Map<String, Object> indicateur(String libelle) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("libelle", libelle);
        String cle = AnalysePlanTextes.cle(libelle);
        boolean quantitatif = cle.matches("^(nombres?|nb|taux|part|pourcentage|montant|frequentation|volume|evolution|ratio|proportion|turnover)\\b.*")
                || libelle.contains("%");
        i.put("type", quantitatif ? "QUANTITATIF" : "QUALITATIF");
        return i;
    }

    /** Vocabulary codes of printed words (by label or code, noise-tolerant); words matching none are reported. */
    static List<String> codes(Vocabulaire vocabulaire, List<String> mots, List<String> illisibles) {
        List<String> codes = new ArrayList<>();
        for (String mot : mots) {
            String cle = AnalysePlanTextes.cle(mot);
            String trouve = null;
            for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
                if (AnalysePlanTextes.cle(e.getValue()).equals(cle) || AnalysePlanTextes.cle(e.getKey()).equals(cle)) {
                    trouve = e.getKey();
                    break;
                }
            }
            if (trouve == null) {
                // "Soutenir la qualité des modes d'accueil des jeunes enfants": a label the printed words begin with.
                for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
                    String l = AnalysePlanTextes.cle(e.getValue());
                    if (l.length() >= 6 && (cle.startsWith(l) || l.startsWith(cle) && cle.length() >= 6)) {
                        trouve = e.getKey();
                        break;
                    }
                }
            }
            if (trouve == null) {
                trouve = proche(vocabulaire, cle);
            }
            if (trouve == null) {
                illisibles.add(mot);
            } else if (!codes.contains(trouve)) {
                codes.add(trouve);
            }
        }
        return codes;
    }

    /**
     * The code whose label shares most of its words with the printed words (a word counts when it differs by at most
     * one letter: "Informier" for "Informer"), if at least half of the label's words and more than any other label.
     */
    private static String proche(Vocabulaire vocabulaire, String cle) {
        List<String> mots = List.of(cle.split(" "));
        String meilleur = null;
        double score = 0.5;
        boolean egalite = false;
        for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
            List<String> libelle = List.of(AnalysePlanTextes.cle(e.getValue()).split(" ")).stream().filter(w -> w.length() > 2).toList();
            if (libelle.isEmpty()) {
                continue;
            }
            long communs = libelle.stream().filter(w -> mots.stream().anyMatch(m -> proches(m, w))).count();
            double s = (double) communs / libelle.size();
            if (s > score) {
                score = s;
                meilleur = e.getKey();
                egalite = false;
            } else if (s == score && meilleur != null) {
                egalite = true;
            }
        }
        return egalite ? null : meilleur;
    }

    private static boolean proches(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1 || Math.min(a.length(), b.length()) < 5) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int j = 0;
        while (j < a.length() - i && j < b.length() - i && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
            j++;
        }
        return a.length() - i - j <= 1 && b.length() - i - j <= 1;
    }

    /** Years of a printed period ("2026-2030" → 2026…2030, "2026, 2028" → 2026, 2028). */
    static List<Integer> annees(String texte) {
        TreeSet<Integer> annees = new TreeSet<>();
        if (texte == null) {
            return List.of();
        }
        Matcher p = PERIODE.matcher(texte);
        String reste = texte;
        while (p.find()) {
            int de = Integer.parseInt(p.group(1));
            int a = Integer.parseInt(p.group(2));
            if (a >= de && a - de <= 10) {
                for (int x = de; x <= a; x++) {
                    annees.add(x);
                }
            }
        }
        reste = PERIODE.matcher(reste).replaceAll(" ");
        Matcher m = ANNEE.matcher(reste);
        while (m.find()) {
            annees.add(Integer.parseInt(m.group(1)));
        }
        return List.copyOf(annees);
    }
}
