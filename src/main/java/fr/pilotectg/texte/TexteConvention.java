package fr.pilotectg.texte;

import java.util.List;

/**
 * The text of one convention, in document order. {@code version} is 0 while the convention still shows the
 * national model (nothing stored yet); {@code modifiable} says whether the current user may change it.
 */
public record TexteConvention(long conventionId, String conventionTitre, int version, boolean modele,
                              List<Section> sections, boolean modifiable) {

    public List<Section> preambule() {
        return sections.stream().filter(s -> s.nature() == NatureSection.PREAMBULE).toList();
    }

    public long nombreArticles() {
        return sections.stream().filter(s -> s.nature() == NatureSection.ARTICLE).count();
    }

    public long nombreAAdapter() {
        return sections.stream().filter(Section::estAAdapter).count();
    }
}
