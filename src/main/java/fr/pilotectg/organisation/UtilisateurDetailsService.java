package fr.pilotectg.organisation;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class UtilisateurDetailsService implements UserDetailsService {

    private final OrganisationRepository repository;

    UtilisateurDetailsService(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Override
    public UtilisateurConnecte loadUserByUsername(String identifiant) {
        return repository.utilisateurActif(identifiant).orElseThrow(() -> new UsernameNotFoundException(identifiant));
    }
}
