package fr.pilotectg.importation;

import fr.pilotectg.importation.ConventionTrouvee.DeliberationTrouvee;
import fr.pilotectg.importation.ConventionTrouvee.Enjeu;
import fr.pilotectg.importation.ConventionTrouvee.GenreDePartie;
import fr.pilotectg.importation.ConventionTrouvee.ObjectifConjoint;
import fr.pilotectg.importation.ConventionTrouvee.Partie;
import fr.pilotectg.importation.ConventionTrouvee.PeriodeTrouvee;
import fr.pilotectg.importation.ConventionTrouvee.Section;
import fr.pilotectg.importation.ConventionTrouvee.SignatureTrouvee;
import fr.pilotectg.importation.ConventionTrouvee.TotalCompte;
import fr.pilotectg.importation.ConventionTrouvee.ValeurLue;
import fr.pilotectg.importation.ConventionTrouvee.Visa;
import fr.pilotectg.importation.LignesDeConvention.L;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the {@link ConventionTrouvee} part of a draft in an extracted document (deterministic, no network): parties and
 * representatives ({@link AnalyseParties}), visas and délibérations ("Vu …" lines), sections (preamble and numbered
 * articles), period and renewal (the duration article, else the years of the title), signature ("Fait à …",
 * "en N exemplaires"), enjeux and objectifs conjoints with the parties each group names. Names are then resolved to the
 * referential by {@link ResolutionDesParties} (absent in unit tests: names stay {@code NON_CHERCHE}).
 */
@Component
public class AnalyseConvention {

    private final ResolutionDesParties resolution;

    /** Without the referential: names are read, not resolved. */
    public AnalyseConvention() {
        this(null);
    }

    @Autowired
    public AnalyseConvention(ResolutionDesParties resolution) {
        this.resolution = resolution;
    }

    public ConventionTrouvee analyser(DocumentExtrait document) {
        if (document == null || document.lignes() == null || document.lignes().isEmpty()) {
            return ConventionTrouvee.vide();
        }
        List<L> lignes = LignesDeConvention.lignes(document);
        AnalyseParties.Resultat lues = AnalyseParties.analyser(lignes);
        List<Partie> parties = new ArrayList<>(lues.parties());
        List<Alerte> alertes = new ArrayList<>();
        if (resolution != null) {
            List<String> departements = departementsCites(lignes);
            parties.replaceAll(p -> p.avecResolution(resolution.resoudre(p, parties, departements)));
            for (Partie p : parties) {
                Alerte a = ResolutionDesParties.alerte(p);
                if (a != null) {
                    alertes.add(a);
                }
            }
        }
        List<TotalCompte> totaux = new ArrayList<>(lues.totaux());
        int finEntete = finEntete(lignes);
        List<Visa> visas = new ArrayList<>();
        List<DeliberationTrouvee> deliberations = new ArrayList<>();
        visasEtDeliberations(lignes, finEntete, parties, visas, deliberations);
        List<Section> sections = sections(lignes, parties);
        PeriodeTrouvee periode = periode(lignes, document.nomFichier());
        ValeurLue reconduction = reconduction(lignes);
        SignatureTrouvee signature = signature(lignes);
        List<Enjeu> enjeux = new ArrayList<>();
        List<ObjectifConjoint> objectifs = new ArrayList<>();
        objectifs(lignes, parties, enjeux, objectifs, totaux);
        for (TotalCompte t : totaux) {
            if (t.imprime() != t.trouve()) {
                alertes.add(new Alerte("TOTAL_DIFFERENT", "Le document annonce " + t.imprime() + " " + t.quoi() + ", l'analyse en a trouvé "
                        + t.trouve() + " : vérifiez la liste.", t.source()));
            }
        }
        Partie caf = parties.stream().filter(p -> p.genre() == GenreDePartie.CAF).findFirst().orElse(null);
        Partie epci = parties.stream().filter(p -> p.genre() == GenreDePartie.EPCI).findFirst().orElse(null);
        if (caf == null) {
            alertes.add(new Alerte("ILLISIBLE", "Aucune Caf n'a été trouvée parmi les parties : choisissez-la.", Source.ligne(1)));
        }
        if (epci == null) {
            alertes.add(new Alerte("ILLISIBLE", "Aucune intercommunalité (EPCI) n'a été trouvée parmi les parties : choisissez-la.", Source.ligne(1)));
        }
        ValeurLue titre = titre(lignes, epci, periode);
        return new ConventionTrouvee(titre, caf, epci, periode, reconduction, parties, lues.personnes(), visas, deliberations,
                signature, sections, enjeux, objectifs, totaux, alertes);
    }

