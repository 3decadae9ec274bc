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
    // A problem first; else the success banner after an action (as GOV.UK Frontend does),
    // so a screen reader reads it and the page shows it even when the form was far down.
    var summary = document.querySelector("[data-error-summary]") ||
      document.querySelector("[data-notification-banner]");
    if (summary) summary.focus();
  });
})();

/* Read-aloud (languages issue): a "Read this to me" button beside each question, only when
   the browser has a voice on this device for the page's language. Speech stays on the device:
   voices that would send the text to a server (localService false) are not used. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  var lang = (document.documentElement.lang || "en").toLowerCase().replace("_", "-");
  var added = false;

  function voiceFor() {
    var base = lang.split("-")[0], best = null;
    synth.getVoices().forEach(function (v) {
      var vl = (v.lang || "").toLowerCase().replace("_", "-");
      if (!v.localService || vl.split("-")[0] !== base) return;
      if (!best || vl === lang) best = v;
    });
    return best;
  }

  function textOf(box) {
    if (box.hasAttribute("data-question")) {
      var parts = [];
      box.querySelectorAll(".legend, .hint, .error-message, .choice-label").forEach(function (el) {
        parts.push(el.textContent.trim());
      });
      return parts.join(". ");
    }
    var copy = box.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function addButtons() {
    var voice = voiceFor(), body = document.body;
    if (added || !voice || !body.getAttribute("data-read-label")) return;
    added = true;
    var label = body.getAttribute("data-read-label"), stop = body.getAttribute("data-stop-label");
    var playing = null;
    function reset() { if (playing) playing.textContent = label; playing = null; }
    document.querySelectorAll("[data-question], [data-read]").forEach(function (box) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "read-aloud";
      button.textContent = label;
      button.addEventListener("click", function () {
        var mine = playing === button;
        synth.cancel();
        reset();
        if (mine) return;
        var say = new SpeechSynthesisUtterance(textOf(box));
        say.voice = voice;
        say.lang = voice.lang;
        say.rate = 0.9;
        say.onend = say.onerror = function () { if (playing === button) reset(); };
        playing = button;
        button.textContent = stop;
        synth.speak(say);
      });
      var heading = box.querySelector(".legend, h2");
      if (heading && heading.parentNode) heading.parentNode.insertBefore(button, heading.nextSibling);
      else box.insertBefore(button, box.firstChild);
    });
  }

  document.addEventListener("DOMContentLoaded", addButtons);
  if (synth.addEventListener) synth.addEventListener("voiceschanged", addButtons);
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
