package fr.pilotectg.web;

import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every form field and query parameter, whatever the page: no control character, no text longer than the
 * longest text accepted anywhere. Field-specific limits then apply in the features. A refusal is an
 * {@link ErreurValidation} naming the parameter: 400 with the French message, on pages and in the API.
 */
@Configuration(proxyBeanMethods = false)
class ParametresControles implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parametre : request.getParameterMap().entrySet()) {
            Saisie.verifierTexte(parametre.getKey(), "Nom de paramètre", parametre.getKey(), Limites.CODE * 2);
            for (String valeur : parametre.getValue()) {
                Saisie.verifierTexte(parametre.getKey(), "Champ « " + parametre.getKey() + " »", valeur,
                        Limites.longueurMax(parametre.getKey()));
            }
        }
        return true;
    }
}
