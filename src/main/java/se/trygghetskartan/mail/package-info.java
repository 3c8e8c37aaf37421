/**
 * E-mail out of the app: messages queued in the database in the transaction of the change that causes
 * them and sent by a background sender over SMTP ({@code spring.mail.*}), retried while the server is
 * away and given up after a day; the links in them (confirm, unsubscribe) signed with the installation's
 * own key and made absolute with the public address. Addresses never go to the log.
 *
 * <p>Tables: {@code mail_outbox}, {@code mail_link_key}. Published views: none.
 */
package se.trygghetskartan.mail;