    private static final Pattern DEPARTEMENT_CITE = Pattern.compile("\\b[Dd][ée]partement\\s+(?:de la|de l'|de l’|du|des|de|d'|d’)\\s*(\\p{Lu}[^,;:.()]{2,60})");

    /** What follows each "département de la …" of the document: the départements it names, as printed. */
    private static List<String> departementsCites(List<L> lignes) {
        List<String> cites = new ArrayList<>();
        for (L l : lignes) {
            Matcher m = DEPARTEMENT_CITE.matcher(l.texte());
            int depuis = 0;
            // from the name on: "le département de la Drôme et le département de l'Ardèche" names two
            while (m.find(depuis)) {
                cites.add(m.group(1).strip());
                depuis = m.start(1);
            }
        }
        return cites;
    }

    /** Index of the first preamble or article line: visas are read before it. */
    private static int finEntete(List<L> lignes) {
        for (int i = 0; i < lignes.size(); i++) {
            String c = lignes.get(i).cle();
            if (c.equals("preambule") || ARTICLE.matcher(lignes.get(i).texte()).matches()) {
                return i;
            }
        }
        return lignes.size();
    }

    private static final Pattern DELIBERATION = Pattern.compile("(?i)^vu\\s+(?:la|les)\\s+d[ée]lib[ée]rations?\\b\\s*(.*)$");
    private static final Pattern INSTANCE = Pattern.compile(
            "(?i)^(?:du|de la|de l'|des)\\s+((?:conseil|bureau|assembl[ée]e|commission|comit[ée])(?:\\s+(?:d'administration|communautaire|municipal|d[ée]partemental|r[ée]gional|syndical|permanente|g[ée]n[ée]rale))?)\\s*(.*)$");
    private static final Pattern EN_DATE = Pattern.compile("(?i)en\\s*date\\s+(?:du\\s+)?(.*?)(?:\\s+(?:concernant|relative|portant|figurant|approuvant)\\b.*)?\\s*[;.]?\\s*$");

    private static void visasEtDeliberations(List<L> lignes, int fin, List<Partie> parties, List<Visa> visas,
                                             List<DeliberationTrouvee> deliberations) {
        for (int i = 0; i < fin; i++) {
            L l = lignes.get(i);
            if (!l.texte().matches("(?i)^vu\\s+(l[ae']|les|le|l’)\\s*.*") || !l.texte().startsWith("V")) {
                continue;
            }
            String texte = l.texte().replaceAll("\\s*[;.,]\\s*$", "").strip();
            Matcher d = DELIBERATION.matcher(texte);
            if (!d.matches()) {
                visas.add(new Visa(texte, Source.ligne(l.numero()), 0.95));
                continue;
            }
            String reste = d.group(1).strip();
            String cle = LignesDeConvention.cle(reste);
            if (cle.contains("autant de deliberations que de communes")) {
                for (Partie p : parties) {
                    if (p.genre() == GenreDePartie.COMMUNE && deliberations.stream().noneMatch(x -> x.partie().equals(p.nomImprime()))) {
                        deliberations.add(new DeliberationTrouvee(p.nomImprime(), "conseil municipal", null, "...", Source.ligne(l.numero()), 0.5));
                    }
                }
                continue;
            }
            Matcher inst = INSTANCE.matcher(reste);
            String instance = null;
            String apresInstance = reste;
            if (inst.matches()) {
                instance = inst.group(1).strip().toLowerCase(java.util.Locale.FRENCH);
                apresInstance = inst.group(2);
            }
            Matcher ed = EN_DATE.matcher(apresInstance);
            String organisation = apresInstance;
            LocalDate date = null;
            String dateTexte = null;
            if (ed.find()) {
                organisation = apresInstance.substring(0, ed.start());
                String quand = ed.group(1).strip();
                date = LignesDeConvention.date(quand);
                if (date == null) {
                    dateTexte = quand.replaceFirst("(?i)^du\\s+", "").strip();
                    dateTexte = dateTexte.isEmpty() ? "..." : dateTexte;
                }
            } else {
                dateTexte = "...";
            }
            Partie partie = partieNommee(organisation, instance, parties);
            deliberations.add(new DeliberationTrouvee(partie == null ? organisation.replaceFirst("(?i)^(de la|du|de l'|de|des)\\s+", "").strip() : partie.nomImprime(),
                    instance, date, dateTexte, Source.ligne(l.numero()), partie == null || instance == null ? 0.5 : 0.9));
        }
    }

