-- Money of a fiche (issue 10 item 7, DOMAIN §4.13): per year and per funder, planned and actual amounts in euro cents
-- (ADR 0017: whole cents in BIGINT, never floating point, never negative).
CREATE TABLE fiche_financement (
    id               BIGSERIAL PRIMARY KEY,
    fiche_id         BIGINT  NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    ordre            INTEGER NOT NULL,
    annee            INTEGER NOT NULL CHECK (annee BETWEEN 2000 AND 2100),
    financeur        TEXT    NOT NULL CHECK (financeur IN ('CAF_PRESTATION_SERVICE', 'BONUS_TERRITOIRE_CTG', 'BONUS_TRAJECTOIRE',
                                                          'COLLECTIVITE', 'AUTRE')),
    nom              TEXT,
    prevu_centimes   BIGINT CHECK (prevu_centimes >= 0),
    realise_centimes BIGINT CHECK (realise_centimes >= 0),
    CHECK ((financeur IN ('COLLECTIVITE', 'AUTRE')) = (nom IS NOT NULL))
);
CREATE INDEX fiche_financement_fiche ON fiche_financement (fiche_id, ordre);
CREATE UNIQUE INDEX fiche_financement_unique ON fiche_financement (fiche_id, annee, financeur, lower(coalesce(nom, '')));
