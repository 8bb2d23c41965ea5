package fr.pilotectg.pilotage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The national view page (administrators; anybody else gets 403 from the service). */
@Controller
class VueNationaleController {

    private final VueNationaleService service;

    VueNationaleController(VueNationaleService service) {
        this.service = service;
    }

    @GetMapping("/national")
    String national(Model model) {
        model.addAttribute("v", service.vueNationale());
        return "pilotage/national";
    }
}
