package fr.pilotectg.oidc;

import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.http.converter.OidcUserInfoHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in its own Tomcat on a random port of
 * {@code localhost} (the application is reached on {@code 127.0.0.1}, so their cookies never mix), with its own login
 * form, PKCE required, and people whose e-mail, verification and userinfo answer each test chooses: JSON like
 * Keycloak, a JWT signed with the provider's key like ProConnect, or a JWT signed with another key (a forgery).
 */
final class FournisseurOidc implements AutoCloseable {

    static final String CLIENT = "pilote-ctg";
    static final String SECRET = "secret-de-test-" + UUID.randomUUID();
    static final String MOT_DE_PASSE = "mot-de-passe-fournisseur";

    enum Reponse { JSON, JWT_SIGNE, JWT_FAUSSE_SIGNATURE }

    /**
     * Someone the provider knows. {@code verifie} null: no {@code email_verified} claim. {@code courrielDansJetonIdentite}
     * false: the e-mail is given only by the userinfo endpoint (ProConnect).
     */
    record Personne(String identifiant, String courriel, Boolean verifie, Reponse reponse,
                    boolean courrielDansJetonIdentite, String prenom, String nom) {
    }

    private final Map<String, Personne> personnes = new ConcurrentHashMap<>();
    private final AnnotationConfigServletWebServerApplicationContext contexte;
    private final String emetteur;

    private FournisseurOidc() {
        contexte = new AnnotationConfigServletWebServerApplicationContext();
        contexte.registerBean(FournisseurOidc.class, () -> this);
        contexte.register(Configuration.class);
        contexte.refresh();
        emetteur = "http://localhost:" + ((WebServerApplicationContext) contexte).getWebServer().getPort();
    }

    static FournisseurOidc demarrer() {
        return new FournisseurOidc();
    }

    String emetteur() {
        return emetteur;
    }

    void ajouter(Personne personne) {
        personnes.put(personne.identifiant(), personne);
        InMemoryUserDetailsManager utilisateurs = contexte.getBean(InMemoryUserDetailsManager.class);
        if (!utilisateurs.userExists(personne.identifiant())) {
            utilisateurs.createUser(User.withUsername(personne.identifiant()).password("{noop}" + MOT_DE_PASSE).roles("USER").build());
        }
    }

    /** Registers the application's redirect URI (known once the application listens). */
    void autoriserRetour(String adresse) {
        InMemoryRegisteredClientRepository clients = contexte.getBean(InMemoryRegisteredClientRepository.class);
        RegisteredClient client = clients.findByClientId(CLIENT);
        clients.save(RegisteredClient.from(client).redirectUris(uris -> {
            uris.clear();
            uris.add(adresse);
        }).build());
    }

    @Override
    public void close() {
        contexte.close();
    }

    private Personne personne(String identifiant) {
        Personne personne = personnes.get(identifiant);
        if (personne == null) {
            throw new IllegalStateException("Personne inconnue du fournisseur de test : " + identifiant);
        }
        return personne;
    }

