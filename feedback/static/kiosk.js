/* Heard kiosk mode: a shared tablet at an event.
 *
 * After a minute with nobody touching it, any survey page goes back to the start and
 * forgets what was typed (the half-finished answers live only in the page, so leaving
 * the page is enough). On the thank-you page the wait is shorter (data-kiosk-idle says how
 * long), and a touch gives more time; without this file, a meta refresh in <noscript>
 * returns instead. Loaded only for campaigns with kiosk mode on.
 */
(function () {
  "use strict";
  var marker = document.querySelector("[data-kiosk]");
  if (!marker) return;
  var start = marker.getAttribute("data-kiosk-start");
  var seconds = parseInt(marker.getAttribute("data-kiosk-idle"), 10);
  var idle = (seconds > 0 ? seconds : 60) * 1000;
  // The untouched start page has nothing to forget: no need to reload it forever.
  var atStart = window.location.pathname === start && !document.querySelector("input[name=state]");
  var touched = false;
  var timer = null;

  function reset() {
    // Empty every field first, so the browser has nothing to restore from this page.
    Array.prototype.forEach.call(document.querySelectorAll("input, textarea, select"), function (el) {
      if (el.type === "hidden" || el.type === "submit" || el.type === "button") return;
      if (el.type === "checkbox" || el.type === "radio") el.checked = false;
      else el.value = "";
    });
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    // replace(): the finished page is not left behind in the tab's history.
    window.location.replace(start);
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (atStart && !touched) {
        schedule();
      } else {
        reset();
      }
    }, idle);
  }

  ["pointerdown", "keydown", "input", "touchstart", "wheel", "scroll"].forEach(function (name) {
    document.addEventListener(name, function () {
      touched = true;
      schedule();
    }, { capture: true, passive: true });
  });
  // A page brought back by the Back button from the browser's memory may show the last
  // person's answers: start again instead.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) reset();
  });
  schedule();
})();
