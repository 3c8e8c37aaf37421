-- Safety survey (trygghetsmätning) indicator values per district and year.
CREATE TABLE survey_result (
  id           bigserial PRIMARY KEY,
  neighbourhood varchar(80) NOT NULL,
  year         smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  indicator    varchar(40) NOT NULL CHECK (indicator IN ('unsafe_outdoors_night', 'safety_index',
               'exposed_to_crime', 'worried_about_crime')),
  value        numeric(7, 2) NOT NULL,
  respondents  int CHECK (respondents >= 0),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  imported_by  varchar(100) NOT NULL,
  UNIQUE (neighbourhood, year, indicator)
);
