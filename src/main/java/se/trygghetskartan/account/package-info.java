/**
 * Who the users are and what they may do: local accounts and those that single sign-on brings, role
 * grants (user, scope, role), passwords and their policy, personal access tokens for scripts and
 * QGIS, the throttling of password guessing, the first administrator of a production start and the
 * admin API. The security module turns these into authentications; this one knows no HTTP session.
 *
 * <p>Tables: {@code app_user}, {@code role_grant}, {@code access_token}, {@code login_failure}. Published views: none.
 */
package se.trygghetskartan.account;
