-- Why an import failed, as a code and the values its words name ({"code": "import_database_lost",
-- "args": {"line": 1201}}), so that the words come in the reader's language. Imports that failed before
-- keep their English words in message; new ones leave message empty.
ALTER TABLE incident_import ADD COLUMN failure jsonb;
