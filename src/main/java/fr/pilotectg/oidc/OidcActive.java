package fr.pilotectg.oidc;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when an OpenID Connect issuer is configured ({@code pilote.oidc.issuer}, not blank). */
class OidcActive implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("pilote.oidc.issuer");
        return issuer != null && !issuer.isBlank();
    }
}
