package se.trygghetskartan.vocabulary;

import java.util.Map;

/**
 * A term served after a vocabulary's enum constants. The app declares none: the database accepts the
 * enums' codes only. A test declares one as a bean, to show that the pages offer whatever
 * {@code GET /api/vocabularies} lists without a change to the front end (NewVocabularyTermIT).
 *
 * @param vocabulary the vocabulary's name in the API, e.g. {@code measureTypes}
 * @param code the term's code
 * @param label the term's label by language ({@code sv}, {@code en})
 */
public record ExtraTerm(String vocabulary, String code, Map<String, String> label) {

}
