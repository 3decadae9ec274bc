// The Board report page: say that a PDF is printing, and hand it over when it is ready.
// Without JavaScript the button is an ordinary form submission and the browser shows
// its own progress; with it, the status below the buttons says what is happening.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  var status = document.getElementById("pdf-status");
  if (!form || !status || !window.fetch || !window.URLSearchParams) return;

  function say(text, busy) {
    status.textContent = text;
    status.classList.toggle("busy", !!busy);
  }

  function fileName(reply, fallback) {
    var header = reply.headers.get("Content-Disposition") || "";
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute("data-pdf")) return;
    event.preventDefault();
    var data = new FormData(form);
    data.set("format", "pdf");
    var query = new URLSearchParams(data).toString();
    var period = data.get("period") || "";
    say(status.dataset.working.replace("{period}", period), true);
    button.disabled = true;
    fetch(button.formAction + "?" + query, { credentials: "same-origin" })
      .then(function (reply) {
        if (!reply.ok) throw new Error(reply.status);
        var name = fileName(reply, "board-report.pdf");
        return reply.blob().then(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = name;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          say(status.dataset.done.replace("{name}", name), false);
        });
      })
      .catch(function () { say(status.dataset.failed, false); })
      .then(function () { button.disabled = false; });
  });
})();
