package fr.pilotectg.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files, at the same addresses as before: {@code /css/**}, {@code /js/**}, {@code /img/**} from
 * {@code classpath:/static/}, and the webjars (Bootstrap, htmx) under {@code /webjars/**}, version-less in the
 * templates. They replace Spring Boot's default mappings, turned off by {@code spring.web.resources.add-mappings=false}.
 *
 * <p>Why: with the webjars locator on the classpath, Thymeleaf passes every {@code @{…}} link through
 * {@code ResourceUrlEncodingFilter}. Boot's catch-all static mapping {@code /**} made each link to a page
 * ({@code /conventions/1/plan}, a form's action…) be looked up as a file in five locations, in every jar of the
 * classpath, at every rendering, because misses are not cached (spring-framework issue 34014): two thirds of the CPU
 * of the convention and plan pages under load. With mappings limited to the folders that hold files, a link to a page
 * matches no mapping and is left as it is at no cost. A new folder of static files needs a line here (and in
 * {@link SecurityConfiguration} if it is public).
 *
 * <p>Issue 16: pages link to our files under a name that carries a hash of their content ({@code pilote-<md5>.css}) and
 * to the webjars under their version, so a browser keeps them a year without asking again; a new release changes the
 * name of what changed. The plain name is still served (bookmarks, scripts).
 */
@Configuration(proxyBeanMethods = false)
class RessourcesStatiques implements WebMvcConfigurer {

    private static final CacheControl UN_AN = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(UN_AN).resourceChain(true);
        for (String dossier : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + dossier + "/**").addResourceLocations("classpath:/static/" + dossier + "/")
                    .setCacheControl(UN_AN).resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }
}
