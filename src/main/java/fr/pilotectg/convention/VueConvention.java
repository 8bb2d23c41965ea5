package fr.pilotectg.convention;

import java.util.List;
import java.util.Set;

import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.shared.FormatFr;

/** A convention with everything a page or the API shows about it, names resolved. */
public record VueConvention(Convention convention, Organisation caf, List<VuePartie> parties,
                            List<VueDeliberation> deliberations, List<Manques.Manque> manques,
                            boolean modifiable, Set<StatutConvention> statutsSuivants) {

    public record VuePartie(Organisation organisation, RolePartie role, List<Mandat> representants, String nomImprime) {
    }

    public record VueDeliberation(int index, Organisation organisation, Deliberation deliberation) {

        /** "11 décembre 2025", or the text the document printed ("xx 2025"), or "date inconnue". */
        public String dateAffichee() {
            if (deliberation.date() != null) {
                return FormatFr.date(deliberation.date());
            }
            return deliberation.dateTexte() == null ? "date inconnue" : deliberation.dateTexte() + " (date inconnue)";
        }
    }

    public long nombreRepresentants() {
        return parties.stream().mapToLong(p -> p.representants().size()).sum();
    }
}
