/* Heard: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  // Quick exit: leave for a neutral site and replace this page in history, so Back
  // does not return here (as UK domestic-abuse services do).
  function leave(event) {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) return;
    if (event) event.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-quick-exit]")) leave(event);
  });
  var escapes = 0, timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    escapes += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { escapes = 0; }, 2000);
    if (escapes >= 3) leave();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
