package fr.pilotectg.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** How the OpenAPI document ({@code /api/v1/openapi}) says to authenticate: an API token, or HTTP Basic. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(security = {@SecurityRequirement(name = "jeton"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "jeton", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Jeton d'API personnel (« pctg_… »), créé sur la page « Mon compte » ou par POST /api/v1/jetons : "
                + "en-tête « Authorization: Bearer <jeton> ».")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Identifiant et mot de passe, pour la compatibilité ; limité après des échecs répétés.")
class DocumentationApi {
}
