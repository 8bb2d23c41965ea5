package fr.pilotectg.pilotage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PortefeuilleController {

    private final PortefeuilleService portefeuilles;

    PortefeuilleController(PortefeuilleService portefeuilles) {
        this.portefeuilles = portefeuilles;
    }

    @GetMapping("/portefeuille")
    String portefeuille(@RequestParam(required = false) Long caf, @RequestParam(required = false) String tri,
                        @RequestParam(required = false) String ordre, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("p", portefeuilles.portefeuille(caf, tri, "desc".equals(ordre), page));
        return "pilotage/portefeuille";
    }
}
