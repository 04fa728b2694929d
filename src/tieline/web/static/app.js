// The only script: selects marked data-autosubmit submit their form on change.
// Served from /static (CSP script-src 'self'); the pages work without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });
});
