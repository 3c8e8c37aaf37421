/**
 * What residents follow: an Atom feed per municipality and per district of what happened there — measures
 * proposed, planned, started, done or rejected (with their notes to residents), and walks, dialogues and
 * police operations held — read from the published views of the modules that own them. (E-mail
 * subscriptions and the messages of residents' reports come here too.)
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.notification;
