-- Survey results belong to a municipality (issue #13): its districts' slugs are its own.
ALTER TABLE survey_result ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE survey_result SET municipality_id = default_municipality_id();
ALTER TABLE survey_result
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id(),
  DROP CONSTRAINT survey_result_neighbourhood_year_indicator_key,
  ADD CONSTRAINT survey_result_municipality_key UNIQUE (municipality_id, neighbourhood, year, indicator);

CREATE OR REPLACE VIEW survey_overview AS
SELECT neighbourhood, year, indicator, value, respondents, municipality_id FROM survey_result;
