package fr.pilotectg.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer. Spring Security writes them on everything that reaches the application
 * ({@link SecurityConfiguration}); {@link ErreursConteneur} writes the same ones on the errors Tomcat answers alone.
 */
final class EntetesDeSecurite {

    /** Scripts only from our own files (no inline script, no eval); inline styles stay allowed: see ADR 0005. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            + "microphone=(), payment=(), usb=()";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private EntetesDeSecurite() {
    }

    static void ecrire(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