    /** The party a printed organisation designates, by name, sigle, or kind (the instance tells a Caf, an EPCI, a commune). */
    static Partie partieNommee(String texte, String instance, List<Partie> parties) {
        String c = " " + LignesDeConvention.cle(texte) + " ";
        Partie meilleure = null;
        for (Partie p : parties) {
            String nom = LignesDeConvention.cle(p.nom());
            if (!nom.isEmpty() && c.contains(" " + nom.replaceFirst("^(le|la|les|l) ", "") + " ")
                    && (p.genre() != GenreDePartie.CAF || c.contains(" caf ") || c.contains("caisse"))) {
                if (meilleure == null || LignesDeConvention.cle(meilleure.nom()).length() < nom.length()) {
                    meilleure = p;
                }
            } else if (p.sigle() != null && c.contains(" " + p.sigle().toLowerCase(java.util.Locale.ROOT) + " ") && meilleure == null) {
                meilleure = p;
            }
        }
        if (meilleure != null) {
            return meilleure;
        }
        GenreDePartie genre = c.contains(" caf ") || c.contains("caisse") || "conseil d'administration".equals(instance) ? GenreDePartie.CAF
                : c.contains("communaute") || "conseil communautaire".equals(instance) ? GenreDePartie.EPCI : null;
        if (genre != null) {
            return parties.stream().filter(p -> p.genre() == genre).findFirst().orElse(null);
        }
        return null;
    }

    static final Pattern ARTICLE = Pattern.compile(
            "(?i)^article\\s+(\\d{1,2}|[IVXL]{1,6}|premier|1er)\\s*(?:[-–—:.]\\s*|$)(.*)$");
    private static final Pattern FIN_DU_TEXTE = Pattern.compile("(?i)^(fait (a|à)\\b.*|sommaire|annexes?\\b.*|liste des annexes.*)$");

