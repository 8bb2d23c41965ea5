-- Search excerpts highlight the words found whatever their accents. The query is unaccented before it is
-- stemmed ("momes" and "mômes" both give 'mome'), so the words of the excerpt are unaccented too before
-- stemming; the excerpt itself is shown as written, accents included.
CREATE TEXT SEARCH CONFIGURATION francais_sans_accents (COPY = french);
ALTER TEXT SEARCH CONFIGURATION francais_sans_accents
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
