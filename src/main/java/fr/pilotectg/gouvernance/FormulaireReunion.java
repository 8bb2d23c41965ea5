package fr.pilotectg.gouvernance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The edit form of a meeting: fields as typed, one row per member of the body (invited, present), agenda rows and
 * decision rows (blank rows are ignored). Reads the posted fields, builds the {@link SaisieReunion}, and puts the
 * service's errors ({@code decisions[2].texte}) back under the form row they came from.
 */
record FormulaireReunion(String instanceId, String date, String dateTexte, String heure, String lieu, String lienVisio,
                         boolean preparation, String note, String compteRendu, List<LigneParticipant> participants,
                         List<LignePoint> points, List<LigneDecision> decisions) {

    static final int LIGNES_VIDES = 3;
    private static final int LIGNES_MAX = ReunionsService.ELEMENTS_MAX + LIGNES_VIDES;
    private static final Pattern RANG = Pattern.compile("^(participants|ordreDuJour|decisions)\\[(\\d+)](.*)$");

    record LigneParticipant(int index, String organisationId, String nom, String personne, boolean invite, boolean present) {
    }

    record LignePoint(int index, String texte, String fiche, String annee) {
    }

    record LigneDecision(int index, String texte, String responsableOrganisationId, String responsablePersonne, String echeance,
                         String statut) {
    }

    /** A new meeting of the body of this rank: every member invited, nobody marked present yet. */
    static FormulaireReunion nouvelle(Gouvernance g, int rang) {
        Instance instance = g.instances().get(rang - 1);
        List<LigneParticipant> lignes = new ArrayList<>();
        for (Membre m : instance.membres()) {
            lignes.add(new LigneParticipant(lignes.size(), String.valueOf(m.organisationId()), g.nom(m.organisationId()),
                    nul(m.personne()), true, false));
        }
        return new FormulaireReunion(String.valueOf(rang), "", "", "", "", "", false, "", "", lignes, List.of(), List.of());
    }

    /** An existing meeting: its invited members, then the body's other members not invited. */
    static FormulaireReunion de(Reunion r, Gouvernance g) {
        Integer rang = g.rang(r.instanceCle());
        List<LigneParticipant> lignes = new ArrayList<>();
        for (Participant p : r.participants()) {
            lignes.add(new LigneParticipant(lignes.size(), String.valueOf(p.organisationId()), g.nom(p.organisationId()),
                    nul(p.personne()), true, p.present()));
        }
        if (rang != null) {
            for (Membre m : g.instances().get(rang - 1).membres()) {
                boolean deja = r.participants().stream().anyMatch(p -> p.organisationId() == m.organisationId()
                        && Objects.equals(p.personne(), m.personne()));
                if (!deja) {
                    lignes.add(new LigneParticipant(lignes.size(), String.valueOf(m.organisationId()), g.nom(m.organisationId()),
                            nul(m.personne()), false, false));
                }
            }
        }
        List<LignePoint> points = new ArrayList<>();
        for (PointOrdreDuJour p : r.ordreDuJour()) {
            points.add(new LignePoint(points.size(), p.texte(), nul(p.fiche()), p.annee() == null ? "" : String.valueOf(p.annee())));
        }
        List<LigneDecision> decisions = new ArrayList<>();
        for (Decision d : r.decisions()) {
            decisions.add(new LigneDecision(decisions.size(), d.texte(), d.responsableOrganisationId() == null ? ""
                    : String.valueOf(d.responsableOrganisationId()), nul(d.responsablePersonne()),
                    d.echeance() == null ? "" : d.echeance().toString(), d.statut().name()));
        }
        return new FormulaireReunion(rang == null ? "" : String.valueOf(rang), r.date() == null ? "" : r.date().toString(),
                nul(r.dateTexte()), r.heure() == null ? "" : r.heure().toString(), nul(r.lieu()), nul(r.lienVisio()),
                r.preparation(), nul(r.note()), nul(r.compteRendu()), lignes, points, decisions);
    }

    /** With blank agenda and decision rows at the end. */
    FormulaireReunion avecLignesVides() {
        List<LignePoint> p = new ArrayList<>(points);
        int suivant = points.stream().mapToInt(LignePoint::index).max().orElse(-1) + 1;
        for (int k = 0; k < LIGNES_VIDES; k++) {
            p.add(new LignePoint(suivant + k, "", "", ""));
        }
        List<LigneDecision> d = new ArrayList<>(decisions);
        suivant = decisions.stream().mapToInt(LigneDecision::index).max().orElse(-1) + 1;
        for (int k = 0; k < LIGNES_VIDES; k++) {
            d.add(new LigneDecision(suivant + k, "", "", "", "", "A_FAIRE"));
        }
        return new FormulaireReunion(instanceId, date, dateTexte, heure, lieu, lienVisio, preparation, note, compteRendu,
                participants, p, d);
    }

    static FormulaireReunion lire(MultiValueMap<String, String> champs, Gouvernance g) {
        List<LigneParticipant> participants = new ArrayList<>();
        List<LignePoint> points = new ArrayList<>();
        List<LigneDecision> decisions = new ArrayList<>();
        for (int j = 0; j < LIGNES_MAX; j++) {
            String p = "participants[" + j + "].";
            if (champs.containsKey(p + "organisationId")) {
                String organisation = valeur(champs, p + "organisationId");
                String nom;
                try {
                    nom = g.nom(Long.parseLong(organisation));
                } catch (NumberFormatException e) {
                    nom = organisation;
                }
                participants.add(new LigneParticipant(j, organisation, nom, valeur(champs, p + "personne"),
                        champs.containsKey(p + "invite"), champs.containsKey(p + "present")));
            }
            String o = "ordreDuJour[" + j + "].";
            if (champs.containsKey(o + "texte")) {
                points.add(new LignePoint(j, valeur(champs, o + "texte"), valeur(champs, o + "fiche"), valeur(champs, o + "annee")));
            }
            String d = "decisions[" + j + "].";
            if (champs.containsKey(d + "texte")) {
                decisions.add(new LigneDecision(j, valeur(champs, d + "texte"), valeur(champs, d + "responsableOrganisationId"),
                        valeur(champs, d + "responsablePersonne"), valeur(champs, d + "echeance"), valeur(champs, d + "statut")));
            }
        }
        return new FormulaireReunion(valeur(champs, "instanceId"), valeur(champs, "date"), valeur(champs, "dateTexte"),
                valeur(champs, "heure"), valeur(champs, "lieu"), valeur(champs, "lienVisio"), champs.containsKey("preparation"),
                valeur(champs, "note"), valeur(champs, "compteRendu"), participants, points, decisions);
    }

    /** The meeting as the service takes it; values that cannot be read are reported under their field. */
    SaisieReunion saisie(Integer version, Map<String, String> erreurs) {
        List<SaisieParticipant> invites = new ArrayList<>();
        for (LigneParticipant p : participantsRetenus()) {
            Long organisation = entier(p.organisationId(), "participants[" + p.index() + "].organisationId", "l'organisation", erreurs);
            invites.add(new SaisieParticipant(organisation, vide(p.personne()), p.present()));
        }
        List<PointOrdreDuJour> ordre = new ArrayList<>();
        for (LignePoint p : pointsRetenus()) {
            Long annee = entier(p.annee(), "ordreDuJour[" + p.index() + "].annee", "l'année", erreurs);
            ordre.add(new PointOrdreDuJour(p.texte(), vide(p.fiche()), annee == null || annee > 9999 ? null : annee.intValue()));
        }
        List<SaisieDecision> liste = new ArrayList<>();
        for (LigneDecision d : decisionsRetenues()) {
            liste.add(new SaisieDecision(d.texte(), entier(d.responsableOrganisationId(), "decisions[" + d.index() + "].responsableOrganisationId",
                    "le responsable", erreurs), vide(d.responsablePersonne()),
                    date(d.echeance(), "decisions[" + d.index() + "].echeance", erreurs), vide(d.statut())));
        }
        Long instance = entier(instanceId, "instanceId", "l'instance", erreurs);
        return new SaisieReunion(version, instance == null || instance > Integer.MAX_VALUE ? null : instance.intValue(),
                date(date, "date", erreurs), vide(dateTexte), vide(heure), vide(lieu), vide(lienVisio), preparation, vide(note),
                ordre, invites, liste, compteRendu, null);
    }

    /** The form field a service error is about: {@code decisions[1].texte} of the second kept row → its form row. */
    String champDuFormulaire(String champ) {
        if (champ == null) {
            return "";
        }
        Matcher m = RANG.matcher(champ);
        if (!m.matches()) {
            return champ;
        }
        int rang = Integer.parseInt(m.group(2));
        List<Integer> index = switch (m.group(1)) {
            case "participants" -> participantsRetenus().stream().map(LigneParticipant::index).toList();
            case "ordreDuJour" -> pointsRetenus().stream().map(LignePoint::index).toList();
            default -> decisionsRetenues().stream().map(LigneDecision::index).toList();
        };
        return rang < index.size() ? m.group(1) + "[" + index.get(rang) + "]" + m.group(3) : champ;
    }

    private List<LigneParticipant> participantsRetenus() {
        return participants.stream().filter(LigneParticipant::invite).toList();
    }

    private List<LignePoint> pointsRetenus() {
        return points.stream().filter(p -> !p.texte().isBlank()).toList();
    }

    private List<LigneDecision> decisionsRetenues() {
        return decisions.stream().filter(d -> !d.texte().isBlank()).toList();
    }

    private static Long entier(String texte, String champ, String libelle, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(texte.strip());
        } catch (NumberFormatException e) {
            erreurs.put(champ, "Valeur invalide pour " + libelle + ".");
            return null;
        }
    }

    private static LocalDate date(String texte, String champ, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(texte.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "Date invalide (format attendu AAAA-MM-JJ).");
            return null;
        }
    }

    static Map<String, String> erreurs() {
        return new LinkedHashMap<>();
    }

    private static String vide(String texte) {
        return texte == null || texte.isBlank() ? null : texte;
    }

    private static String nul(String texte) {
        return texte == null ? "" : texte;
    }

    private static String valeur(MultiValueMap<String, String> champs, String nom) {
        String v = champs.getFirst(nom);
        return v == null ? "" : v;
    }
}