    private static List<Section> sections(List<L> lignes, List<Partie> parties) {
        Set<String> sigles = new HashSet<>(Set.of("CTG", "CAF", "AOPE", "AO", "EPCI", "RPE", "AVS", "COG"));
        parties.stream().map(Partie::sigle).filter(s -> s != null).forEach(sigles::add);
        Map<String, Section> parNumero = new LinkedHashMap<>();
        String nature = null;
        String numero = null;
        String titre = null;
        int debut = 0;
        StringBuilder texte = new StringBuilder();
        int derniere = 0;
        int niveauPreambule = 0;
        int sousSections = 0;
        for (int i = 0; i <= lignes.size(); i++) {
            L l = i < lignes.size() ? lignes.get(i) : null;
            Matcher a = l == null ? null : ARTICLE.matcher(l.texte());
            boolean titreArticle = a != null && a.matches() && l.texte().length() < 200 && !a.group(2).matches("(?i)^(l\\.|r\\.|d\\.).*");
            boolean preambule = l != null && l.cle().equals("preambule");
            boolean sousPreambule = l != null && "PREAMBULE".equals(nature) && l.genre() == Ligne.NatureDeLigne.TITRE && l.niveau() > niveauPreambule
                    && l.texte().length() < 200;
            boolean finTexte = l == null || (nature != null && l.genre() != Ligne.NatureDeLigne.TABLEAU && l.texte().length() < 120
                    && FIN_DU_TEXTE.matcher(l.texte()).matches());
            if (titreArticle || preambule || finTexte || sousPreambule) {
                if (nature != null) {
                    String cle = nature + ":" + numero;
                    Section s = new Section(nature, numero, titre, texte.toString().strip(), new Source(debut, Math.max(debut, derniere)), 0.9);
                    Section avant = parNumero.get(cle);
                    if (avant == null || avant.texte().length() < s.texte().length()) {
                        parNumero.put(cle, s);
                    }
                }
                nature = null;
                texte.setLength(0);
                if (l == null || finTexte) {
                    if (l != null && l.cle().startsWith("fait a")) {
                        break;
                    }
                    continue;
                }
                debut = l.numero();
                derniere = l.numero();
                if (sousPreambule) {
                    if (parNumero.get("PREAMBULE:null") != null && parNumero.get("PREAMBULE:null").texte().isEmpty()) {
                        parNumero.remove("PREAMBULE:null");
                    }
                    nature = "PREAMBULE";
                    numero = "p" + (++sousSections);
                    titre = l.texte().replaceAll("[\\s:.]+$", "");
                } else if (preambule) {
                    nature = "PREAMBULE";
                    numero = null;
                    titre = "Préambule";
                    niveauPreambule = l.genre() == Ligne.NatureDeLigne.TITRE ? l.niveau() : 0;
                } else {
                    nature = "ARTICLE";
                    numero = a.group(1).toLowerCase().matches("premier|1er") ? "1" : a.group(1);
                    String t = a.group(2).strip();
                    if (t.isEmpty() && i + 1 < lignes.size()) {
                        t = lignes.get(i + 1).texte();
                        i++;
                    }
                    titre = LignesDeConvention.phrase(t.replaceAll("\\s+", " ").replaceAll("[\\s:.]+$", ""), sigles);
                }
                continue;
            }
            if (nature != null && !l.vide()) {
                if (texte.length() > 0) {
                    texte.append(l.genre() == Ligne.NatureDeLigne.LISTE ? "\n" : "\n\n");
                }
                texte.append(l.genre() == Ligne.NatureDeLigne.LISTE ? "- " : "").append(l.texte());
                derniere = l.numero();
            }
        }
        return List.copyOf(parNumero.values());
    }

    private static final Pattern ENTRE_DATES = Pattern.compile(
            "(?i)(?:compter|partir|du)\\s+(?:du\\s+)?(" + dateRegex() + ")\\s*,?\\s*(?:jusqu'au|au|et jusqu'au)\\s+(" + dateRegex() + ")");
    private static final Pattern TIRET_DATES = Pattern.compile(
            "(?i)^(?:p[ée]riode\\s*:?\\s*)?(" + dateRegex() + ")\\s*[–—-]\\s*(" + dateRegex() + ")\\s*\\.?$");
    private static final Pattern DUREE = Pattern.compile("(?i)dur[ée]e\\s+(?:de\\s+)?" + LignesDeConvention.NOMBRE + "\\s+ans?\\b(\\s+au plus)?");
    private static final Pattern ANNEES = Pattern.compile("\\b(20\\d\\d|19\\d\\d)\\s*[-–/—]\\s*(20\\d\\d|19\\d\\d)\\b");

    private static String dateRegex() {
        return "(?:1er|\\d{1,2})\\s+" + LignesDeConvention.MOIS + "\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}";
    }

