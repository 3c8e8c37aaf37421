// The login form posts normally; it only needs the session's CSRF token, fetched here.
const response = await fetch('/api/session', { credentials: 'same-origin' });
const session = await response.json();
const field = document.getElementById('csrf');
field.name = session.csrf.parameterName;
field.value = session.csrf.token;
if (new URLSearchParams(location.search).has('error')) {
  document.getElementById('login-error').hidden = false;
}
