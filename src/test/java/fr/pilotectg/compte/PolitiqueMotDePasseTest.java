package fr.pilotectg.compte;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rules of ADR 0009, without Spring: length, common passwords shipped with the application, login, confirmation. */
class PolitiqueMotDePasseTest {

    private final PolitiqueMotDePasse politique = new PolitiqueMotDePasse();

    @Test
    void the_list_of_common_passwords_is_shipped_and_used() {
        assertThat(politique.nombreDeMotsDePasseCourants()).isGreaterThan(3_000);
        for (String courant : new String[]{"azertyuiop123", "MotDePasse2024", "123456789012", "soleil123456", "jetaime123456",
                "aaaaaaaaaaaaaaa", "ababababababab", "Marseille2026!"}) {
            assertThat(politique.estCourant(courant)).as(courant).isTrue();
        }
        assertThat(politique.estCourant("Le chat de Marie dort au soleil")).isFalse();
    }

    @Test
    void a_password_is_refused_naming_the_field() {
        assertRefus("court", "court", "motDePasse", "au moins 12");
        assertRefus("azertyuiop123", "azertyuiop123", "motDePasse", "trop facile");
        assertRefus("x".repeat(40) + "é".repeat(20), "", "motDePasse", "au plus 64");
        assertRefus("marie.durand-du-lac", "marie.durand-du-lac", "motDePasse", "identifiant");
        assertRefus("Le chat de Marie dort au soleil", "Le chat de Marie dort au soleil ", "confirmation", "ne correspond pas");
        assertThat(politique.verifier("Le chat de Marie dort au soleil", "Le chat de Marie dort au soleil", "marie.durand-du-lac@caf05.fr"))
                .isEqualTo("Le chat de Marie dort au soleil");
    }

    private void assertRefus(String motDePasse, String confirmation, String champ, String message) {
        assertThatThrownBy(() -> politique.verifier(motDePasse, confirmation, "marie.durand-du-lac@caf05.fr"))
                .isInstanceOfSatisfying(ErreurValidation.class, e -> {
                    assertThat(e.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly(champ);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