    private static PeriodeTrouvee periode(List<L> lignes, String nomFichier) {
        for (L l : lignes) {
            Matcher m = ENTRE_DATES.matcher(l.texte());
            if (m.find()) {
                LocalDate debut = LignesDeConvention.date(m.group(1));
                LocalDate fin = LignesDeConvention.date(m.group(3));
                if (debut != null && fin != null && fin.isAfter(debut)) {
                    return new PeriodeTrouvee(debut, fin, null, null, phraseDe(l.texte(), m.start()), Source.ligne(l.numero()), 0.95);
                }
            }
        }
        for (L l : lignes) {
            Matcher m = TIRET_DATES.matcher(l.texte());
            if (m.find()) {
                LocalDate debut = LignesDeConvention.date(m.group(1));
                LocalDate fin = LignesDeConvention.date(m.group(3));
                if (debut != null && fin != null && fin.isAfter(debut)) {
                    return new PeriodeTrouvee(debut, fin, null, null, l.texte(), Source.ligne(l.numero()), 0.9);
                }
            }
        }
        for (L l : lignes) {
            Matcher d = DUREE.matcher(l.texte());
            if (d.find() && l.cle().contains("convention")) {
                Integer annees = LignesDeConvention.nombre(d.group(1));
                if (annees != null && annees >= 1 && annees <= 10) {
                    return new PeriodeTrouvee(null, null, annees, null, phraseDe(l.texte(), d.start()), Source.ligne(l.numero()), 0.8);
                }
            }
        }
        for (L l : lignes.subList(0, Math.min(lignes.size(), 80))) {
            if (l.cle().contains("convention territoriale globale") || l.cle().contains("ctg")) {
                Matcher a = ANNEES.matcher(l.texte());
                if (a.find()) {
                    return annees(a, l.texte(), Source.ligne(l.numero()));
                }
            }
        }
        for (L l : lignes) {
            Matcher a = ANNEES.matcher(l.texte());
            if (a.find() && (l.cle().contains("ctg") || l.cle().contains("convention"))) {
                return annees(a, l.texte(), Source.ligne(l.numero()));
            }
        }
        Matcher a = ANNEES.matcher(nomFichier == null ? "" : nomFichier);
        return a.find() ? annees(a, nomFichier, Source.ligne(1)) : null;
    }

    /** The sentence of {@code texte} around position {@code i}. */
    static String phraseDe(String texte, int i) {
        int debut = Math.max(texte.lastIndexOf(". ", i) + 2, 0);
        if (texte.lastIndexOf(". ", i) < 0) {
            debut = 0;
        }
        int fin = texte.indexOf(". ", i);
        String phrase = (fin < 0 ? texte.substring(debut) : texte.substring(debut, fin + 1)).strip();
        return phrase.length() > 300 ? phrase.substring(0, 299).strip() + "…" : phrase;
    }

    private static PeriodeTrouvee annees(Matcher a, String libelle, Source source) {
        int debut = Integer.parseInt(a.group(1));
        int fin = Integer.parseInt(a.group(2));
        if (fin < debut || fin - debut > 10) {
            return null;
        }
        return new PeriodeTrouvee(LocalDate.of(debut, 1, 1), LocalDate.of(fin, 12, 31), null, null,
                libelle.length() > 200 ? a.group() : libelle, source, 0.6);
    }

    private static ValeurLue reconduction(List<L> lignes) {
        for (L l : lignes) {
            String c = l.cle();
            if (c.contains("tacite reconduction") || c.contains("reconduite tacitement") || c.contains("reconduction tacite")) {
                return new ValeurLue("TACITE", Source.ligne(l.numero()), 0.9);
            }
            if (c.contains("expresse reconduction") || c.contains("reconduction expresse") || c.contains("reconduite expressement")) {
                return new ValeurLue("EXPRESSE", Source.ligne(l.numero()), 0.9);
            }
            if (c.contains("non reconductible") || c.contains("ne peut etre reconduite") || c.contains("ne sera pas reconduite")) {
                return new ValeurLue("AUCUNE", Source.ligne(l.numero()), 0.7);
            }
        }
        return null;
    }

    private static final Pattern FAIT_A = Pattern.compile("(?i)^fait\\s+(?:a|à)\\s*(.*)$");
    private static final Pattern EXEMPLAIRES = Pattern.compile("(?i)\\ben\\s+" + LignesDeConvention.NOMBRE + "\\s+exemplaires?\\b");

