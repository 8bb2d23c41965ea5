-- End of a convention (issue 14, item 6) and the lock of scheduled jobs shared by every instance (issue 16, item 5).

-- ShedLock's JDBC provider: one row per job name; a job runs on the instance that holds its row's lock_until.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- The résiliation of a convention (national model, three modes). One per convention: the convention stays in force
-- until date_effet, when the daily job marks it "résiliée".
CREATE TABLE convention_resiliation (
    convention_id      BIGINT      PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    mode               TEXT        NOT NULL CHECK (mode IN ('MISE_EN_DEMEURE', 'SANS_MISE_EN_DEMEURE', 'DENONCIATION')),
    date_resiliation   DATE        NOT NULL,
    date_notification  DATE,
    date_reception     DATE,
    date_effet         DATE        NOT NULL,
    commentaire        TEXT,
    enregistree_par    TEXT        NOT NULL,
    enregistree_le     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT resiliation_effet CHECK (date_effet >= date_resiliation)
);
CREATE INDEX convention_resiliation_effet ON convention_resiliation (date_effet);

-- Conventions in force whose end date has passed, found by the daily expiry job without a full scan.
CREATE INDEX convention_fin_en_cours ON convention (date_fin)
    WHERE statut IN ('SIGNEE', 'EN_VIGUEUR', 'BILAN_INTERMEDIAIRE', 'BILAN_FINAL');
