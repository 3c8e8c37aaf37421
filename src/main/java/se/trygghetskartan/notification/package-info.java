/**
 * What residents follow: an Atom feed per municipality and per district of what happened there — measures
 * proposed, planned, started, done or rejected (with their notes to residents), and walks, dialogues and
 * police operations held — read from the published views of the modules that own them; and e-mail
 * subscriptions to the same news, with double opt-in, a digest at most once per interval and one-click
 * unsubscribe, sent through the mail module.
 *
 * <p>Tables: {@code subscription}, {@code feed_entry_seen}. Published views: none.
 */
package se.trygghetskartan.notification;
