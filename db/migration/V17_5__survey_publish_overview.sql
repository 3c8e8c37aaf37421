-- The survey module's view for other modules (issue #12): indicator values per district and year,
-- for the evaluation of measures.
CREATE VIEW survey_overview AS
SELECT neighbourhood, year, indicator, value, respondents FROM survey_result;
