package fr.pilotectg.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the provider's userinfo endpoint, whether it answers JSON (Keycloak, Azure AD…) or a signed JWT
 * ({@code application/jwt}: ProConnect), which Spring Security's {@code DefaultOAuth2UserService} does not read. A
 * signed answer is trusted only once its signature is checked against the provider's keys (its {@code jwks_uri}),
 * and its {@code iss} and {@code aud}, when present, are those of the provider and of this client.
 */
final class InformationsUtilisateur implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final MediaType JWT = MediaType.parseMediaType("application/jwt");
    private static final String REPONSE_INVALIDE = "invalid_user_info_response";
    private static final TypeReference<Map<String, Object>> OBJET = new TypeReference<>() {
    };

    private final RestClient http;
    private final ObjectMapper json;
    private final Map<String, JwtDecoder> decodeurs = new ConcurrentHashMap<>();

    InformationsUtilisateur(ObjectMapper json) {
        SimpleClientHttpRequestFactory fabrique = new SimpleClientHttpRequestFactory();
        fabrique.setConnectTimeout(Duration.ofSeconds(5));
        fabrique.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(fabrique).build();
        this.json = json;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest requete) {
        ClientRegistration inscription = requete.getClientRegistration();
        ResponseEntity<String> reponse;
        try {
            reponse = http.get()
                    .uri(inscription.getProviderDetails().getUserInfoEndpoint().getUri())
                    .headers(entetes -> entetes.setBearerAuth(requete.getAccessToken().getTokenValue()))
                    .accept(MediaType.APPLICATION_JSON, JWT)
                    .retrieve()
                    .toEntity(String.class);
        } catch (RestClientException e) {
            throw refus("Le fournisseur d'identité n'a pas donné les informations de l'utilisateur : " + e.getMessage(), e);
        }
        String corps = reponse.getBody();
        if (corps == null || corps.isBlank()) {
            throw refus("Le fournisseur d'identité a répondu sans informations sur l'utilisateur.", null);
        }
        MediaType type = reponse.getHeaders().getContentType();
        Map<String, Object> revendications = type != null && JWT.isCompatibleWith(type)
                ? lireJwtSigne(inscription, corps.trim())
                : lireJson(corps);
        if (!(revendications.get("sub") instanceof String sujet) || sujet.isBlank()) {
            throw refus("Les informations de l'utilisateur n'ont pas d'identifiant (sub).", null);
        }
        return new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OIDC_USER"), revendications, "sub");
    }

    private Map<String, Object> lireJwtSigne(ClientRegistration inscription, String jeton) {
        try {
            Jwt jwt = decodeurs.computeIfAbsent(inscription.getRegistrationId(), id -> decodeur(inscription)).decode(jeton);
            return jwt.getClaims();
        } catch (JwtException e) {
            throw refus("Les informations de l'utilisateur signées par le fournisseur d'identité sont refusées : "
                    + e.getMessage(), e);
        }
    }

    private Map<String, Object> lireJson(String corps) {
        try {
            return json.readValue(corps, OBJET);
        } catch (JacksonException e) {
            throw refus("Les informations de l'utilisateur ne sont ni du JSON ni un JWT signé.", e);
        }
    }

    private static JwtDecoder decodeur(ClientRegistration inscription) {
        String jwks = inscription.getProviderDetails().getJwkSetUri();
        if (jwks == null || jwks.isBlank()) {
            throw new JwtException("le fournisseur ne publie pas ses clés (jwks_uri)");
        }
        NimbusJwtDecoder decodeur = NimbusJwtDecoder.withJwkSetUri(jwks)
                .jwsAlgorithms(algorithmes -> algorithmes.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
                        SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512,
                        SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512)))
                .build();
        String emetteur = inscription.getProviderDetails().getIssuerUri();
        String client = inscription.getClientId();
        decodeur.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), jwt -> {
            Object iss = jwt.getClaims().get("iss");
            if (iss != null && emetteur != null && !emetteur.equals(iss.toString())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(REPONSE_INVALIDE, "émetteur inattendu : " + iss, null));
            }
            List<String> audience = jwt.getAudience();
            if (audience != null && !audience.isEmpty() && !audience.contains(client)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(REPONSE_INVALIDE, "destinataire inattendu", null));
            }
            return OAuth2TokenValidatorResult.success();
        }));
        return decodeur;
    }

    private static OAuth2AuthenticationException refus(String message, Throwable cause) {
        OAuth2Error erreur = new OAuth2Error(REPONSE_INVALIDE, message, null);
        return cause == null ? new OAuth2AuthenticationException(erreur) : new OAuth2AuthenticationException(erreur, cause);
    }
}
