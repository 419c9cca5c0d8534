// Herald dashboard: progressive enhancement only. Every page works
// without this script.
(function () {
  "use strict";
  // The workspace switcher navigates on change.
  document.querySelectorAll("select[data-nav]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      var v = sel.value;
      if (v.charAt(0) === "/" && v.charAt(1) !== "/") {
        window.location.assign(v);
      }
    });
  });
  // Buttons that copy a value (a new API token).
  document.querySelectorAll("button[data-copy]").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function () {
        b.textContent = "Copied";
      });
    });
  });
  // Destructive buttons ask first.
  document.querySelectorAll("button[data-confirm]").forEach(function (b) {
    b.addEventListener("click", function (e) {
      if (!window.confirm(b.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
})();