    private Map<String, Object> revendications(Personne personne) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", personne.identifiant());
        claims.put("email", personne.courriel());
        if (personne.verifie() != null) {
            claims.put("email_verified", personne.verifie());
        }
        claims.put("given_name", personne.prenom());
        if (personne.reponse() == Reponse.JSON) {
            claims.put("family_name", personne.nom());
        } else {
            claims.put("usual_name", personne.nom());
        }
        return claims;
    }

    private static RSAKey cleRsa(String kid) {
        try {
            KeyPairGenerator generateur = KeyPairGenerator.getInstance("RSA");
            generateur.initialize(2048);
            KeyPair paire = generateur.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) paire.getPublic()).privateKey((RSAPrivateKey) paire.getPrivate())
                    .keyID(kid).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's beans; a test configuration, so that the application's component scan never picks it up. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Configuration {

        private static final String KID = "cle-fournisseur";
        private final RSAKey cle = cleRsa(KID);
        /** Another key with the same id: a userinfo JWT signed with it must be refused. */
        private final RSAKey fausseCle = cleRsa(KID);

        @Bean
        TomcatServletWebServerFactory tomcat() {
            TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
            tomcat.setAddress(InetAddress.getLoopbackAddress());
            return tomcat;
        }

        /** Tomcat runs filters only for a request mapped to a servlet: this one answers 404 behind the security filters. */
        @Bean
        ServletRegistrationBean<HttpServlet> introuvable() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void service(HttpServletRequest requete, HttpServletResponse reponse) throws IOException {
                    reponse.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }, "/");
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() {
            return new ImmutableJWKSet<>(new JWKSet(cle));
        }

        @Bean
        JwtDecoder jwtDecoder() throws Exception {
            return NimbusJwtDecoder.withPublicKey(cle.toRSAPublicKey()).build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        InMemoryUserDetailsManager utilisateurs() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT)
                    .clientSecret("{noop}" + SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/pas-encore-connu")
                    .scopes(scopes -> scopes.addAll(List.of("openid", "email", "profile")))
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The ID token carries the e-mail claims unless the person's e-mail is given only by userinfo. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> jetonIdentite(FournisseurOidc fournisseur) {
            return contexte -> {
                if (OidcParameterNames.ID_TOKEN.equals(contexte.getTokenType().getValue())) {
                    Personne personne = fournisseur.personne(contexte.getPrincipal().getName());
                    if (personne.courrielDansJetonIdentite()) {
                        contexte.getClaims().claim("email", personne.courriel());
                        if (personne.verifie() != null) {
                            contexte.getClaims().claim("email_verified", personne.verifie());
                        }
                    }
                }
            };
        }

        @Bean
        @Order(1)
        SecurityFilterChain serveurAutorisation(HttpSecurity http, FournisseurOidc fournisseur) throws Exception {
            OidcUserInfoHttpMessageConverter json = new OidcUserInfoHttpMessageConverter();
            http
                    .oauth2AuthorizationServer(serveur -> {
                        http.securityMatcher(serveur.getEndpointsMatcher());
                        serveur.oidc(oidc -> oidc.userInfoEndpoint(informations -> informations
                                .userInfoMapper(contexte -> new OidcUserInfo(fournisseur.revendications(
                                        fournisseur.personne(contexte.getAuthorization().getPrincipalName()))))
                                .userInfoResponseHandler((requete, reponse, authentification) -> {
                                    OidcUserInfo info = ((OidcUserInfoAuthenticationToken) authentification).getUserInfo();
                                    Personne personne = fournisseur.personne(info.getSubject());
                                    if (personne.reponse() == Reponse.JSON) {
                                        json.write(info, MediaType.APPLICATION_JSON, new ServletServerHttpResponse(reponse));
                                    } else {
                                        repondreJwt(reponse, fournisseur, info,
                                                personne.reponse() == Reponse.JWT_SIGNE ? cle : fausseCle);
                                    }
                                })));
                    })
                    .authorizeHttpRequests(autorisations -> autorisations.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(ressources -> ressources.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain connexion(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(autorisations -> autorisations.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        private static void repondreJwt(HttpServletResponse reponse, FournisseurOidc fournisseur, OidcUserInfo info,
                                        RSAKey signature) throws IOException {
            NimbusJwtEncoder encodeur = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signature)));
            JwtClaimsSet revendications = JwtClaimsSet.builder()
                    .issuer(fournisseur.emetteur())
                    .audience(List.of(CLIENT))
                    .issuedAt(java.time.Instant.now())
                    .expiresAt(java.time.Instant.now().plus(Duration.ofMinutes(5)))
                    .claims(claims -> claims.putAll(info.getClaims()))
                    .build();
            String jwt = encodeur.encode(JwtEncoderParameters.from(
                    JwsHeader.with(SignatureAlgorithm.RS256).keyId(KID).build(), revendications)).getTokenValue();
            reponse.setContentType("application/jwt");
            reponse.getWriter().write(jwt);
        }
    }
}
