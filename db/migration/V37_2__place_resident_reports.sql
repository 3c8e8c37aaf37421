-- "Reported by N residents": reports approved as or merged into the place, and voices added to it.
ALTER TABLE unsafe_place ADD COLUMN resident_reports integer NOT NULL DEFAULT 0 CHECK (resident_reports >= 0);
