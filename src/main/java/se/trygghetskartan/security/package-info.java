/**
 * Who may do what: anonymous residents read, planners and admins write. Browsers log in with a
 * form and a CSRF-protected session; scripts and GIS clients use HTTP Basic.
 *
 * <p>Tables: {@code spring_session}, {@code spring_session_attributes}. Published views: none.
 */
package se.trygghetskartan.security;
