package fr.pilotectg.oidc;

import java.util.Collection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import tools.jackson.databind.ObjectMapper;

/** Single sign-on beans, created only when {@code pilote.oidc.issuer} is set (none of them calls the provider at start-up). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProprietesOidc.class)
class ConfigurationOidc {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OidcActive.class)
    static class Active {

        @Bean
        ClientRegistrationRepository inscriptionOidc(ProprietesOidc proprietes) {
            return new InscriptionParDecouverte(proprietes);
        }

        @Bean
        ServiceUtilisateurOidc serviceUtilisateurOidc(ObjectMapper json, CorrespondanceDesComptes correspondance) {
            return new ServiceUtilisateurOidc(new InformationsUtilisateur(json), correspondance);
        }

        /** ID tokens signed with the algorithm the provider announces (ProConnect may use ES256), RS256 by default. */
        @Bean
        JwtDecoderFactory<ClientRegistration> decodeurJetonIdentite() {
            OidcIdTokenDecoderFactory fabrique = new OidcIdTokenDecoderFactory();
            fabrique.setJwsAlgorithmResolver(ConfigurationOidc::algorithmeJetonIdentite);
            return fabrique;
        }
    }

    static JwsAlgorithm algorithmeJetonIdentite(ClientRegistration inscription) {
        Object annonces = inscription.getProviderDetails().getConfigurationMetadata().get("id_token_signing_alg_values_supported");
        if (annonces instanceof Collection<?> algorithmes && !algorithmes.contains("RS256")) {
            for (Object nom : algorithmes) {
                SignatureAlgorithm algorithme = SignatureAlgorithm.from(String.valueOf(nom));
                if (algorithme != null) {
                    return algorithme;
                }
            }
        }
        return SignatureAlgorithm.RS256;
    }
}
