package fr.pilotectg.plan;

import java.util.List;
import java.util.Optional;

import static fr.pilotectg.plan.ChampModele.indicateurs;
import static fr.pilotectg.plan.ChampModele.liste;
import static fr.pilotectg.plan.ChampModele.organisations;
import static fr.pilotectg.plan.ChampModele.plusieursParmi;
import static fr.pilotectg.plan.ChampModele.territoires;
import static fr.pilotectg.plan.ChampModele.texte;
import static fr.pilotectg.plan.ChampModele.unParmi;

/**
 * The fiche templates met in real plans (DOMAIN §4.5). A convention chooses one; every field is optional
 * except the title, and a fiche keeps only what its document had.
 */
public enum ModeleFiche {
    NATIONAL("Modèle national", List.of(
            texte("enjeu", "Enjeu CTG"),
            liste("objectifsCtg", "Objectifs CTG"),
            plusieursParmi("competencesSppe", "Compétence(s) SPPE concernée(s)", Vocabulaire.COMPETENCES_SPPE),
            texte("diagnostic", "Diagnostic initial (Quels constats ?)"),
            liste("publicCible", "Public cible (Pour qui ?)"),
            liste("objectifsOperationnels", "Objectifs opérationnels (Dans quels buts ?)"),
            texte("modalites", "Modalités de mise en œuvre (Comment ?)"),
            organisations("porteurs", "Services mobilisés et responsables de l'action (Qui porte l'action ?)"),
            liste("resultatsAttendus", "Résultats attendus (Quels effets produits ?)"),
            organisations("partenaires", "Partenaires sollicités (Avec qui on travaille ?)"),
            indicateurs("indicateurs", "Indicateurs d'évaluation"),
            organisations("garantes", "Collectivité(s) garante(s) de l'action"))),
    NOTE("Modèle noté (intérêt, budget, champs d'intervention)", List.of(
            unParmi("interet", "Intérêt", Vocabulaire.INTERET),
            plusieursParmi("methodologie", "Méthodologie", Vocabulaire.METHODOLOGIE),
            plusieursParmi("publicCible", "Public cible", Vocabulaire.PUBLIC_CIBLE),
            unParmi("budget", "Budget", Vocabulaire.BUDGET),
            organisations("porteurs", "Porteur de l'action"),
            territoires("territoires", "Territoire(s) cible(s)"),
            plusieursParmi("champsIntervention", "Champ(s) d'intervention", Vocabulaire.CHAMPS_INTERVENTION),
            texte("contexte", "Contexte de l'action"),
            liste("objectifs", "Objectif(s)"),
            liste("criteresQuantitatifs", "Critères quantitatifs"),
            liste("criteresQualitatifs", "Critères qualitatifs"))),
    COURT("Modèle court (actions clés)", List.of(
            texte("objectifGlobal", "Objectif global"),
            liste("actionsCles", "Actions clés"),
            texte("resultatAttendu", "Résultat attendu"),
            liste("publicCible", "Public cible"),
            territoires("territoires", "Territoire concerné"),
            organisations("partenaires", "Partenaires associés"),
            indicateurs("indicateurs", "Indicateurs"))),
    FEUILLE_DE_ROUTE("Action de feuille de route (une ligne)", List.of(
            texte("texte", "Action"),
            texte("lieu", "Lieu"),
            texte("capacite", "Capacité"),
            texte("trancheAge", "Tranche d'âge"),
            organisations("porteurs", "Porteur"),
            texte("publicPrive", "Public / privé"),
            texte("statut", "Statut")));

    private final String libelle;
    private final List<ChampModele> champs;

    ModeleFiche(String libelle, List<ChampModele> champs) {
        this.libelle = libelle;
        this.champs = champs;
    }

    public String libelle() {
        return libelle;
    }

    public List<ChampModele> champs() {
        return champs;
    }

    public Optional<ChampModele> champ(String cle) {
        return champs.stream().filter(c -> c.cle().equals(cle)).findFirst();
    }
}
