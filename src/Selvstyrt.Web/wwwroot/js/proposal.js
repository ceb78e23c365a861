// «Foreslå plan»: while the roster generator runs, fetch the page every second and replace only the progress section,
// so that focus stays where it is and the polite live region announces the best cost so far. When the run has ended,
// load the page again (by GET) to show the proposal. Loaded once for the whole app (pages arrive by enhanced navigation, which
// does not run scripts in page content); it does nothing on pages without a running proposal. Without JavaScript the
// «Oppdater» link does the same by hand.
(() => {
  let busy = false;
  setInterval(async () => {
    const current = document.querySelector("[data-proposal-running]");
    if (!current || busy) return;
    busy = true;
    try {
      const response = await fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-proposal-running]");
      if (!next) {
        // A GET of the same address (a reload could send the form that started the run again).
        location.replace(location.href);
        return;
      }
      const progress = current.querySelector("progress"), nextProgress = next.querySelector("progress");
      if (progress && nextProgress) progress.value = nextProgress.value;
      const label = current.querySelector("label"), nextLabel = next.querySelector("label");
      if (label && nextLabel) label.textContent = nextLabel.textContent;
      const status = current.querySelector("[role=status]"), nextStatus = next.querySelector("[role=status]");
      if (status && nextStatus && status.textContent !== nextStatus.textContent) status.textContent = nextStatus.textContent;
    } finally {
      busy = false;
    }
  }, 1000);
})();
