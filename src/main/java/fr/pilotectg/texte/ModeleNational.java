package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of the national model of a CTG (preamble items, then the fourteen articles in their order), as
 * the Aubenas and Pilat conventions follow it. The default texts are short summaries written for this product,
 * each marked « à adapter » until someone rewrites it for the territory.
 */
final class ModeleNational {

    static final String A_ADAPTER = "[à adapter]";

    private ModeleNational() {
    }

    static List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        preambule(sections, "La branche Famille et ses missions",
                "Rappeler le rôle des Caf auprès des familles et les objectifs de la branche Famille sur le territoire.");
        preambule(sections, "La démarche de convention territoriale globale",
                "Présenter la CTG comme projet partagé de services aux familles, appuyé sur un diagnostic, "
                        + "en cohérence avec le schéma départemental des services aux familles.");
        preambule(sections, "Le territoire et ses priorités",
                "Résumer les caractéristiques du territoire, son offre de services et les champs d'intervention "
                        + "retenus par les signataires.");
        preambule(sections, "Valeurs de la République et laïcité",
                "Rappeler l'engagement des signataires à faire respecter la charte de la laïcité de la branche Famille.");
        String[][] articles = {
                {"Objet de la convention territoriale globale", "Dire ce que la convention organise : le diagnostic partagé, "
                        + "le plan d'actions, les engagements de chacun et leur suivi."},
                {"Les champs d'intervention de la Caf", "Décrire les domaines où la Caf agit : petite enfance, enfance, "
                        + "jeunesse, parentalité, accès aux droits, animation de la vie sociale, logement."},
                {"Les champs d'intervention des collectivités signataires", "Décrire les compétences exercées par "
                        + "l'intercommunalité et les communes, dont celles d'autorité organisatrice de l'accueil du jeune enfant."},
                {"Les objectifs partagés au regard des besoins", "Lister les enjeux du diagnostic par thématique, puis les "
                        + "objectifs conjoints et les signataires qu'ils engagent."},
                {"Engagements des signataires", "Préciser les moyens que chaque signataire s'engage à mobiliser, "
                        + "notamment le maintien de son soutien financier aux services listés en annexe."},
                {"Modalités de collaboration", "Décrire les instances de pilotage (comité de pilotage, comité technique) "
                        + "et les moyens humains et matériels mis en commun."},
                {"Échanges de données", "Encadrer les échanges de données entre signataires, dans le respect du RGPD."},
                {"Communication", "Prévoir la mention du soutien de la Caf et la communication commune sur la CTG."},
                {"Suivi, bilan et évaluation", "Décrire le suivi continu du plan d'actions, le bilan intermédiaire et "
                        + "le bilan final, et les indicateurs retenus."},
                {"Durée de la convention", "Indiquer la période couverte et le mode de reconduction."},
                {"Exécution formelle de la convention", "Prévoir qu'une modification passe par un avenant signé des parties."},
                {"La fin de la convention", "Décrire les cas de résiliation et leurs effets."},
                {"Les recours", "Désigner la juridiction compétente en cas de litige."},
                {"Confidentialité", "Rappeler l'obligation de discrétion des parties sur ce qu'elles apprennent en "
                        + "exécutant la convention."}};
        int numero = 1;
        for (String[] article : articles) {
            sections.add(new Section(NatureSection.ARTICLE, numero++, article[0], aAdapter(article[1])));
        }
        return List.copyOf(sections);
    }

    private static void preambule(List<Section> sections, String titre, String texte) {
        sections.add(new Section(NatureSection.PREAMBULE, null, titre, aAdapter(texte)));
    }

    private static String aAdapter(String texte) {
        return "<p><strong>" + A_ADAPTER + "</strong> " + texte + "</p>";
    }
}