    private static SignatureTrouvee signature(List<L> lignes) {
        for (int i = 0; i < lignes.size(); i++) {
            L l = lignes.get(i);
            Matcher f = FAIT_A.matcher(l.texte());
            if (!f.matches()) {
                continue;
            }
            String reste = f.group(1).strip();
            Matcher le = Pattern.compile("(?i)^(.*?)(?:,\\s*|\\s+)?\\ble\\b\\s*(.*)$").matcher(reste);
            String lieu = reste;
            String quand = null;
            if (le.matches()) {
                lieu = le.group(1);
                quand = le.group(2);
            }
            lieu = lieu.replaceAll("[\\s,.]+$", "").strip();
            if (lieu.matches("[.…_ x]*")) {
                lieu = null;
            }
            LocalDate date = quand == null ? null : LignesDeConvention.date(quand);
            String dateTexte = date == null && quand != null && !quand.isBlank() ? quand.strip() : null;
            Integer originaux = null;
            String originauxTexte = null;
            int fin = l.numero();
            for (int j = i; j < Math.min(lignes.size(), i + 6); j++) {
                L o = lignes.get(j);
                Matcher e = EXEMPLAIRES.matcher(o.texte());
                if (e.find()) {
                    originaux = LignesDeConvention.nombre(e.group(1));
                    fin = o.numero();
                    break;
                }
                if (o.cle().contains("exemplaires") && o.cle().contains("autant")) {
                    originauxTexte = o.texte().replaceAll("[\\s.;]+$", "");
                    fin = o.numero();
                    break;
                }
            }
            return new SignatureTrouvee(lieu, date, dateTexte, originaux, originauxTexte, new Source(l.numero(), fin), 0.9);
        }
        return null;
    }

    private static final Pattern GROUPE = Pattern.compile("(?i)^pour\\s+(.{2,120}?)\\s*:?$");
    private static final Pattern ENJEU_NUMEROTE = Pattern.compile("^(?:I\\s?)?(\\d{1,2}|[IVX]{1,4})\\s*[).]\\s+(\\p{Lu}.{3,200})$");

    private static void objectifs(List<L> lignes, List<Partie> parties, List<Enjeu> enjeux, List<ObjectifConjoint> objectifs,
                                  List<TotalCompte> totaux) {
        int debutArticle = -1;
        int finArticle = lignes.size();
        for (int i = 0; i < lignes.size(); i++) {
            Matcher a = ARTICLE.matcher(lignes.get(i).texte());
            if (a.matches()) {
                String c = LignesDeConvention.cle(a.group(2));
                if (debutArticle >= 0) {
                    finArticle = i;
                    break;
                }
                if (c.contains("objectifs") || c.contains("enjeux")) {
                    debutArticle = i;
                }
            }
        }
        if (debutArticle < 0) {
            return;
        }
        String groupe = null;
        int ligneGroupe = 0;
        boolean conjoints = false;
        String enjeu = null;
        int ligneEnjeu = 0;
        List<String> sousObjectifs = new ArrayList<>();
        for (int i = debutArticle + 1; i < finArticle; i++) {
            L l = lignes.get(i);
            if (l.vide()) {
                continue;
            }
            String c = l.cle();
            if (c.contains("objectifs conjoints")) {
                conjoints = true;
                continue;
            }
            Matcher g = GROUPE.matcher(l.texte());
            boolean estGroupe = g.matches() && l.genre() != Ligne.NatureDeLigne.LISTE && (l.texte().endsWith(":") || l.genre() == Ligne.NatureDeLigne.TITRE);
            if (conjoints) {
                if (estGroupe) {
                    groupe = "Pour " + g.group(1).strip();
                    ligneGroupe = l.numero();
                    continue;
                }
                if (groupe != null && l.genre() == Ligne.NatureDeLigne.LISTE) {
                    String intitule = l.texte().replaceAll("[\\s;.,]+$", "").replaceFirst("(?i)^en mati[èe]re\\s+(de la |de l'|d'|de |des |du )?", "").strip();
                    if (!intitule.isEmpty()) {
                        intitule = Character.toUpperCase(intitule.charAt(0)) + intitule.substring(1);
                        List<String> lies = partiesDuGroupe(groupe, parties, totaux, new Source(ligneGroupe, ligneGroupe));
                        objectifs.add(new ObjectifConjoint(intitule, groupe, lies, new Source(ligneGroupe, l.numero()), lies.isEmpty() ? 0.4 : 0.85));
                    }
                    continue;
                }
                if (groupe != null && l.genre() == Ligne.NatureDeLigne.PARAGRAPHE) {
                    break;
                }
                continue;
            }
            Matcher n = ENJEU_NUMEROTE.matcher(l.texte());
            boolean titreEnjeu = n.matches() || (estGroupe && l.genre() == Ligne.NatureDeLigne.TITRE);
            if (titreEnjeu) {
                if (enjeu != null) {
                    enjeux.add(new Enjeu(enjeu, sousObjectifs, new Source(ligneEnjeu, Math.max(ligneEnjeu, l.numero() - 1)), 0.7));
                }
                enjeu = (n.matches() ? n.group(2) : l.texte()).replaceAll("[\\s:.]+$", "");
                ligneEnjeu = l.numero();
                sousObjectifs = new ArrayList<>();
            } else if (enjeu != null && l.genre() == Ligne.NatureDeLigne.LISTE) {
                sousObjectifs.add(l.texte().replaceAll("[\\s;.,]+$", "").replaceFirst("^o\\s+", ""));
            }
        }
        if (enjeu != null) {
            enjeux.add(new Enjeu(enjeu, sousObjectifs, Source.ligne(ligneEnjeu), 0.7));
        }
    }

