// The app's shell on phones (issue 23): the service worker that keeps «Min plan» readable offline (wwwroot/sw.js),
// and the compact menu. Without JavaScript the menu is simply always open. Listeners sit on the document, since
// pages arrive by enhanced navigation, which re-renders the header (and so closes the menu after a choice).
(() => {
  document.documentElement.classList.add("app-js");
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { });

  document.addEventListener("click", e => {
    const button = e.target instanceof Element ? e.target.closest("button[data-menu-toggle]") : null;
    if (!button) return;
    const menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    menu.toggleAttribute("data-open", open);
  });
  document.addEventListener("keydown", e => {
    if (e.key !== "Escape") return;
    const button = document.querySelector("button[data-menu-toggle][aria-expanded='true']");
    if (!button) return;
    button.setAttribute("aria-expanded", "false");
    document.getElementById(button.getAttribute("aria-controls"))?.removeAttribute("data-open");
    button.focus();
  });
})();
