// The login form posts normally; it only needs the CSRF token, fetched here. Before login the token
// lives in a cookie, so visiting this page creates no server session.
const response = await fetch('/api/session', { credentials: 'same-origin' });
const session = await response.json();
const field = document.getElementById('csrf');
field.name = session.csrf.parameterName;
field.value = session.csrf.token;
const params = new URLSearchParams(location.search);
if (params.has('error')) {
  document.getElementById('login-error').hidden = false;
}
// The account could not be looked up (the database is down): not a wrong password.
if (params.has('unavailable')) {
  document.getElementById('login-unavailable').hidden = false;
}
