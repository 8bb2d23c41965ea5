package fr.pilotectg.importation.tableur;

import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.suivi.NouvelleMiseAJour;

/** One write an import makes once confirmed, through the plan or follow-up feature's public service. */
sealed interface OperationTableur {

    record ModificationFiche(long ficheId, int version, ContenuFiche contenu) implements OperationTableur {
    }

    record CreationFiche(Long noeudId, ContenuFiche contenu) implements OperationTableur {
    }

    record AjoutMiseAJour(long ficheId, NouvelleMiseAJour saisie) implements OperationTableur {
    }
}