    private static final Pattern N_SIGNATAIRES = Pattern.compile("(?i)\\b(?:les\\s+)?" + LignesDeConvention.NOMBRE + "\\s+(?:signataires|partenaires|collectivit[ée]s)\\b");

    /** The parties a group label names: "Pour la CCBA et la ville d'Aubenas" → the EPCI and Aubenas; "les quatre signataires" → the four collectivities. */
    static List<String> partiesDuGroupe(String groupe, List<Partie> parties, List<TotalCompte> totaux, Source source) {
        String c = " " + LignesDeConvention.cle(groupe) + " ";
        List<Partie> collectivites = parties.stream().filter(p -> p.genre() != GenreDePartie.CAF).toList();
        Matcher n = N_SIGNATAIRES.matcher(groupe);
        if (n.find()) {
            Integer nombre = LignesDeConvention.nombre(n.group(1));
            List<Partie> retenues = nombre != null && nombre == parties.size() ? parties : collectivites;
            if (nombre != null && totaux.stream().noneMatch(t -> t.quoi().equals("signataires de « " + groupe + " »"))) {
                totaux.add(new TotalCompte("signataires de « " + groupe + " »", nombre, retenues.size(), source));
            }
            return retenues.stream().map(Partie::nomImprime).toList();
        }
        if (c.contains(" tous les signataires ") || c.contains(" ensemble des signataires ") || c.contains(" toutes les parties ")) {
            return parties.stream().map(Partie::nomImprime).toList();
        }
        List<String> noms = new ArrayList<>();
        for (Partie p : parties) {
            String nom = LignesDeConvention.cle(p.nom()).replaceFirst("^(le|la|les|l) ", "");
            boolean cite = (p.sigle() != null && c.contains(" " + p.sigle().toLowerCase(java.util.Locale.ROOT) + " "))
                    || (!nom.isEmpty() && p.genre() != GenreDePartie.CAF && c.contains(" " + nom + " ")
                    && (p.genre() != GenreDePartie.EPCI || c.contains(" " + LignesDeConvention.cle(p.nomImprime()).replaceFirst("^communaute de communes ", "") + " ")))
                    || (p.genre() == GenreDePartie.CAF && c.contains(" caf "))
                    || (p.genre() == GenreDePartie.EPCI && (c.contains(" intercommunalite ") || c.contains(" communaute de communes ") || c.contains(" epci ")));
            if (cite) {
                noms.add(p.nomImprime());
            }
        }
        return noms;
    }

    private static ValeurLue titre(List<L> lignes, Partie epci, PeriodeTrouvee periode) {
        String annees = periode == null || periode.dateDebut() == null || periode.dateFin() == null ? ""
                : " " + periode.dateDebut().getYear() + "-" + periode.dateFin().getYear();
        for (L l : lignes.subList(0, Math.min(lignes.size(), 60))) {
            String c = l.cle();
            if ((c.contains("convention territoriale globale") || c.matches(".*\\bctg\\b.*")) && l.texte().length() < 160) {
                if (epci != null) {
                    String territoire = epci.nomImprime().replaceFirst("(?i)^communaut[ée] (de communes|d'agglom[ée]ration|urbaine)\\s+", "");
                    return new ValeurLue("CTG " + territoire + annees, Source.ligne(l.numero()), 0.7);
                }
                return new ValeurLue(l.texte(), Source.ligne(l.numero()), 0.6);
            }
        }
        return epci == null ? null : new ValeurLue("CTG " + epci.nom() + annees, epci.source(), 0.5);
    }
}
