package fr.pilotectg.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Test fixture, found by the component scan of the test context only: a page and an API route that fail the way a
 * bug would, with an English message that must never reach the user.
 */
@Controller
class ErreurInattendueController {

    static final String MESSAGE = "Invalid state: NullPointerException in essai";

    @GetMapping("/essais/erreur-inattendue")
    String page() {
        throw new IllegalStateException(MESSAGE);
    }

    @GetMapping("/api/essais/erreur-inattendue")
    @ResponseBody
    String api() {
        throw new IllegalStateException(MESSAGE);
    }
}
