package fr.pilotectg.importation;

import fr.pilotectg.importation.ConventionTrouvee.GenreDePartie;
import fr.pilotectg.importation.ConventionTrouvee.Partie;
import fr.pilotectg.importation.ConventionTrouvee.Personne;
import fr.pilotectg.importation.ConventionTrouvee.Representant;
import fr.pilotectg.importation.ConventionTrouvee.Resolution;
import fr.pilotectg.importation.ConventionTrouvee.TotalCompte;
import fr.pilotectg.importation.LignesDeConvention.L;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parties of a convention from its "Entre … et …" block: each organisation's printed name, its kind, its
 * role, and the people who represent it (civility, first name, NAME, function, before or after the name). A block that
 * names no organisation ("La Communauté de communes représentée par le président et les 16 communes …") gives only a
 * printed count, checked against the parties found. Without such a block (a roadmap brochure), the EPCI and the Caf
 * are taken from their first mention, with a low confidence.
 */
final class AnalyseParties {

    record Resultat(List<Partie> parties, List<Personne> personnes, List<TotalCompte> totaux) {
    }

    private static final Pattern PERSONNE = Pattern.compile(
            "\\b(Monsieur|Madame|Mademoiselle|Mme\\.?|Mlle\\.?|Mr\\.?|M\\.)\\s+"
                    + "([A-ZÀ-Ý][a-zà-ÿ]+(?:[-' ][A-ZÀ-Ý][a-zà-ÿ]+)*)\\s+"
                    + "((?:d[eu]\\s+|de\\s+la\\s+|le\\s+|la\\s+)?[A-ZÀ-Ý][A-ZÀ-Ý'ÇŒ]+(?:[- ][A-ZÀ-Ý][A-ZÀ-Ý'ÇŒ]+)*)\\b");
    private static final Pattern REPRESENTE = Pattern.compile("(?i)\\brepr[ée]sent[ée]+s?\\b\\s*(?:par)?");
    private static final Pattern SIGLE = Pattern.compile("\\(([A-Z][A-Za-z0-9]{1,9})\\)");
    private static final Pattern COMPTE = Pattern.compile("(?i)\\bles\\s+" + LignesDeConvention.NOMBRE + "\\s+communes\\b");
    private static final Set<String> MOTS_VIDES = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "en", "et", "sur", "sous", "aux", "au");

    private AnalyseParties() {
    }

    static Resultat analyser(List<L> lignes) {
        List<Bloc> blocs = blocs(lignes);
        List<Partie> parties = new ArrayList<>();
        List<TotalCompte> totaux = new ArrayList<>();
        Map<String, Personne> personnes = new LinkedHashMap<>();
        for (Bloc bloc : blocs) {
            Partie partie = partie(bloc, personnes);
            Matcher compte = COMPTE.matcher(bloc.texte);
            if (partie == null && compte.find()) {
                Integer n = LignesDeConvention.nombre(compte.group(1));
                if (n != null) {
                    totaux.add(new TotalCompte("communes", n, 0, bloc.source()));
                }
            }
            if (partie != null && parties.stream().noneMatch(p -> LignesDeConvention.cle(p.nomImprime()).equals(LignesDeConvention.cle(partie.nomImprime())))) {
                parties.add(partie);
            }
        }
        if (blocs.isEmpty()) {
            parties.addAll(partiesSansBloc(lignes));
        }
        long communes = parties.stream().filter(p -> p.genre() == GenreDePartie.COMMUNE).count();
        totaux.replaceAll(t -> new TotalCompte(t.quoi(), t.imprime(), (int) communes, t.source()));
        return new Resultat(parties, List.copyOf(personnes.values()), totaux);
    }

    private record Bloc(String texte, int debut, int fin) {
        Source source() {
            return new Source(debut, fin);
        }
    }

    /** The lines between "Entre" and the first visa / preamble / article, grouped into one block per party. */
    private static List<Bloc> blocs(List<L> lignes) {
        int debut = -1;
        for (int i = 0; i < Math.min(lignes.size(), 400); i++) {
            String c = lignes.get(i).cle();
            if (c.equals("entre") || c.startsWith("entre les soussign") || c.equals("entre les parties") || (c.startsWith("entre ") && lignes.get(i).texte().length() < 400
                    && (c.contains("caisse") || c.contains("caf") || c.contains("commun")))) {
                debut = i;
                break;
            }
        }
        List<Bloc> blocs = new ArrayList<>();
        if (debut < 0) {
            return blocs;
        }
        StringBuilder courant = null;
        int debutBloc = 0;
        int finBloc = 0;
        for (int i = debut; i < lignes.size(); i++) {
            L l = lignes.get(i);
            String c = l.cle();
            if (i > debut && (l.texte().startsWith("Vu ") || c.startsWith("il est convenu") || c.equals("preambule")
                    || c.startsWith("article ") || c.startsWith("ceci expose") || c.startsWith("etant prealablement"))) {
                break;
            }
            if (l.vide()) {
                continue;
            }
            String t = l.texte().replaceFirst("(?i)^entre\\s*:?\\s*", "");
            if (t.isBlank()) {
                continue;
            }
            boolean suite = courant != null && (c.startsWith("represent") || c.startsWith("dument") || Character.isLowerCase(t.charAt(0))
                    && !c.startsWith("la commune") && !c.startsWith("le departement") && !c.startsWith("la communaute")
                    && !c.startsWith("la caisse") && !c.startsWith("la caf") && !c.startsWith("la ville") && !c.startsWith("l ") && !c.startsWith("et "));
            if (suite) {
                courant.append(' ').append(t);
                finBloc = l.numero();
            } else {
                if (courant != null) {
                    blocs.add(new Bloc(courant.toString(), debutBloc, finBloc));
                }
                courant = new StringBuilder(t);
                debutBloc = l.numero();
                finBloc = l.numero();
            }
        }
        if (courant != null) {
            blocs.add(new Bloc(courant.toString(), debutBloc, finBloc));
        }
        return blocs;
    }

    private static Partie partie(Bloc bloc, Map<String, Personne> personnes) {
        String t = bloc.texte.replaceFirst("(?i)^(et|ainsi que)\\s+", "").strip();
        String c = LignesDeConvention.cle(t);
        if (c.startsWith("ci apres") || c.startsWith("d une part") || c.startsWith("d autre part") || c.equals("et")
                || c.startsWith("dument") || c.startsWith("il est")) {
            return null;
        }
        Matcher rep = REPRESENTE.matcher(t);
        String nomImprime;
        String reste;
        if (rep.find()) {
            nomImprime = t.substring(0, rep.start());
            reste = t.substring(rep.end());
        } else {
            int fin = t.length();
            for (String s : new String[]{";", ", dont", ", sis", ", ayant", " dont le si"}) {
                int i = t.indexOf(s);
                if (i > 0 && i < fin) {
                    fin = i;
                }
            }
            nomImprime = t.substring(0, fin);
            reste = t.substring(fin);
        }
        nomImprime = nomImprime.replaceAll("[,;:]+\\s*$", "").replaceAll("\\s+", " ").strip();
        String sigle = null;
        Matcher s = SIGLE.matcher(nomImprime);
        if (s.find()) {
            sigle = s.group(1);
            nomImprime = (nomImprime.substring(0, s.start()) + nomImprime.substring(s.end())).replaceAll("\\s+", " ").replaceAll("[,\\s]+$", "").strip();
        }
        // the article only when it stands alone: "Lavilledieu" or "Lens" keep their first letters
        nomImprime = nomImprime.replaceFirst("^(?:(?i:la|le)\\s+|(?i:l)['’]\\s*)(?=\\p{L})", "");
        nomImprime = nomImprime.isEmpty() ? nomImprime : Character.toUpperCase(nomImprime.charAt(0)) + nomImprime.substring(1);
        GenreDePartie genre = genre(nomImprime);
        if (genre == null && rep.find(0) && !nomImprime.isBlank() && nomImprime.length() < 120
                && Character.isUpperCase(nomImprime.charAt(0)) && PERSONNE.matcher(reste).find()) {
            genre = GenreDePartie.AUTRE;
        }
        if (genre == null || nomImprime.length() > 160) {
            return null;
        }
        String nom = nomPropre(nomImprime, genre);
        if (nom.isBlank()) {
            return null;
        }
        if (sigle == null && genre == GenreDePartie.EPCI) {
            sigle = initiales(nomImprime);
        }
        String role = LignesDeConvention.cle(bloc.texte).contains("associe") ? "ASSOCIEE" : "SIGNATAIRE";
        List<Representant> representants = representants(reste, bloc.source(), nomImprime, personnes);
        return new Partie(nomImprime, nom, sigle, genre, role, Resolution.NON_CHERCHEE, representants, bloc.source(), 0.9);
    }

    static GenreDePartie genre(String nom) {
        String c = LignesDeConvention.cle(nom);
        if (c.contains("caisse d allocations familiales") || c.contains("caisse des allocations familiales") || c.matches("^caf\\b.*")) {
            return GenreDePartie.CAF;
        }
        if (c.matches("^(communaute (de communes|d agglomeration|urbaine)|metropole|cc|ca|cu)\\b.*")) {
            return GenreDePartie.EPCI;
        }
        if (c.matches("^(commune|ville|mairie)\\b.*")) {
            return GenreDePartie.COMMUNE;
        }
        if (c.matches("^(departement|conseil departemental|collectivite)\\b.*")) {
            return GenreDePartie.DEPARTEMENT;
        }
        if (c.matches("^(conseil|syndicat|sivu|sivom|region|msa|mutualite|association|etat|prefecture|centre|agence|office|groupement)\\b.*")) {
            return GenreDePartie.AUTRE;
        }
        return null;
    }

    /** "Commune d'Aubenas" → "Aubenas"; "commune du BESSAT" → "Le BESSAT"; "Caisse … de l'Ardèche" → "Ardèche"; an EPCI keeps its whole name. */
    static String nomPropre(String nomImprime, GenreDePartie genre) {
        String n = nomImprime.strip();
        return switch (genre) {
            case CAF -> {
                Matcher m = Pattern.compile("(?i)(?:familiales|caf)\\s+(?:de la |de l'|du |des |de |d')\\s*(.+)$").matcher(n);
                yield m.find() ? m.group(1).strip() : "";
            }
            case COMMUNE -> apresType(n, "(?i)^(?:commune|ville|mairie)\\s*");
            case DEPARTEMENT -> apresType(n, "(?i)^(?:d[ée]partement|conseil d[ée]partemental|collectivit[ée])\\s*");
            case EPCI -> {
                String reste = n.replaceFirst("(?i)^(communaut[ée] (de communes|d'agglom[ée]ration|urbaine)|m[ée]tropole|cc|ca|cu)\\s*", "");
                yield reste.isBlank() ? "" : n;
            }
            case AUTRE -> n;
        };
    }

    private static String apresType(String n, String type) {
        String reste = n.replaceFirst(type, "");
        Matcher m = Pattern.compile("(?i)^(de la |de l'|du |des |de |d'|d’)\\s*(.*)$").matcher(reste);
        if (!m.matches()) {
            return reste.strip();
        }
        String article = m.group(1).toLowerCase(Locale.ROOT).strip();
        String nom = m.group(2).strip();
        return switch (article) {
            case "du" -> "Le " + nom;
            case "des" -> "Les " + nom;
            case "de la" -> "La " + nom;
            default -> nom;
        };
    }

    /** "Communauté de communes du Bassin d'Aubenas" → "CCBA". */
    static String initiales(String nom) {
        StringBuilder sb = new StringBuilder();
        for (String mot : nom.split("[\\s'’-]+")) {
            String c = LignesDeConvention.cle(mot);
            if (!c.isEmpty() && !MOTS_VIDES.contains(c)) {
                sb.append(Character.toUpperCase(c.charAt(0)));
            }
        }
        return sb.length() >= 2 ? sb.toString() : null;
    }

    private static List<Representant> representants(String texte, Source source, String organisation, Map<String, Personne> personnes) {
        List<Representant> liste = new ArrayList<>();
        Matcher m = PERSONNE.matcher(texte);
        int ancre = 0;
        while (m.find()) {
            String avant = texte.substring(ancre, m.start());
            String fonction = fonction(avant);
            int finPersonne = m.end();
            if (fonction.isEmpty()) {
                Matcher apres = Pattern.compile("^\\s*,\\s*(?:en qualité de\\s+|son |sa |le |la )?([^,;.()]+?)\\s*(?:\\bet\\b|,|;|\\.|\\(|$)").matcher(texte.substring(m.end()));
                if (apres.find()) {
                    fonction = fonction(apres.group(1));
                    finPersonne = m.end() + apres.end(1);
                }
            }
            ancre = finPersonne;
            String civilite = civilite(m.group(1));
            String prenom = m.group(2).strip();
            String nom = m.group(3).strip();
            String cle = LignesDeConvention.cle(prenom + " " + nom);
            Personne p = personnes.get(cle);
            String mandat = (fonction.isEmpty() ? "Représentant" : fonction) + " — " + organisation;
            if (p == null) {
                personnes.put(cle, new Personne(cle, civilite, prenom, nom, List.of(mandat)));
            } else {
                List<String> mandats = new ArrayList<>(p.mandats());
                mandats.add(mandat);
                personnes.put(cle, new Personne(cle, p.civilite(), p.prenom(), p.nom(), mandats));
            }
            liste.add(new Representant(cle, civilite, prenom, nom, fonction.isEmpty() ? null : fonction, source, fonction.isEmpty() ? 0.6 : 0.9));
        }
        return liste;
    }

    /** "le Président de son conseil d'administration, " → "Président du conseil d'administration". */
    static String fonction(String brut) {
        String f = brut.replaceAll("[\\s,;:]+$", "").replaceAll("^[\\s,;:]+", "").strip();
        f = f.replaceFirst("(?i)^(et\\b\\s*)?(par\\b\\s*)?", "").strip();
        f = f.replaceFirst("(?i)^(le|la|l'|son|sa|ses|leur|en qualité de|en sa qualité de|en leur qualité de)\\s*", "").strip();
        f = f.replaceAll("(?i)\\bde son\\b", "du").replaceAll("(?i)\\bde sa\\b", "de la").replaceAll("(?i)\\bde leur\\b", "du");
        f = f.replaceAll("\\s+", " ").strip();
        if (f.length() > 120 || f.split(" ").length > 12) {
            return "";
        }
        return f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    static String civilite(String brut) {
        String c = LignesDeConvention.cle(brut);
        return switch (c) {
            case "madame", "mme" -> "Mme";
            case "mademoiselle", "mlle" -> "Mlle";
            default -> "M.";
        };
    }

    private static final Pattern EPCI_CITE = Pattern.compile(
            "(?i)\\b(communaut[ée] (?:de communes|d'agglom[ée]ration)\\s+(?:des|du|de la|de l'|d'|de)\\s*[\\p{L}' -]{3,80}?)\\s*(?:[:(,;.]|\\s-\\s|$)");

    /** No "Entre" block: the EPCI and the Caf at their first mention. */
    private static List<Partie> partiesSansBloc(List<L> lignes) {
        List<Partie> parties = new ArrayList<>();
        boolean caf = false;
        for (L l : lignes) {
            if (parties.stream().noneMatch(p -> p.genre() == GenreDePartie.EPCI)) {
                Matcher m = EPCI_CITE.matcher(l.texte());
                if (m.find()) {
                    String nom = m.group(1).strip();
                    nom = Character.toUpperCase(nom.charAt(0)) + nom.substring(1);
                    parties.add(new Partie(nom, nom, initiales(nom), GenreDePartie.EPCI, "SIGNATAIRE", Resolution.NON_CHERCHEE, List.of(),
                            Source.ligne(l.numero()), 0.5));
                }
            }
            String c = l.cle();
            if (!caf && (c.matches(".*\\bcaf\\b.*") || c.contains("caisse d allocations familiales"))) {
                caf = true;
                Matcher m = Pattern.compile("(?i)\\b(caf|caisse d'allocations familiales)\\s+(de la |de l'|du |des |de |d')\\s*(\\p{Lu}[\\p{L}-]+)").matcher(l.texte());
                String nom = m.find() ? m.group(3) : "";
                parties.add(0, new Partie(nom.isEmpty() ? "Caf" : "Caf " + m.group(2) + nom, nom, null, GenreDePartie.CAF, "SIGNATAIRE",
                        Resolution.NON_CHERCHEE, List.of(), Source.ligne(l.numero()), 0.4));
            }
        }
        return parties;
    }
}
