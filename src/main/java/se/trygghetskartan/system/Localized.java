package se.trygghetskartan.system;

/**
 * An answer with words in the request's language (an import's report: why lines were rejected), which
 * it says with {@code Content-Language}.
 */
public interface Localized {
}
