// The plan calendar (issue 23): drag a shift to another day or assistant. On drop the quick edit's form is sent as if the
// user had changed the day and assistant there and pressed «Lagre»: the same server check, the same answer in the live
// region. The keyboard way to do the same is that form (open the shift, pick the day and assistant, save). Listeners sit
// on the document, since pages arrive by enhanced navigation, which does not run scripts in page content.
(() => {
  // Opening a shift (its link ends in #endre) puts the keyboard in the quick edit: focus on its heading, so the next
  // Tab is the first field, not the top of the page.
  const focusEdit = () => {
    if (location.hash !== "#endre") return;
    const heading = document.getElementById("endre-tittel");
    if (heading && document.activeElement !== heading) heading.focus({ preventScroll: false });
  };
  document.addEventListener("DOMContentLoaded", focusEdit);
  // A shift of the week already shown differs only in its hash: Blazor then scrolls without a load event.
  document.addEventListener("click", e => {
    const link = e.target instanceof Element ? e.target.closest("a[href$='#endre']") : null;
    if (link) setTimeout(focusEdit, 50);
  });
  if (window.Blazor && typeof window.Blazor.addEventListener === "function") window.Blazor.addEventListener("enhancedload", focusEdit);

  const grid = target => target instanceof Element ? target.closest("table.app-calendar[data-movable]") : null;
  const cell = target => target instanceof Element ? target.closest("td[data-day]") : null;
  let dragged = null;

  document.addEventListener("dragstart", e => {
    const shift = e.target instanceof Element ? e.target.closest(".app-shift[data-shift]") : null;
    if (!shift || !grid(shift)) return;
    dragged = shift;
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", shift.dataset.shift);
  });
  document.addEventListener("dragend", () => {
    dragged = null;
    document.querySelectorAll("td[data-drop]").forEach(td => td.removeAttribute("data-drop"));
  });
  document.addEventListener("dragover", e => {
    const td = cell(e.target);
    if (!dragged || !td || grid(td) !== grid(dragged)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    document.querySelectorAll("td[data-drop]").forEach(x => { if (x !== td) x.removeAttribute("data-drop"); });
    td.setAttribute("data-drop", "true");
  });
  document.addEventListener("drop", e => {
    const td = cell(e.target);
    if (!dragged || !td || grid(td) !== grid(dragged)) return;
    e.preventDefault();
    const shift = dragged;
    dragged = null;
    if (td.contains(shift)) return;
    const token = document.querySelector("input[name=__RequestVerificationToken]");
    const revision = document.querySelector("input[name$='.Revision']");
    if (!token || !revision) return;
    const link = shift.querySelector("a[href]");
    const form = document.createElement("form");
    form.method = "post";
    const to = new URL(link.getAttribute("href"), location.href);
    form.action = to.pathname + to.search;
    const fields = {
      "_handler": "endre-vakt",
      "__RequestVerificationToken": token.value,
      "ChangeIn.Revision": revision.value,
      "ChangeIn.ShiftId": shift.dataset.shift,
      "ChangeIn.Week": shift.dataset.week,
      "ChangeIn.Day": td.dataset.day,
      "ChangeIn.Start": shift.dataset.start,
      "ChangeIn.End": shift.dataset.end,
      "ChangeIn.Assistant": td.dataset.assistant,
      "ChangeIn.Kind": shift.dataset.kind,
      "ChangeIn.Action": "save",
    };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  });
})();
