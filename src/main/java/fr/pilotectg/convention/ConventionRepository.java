package fr.pilotectg.convention;

import org.springframework.data.repository.CrudRepository;

interface ConventionRepository extends CrudRepository<Convention, Long> {
}
