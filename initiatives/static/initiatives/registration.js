/* Events: the registration form's CSRF token, for an event page served from the shared page cache.
   The cached page is the same for every visitor, so its form carries an empty token field; this fetches
   the visitor's own token (and its cookie) from the form's data-token-url and fills the field in.
   Without JavaScript the form still works: the server shows it again with a token, to be sent once more.
   Loaded with defer; no dependencies. */
(function () {
  "use strict";

  function fill(form) {
    var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!field || field.value) {
      return;
    }
    fetch(form.getAttribute("data-token-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && data.token) {
          field.value = data.token;
        }
      })
      .catch(function () {
        /* Offline or refused: the form is sent without a token and comes back with one. */
      });
  }

  var forms = document.querySelectorAll("form[data-token-url]");
  for (var i = 0; i < forms.length; i++) {
    fill(forms[i]);
  }
})();
