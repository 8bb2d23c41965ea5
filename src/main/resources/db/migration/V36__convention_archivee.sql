-- An administrator archives a convention: hidden from the lists, kept whole, restorable (issue 12, item 8).
ALTER TABLE convention ADD COLUMN archivee_le TIMESTAMPTZ;
