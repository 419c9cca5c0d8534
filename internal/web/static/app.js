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
  // The brand query editor previews as the user types (debounced): the
  // server renders the same fragment the Preview button shows.
  document.querySelectorAll("form[data-preview]").forEach(function (form) {
    var area = form.querySelector("textarea[name=query]");
    var out = document.getElementById("preview");
    var url = form.getAttribute("data-preview");
    if (!area || !out || url.charAt(0) !== "/" || url.charAt(1) === "/") return;
    var timer = null, seq = 0;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++seq;
        out.setAttribute("aria-busy", "true");
        fetch(url + "?query=" + encodeURIComponent(area.value), {credentials: "same-origin", headers: {"Accept": "text/html"}})
          .then(function (r) {
            if (!r.ok || r.redirected) throw new Error("preview: " + r.status);
            return r.text();
          })
          .then(function (html) {
            if (mine !== seq) return; // a newer request is on its way
            // The fragment is html/template output from this server.
            out.innerHTML = html;
            out.removeAttribute("aria-busy");
          })
          .catch(function () { out.removeAttribute("aria-busy"); });
      }, 300);
    });
  });
  // An import's page follows the job: it polls its status every second
  // and reloads when the job is over.
  document.querySelectorAll("[data-job]").forEach(function (box) {
    var url = box.getAttribute("data-job");
    if (url.charAt(0) !== "/" || url.charAt(1) === "/") return;
    var set = function (name, value) {
      var el = box.querySelector('[data-field="' + name + '"]');
      if (!el) return;
      if (el.tagName === "PROGRESS") el.value = value; else el.textContent = String(value);
    };
    var tick = function () {
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (j) {
          var pct = j.progress ? j.progress.percent : 0;
          set("status", j.status); set("progress", pct); set("percent", pct.toFixed(1));
          ["read", "created", "updated", "unchanged", "rejected"].forEach(function (k) { set(k, j[k]); });
          if (j.status === "done" || j.status === "failed") { window.location.reload(); return; }
          setTimeout(tick, 1000);
        })
        .catch(function () { setTimeout(tick, 3000); });
    };
    setTimeout(tick, 1000);
  });
})();
