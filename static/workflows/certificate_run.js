// The progress bar of a bulk certificate run: polls the run's status and reloads the
// page once it is finished, so the result (who did not get one, and why) appears.
(function () {
  "use strict";
  var element = document.querySelector("[data-certificate-run]");
  if (!element || element.dataset.finished === "true") {
    return;
  }
  var progress = element.querySelector("[data-progress]");
  var summary = element.querySelector("[data-summary]");
  var reload = element.querySelector("[data-reload]");
  if (reload) {
    reload.hidden = true;
  }
  function poll() {
    fetch(element.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        progress.value = run.percent;
        progress.textContent = run.percent + "%";
        summary.textContent = run.summary;
        if (run.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        if (reload) {
          reload.hidden = false;
        }
      });
  }
  window.setTimeout(poll, 1000);
})();
