// wiretrace: small enhancements; every page reads fine without them.
(function () {
  "use strict";

  // Sortable tables: click or press Enter on a header.
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col];
      var vx = x.getAttribute("data-sort") || x.textContent.trim();
      var vy = y.getAttribute("data-sort") || y.textContent.trim();
      var nx = parseFloat(vx), ny = parseFloat(vy);
      var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : vx.localeCompare(vy);
      return asc ? cmp : -cmp;
    });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      th.addEventListener("click", function () { sortTable(table, col, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortTable(table, col, th); } });
    });
  });

  // Matrix threshold: fade cells below the chosen share.
  var slider = document.getElementById("matrix-threshold");
  if (slider) {
    slider.closest(".matrix-tools").hidden = false;
    var out = document.getElementById("matrix-threshold-value");
    slider.addEventListener("input", function () {
      out.textContent = slider.value + "%";
      document.querySelectorAll(".matrix td.cell").forEach(function (td) {
        td.classList.toggle("faded", parseFloat(td.getAttribute("data-reuse")) < parseFloat(slider.value));
      });
    });
  }

  // Pair pages: hovering, focusing or clicking a passage highlights its partner.
  function partners(el) {
    var n = el.getAttribute("data-passage");
    return document.querySelectorAll('[data-passage="' + n + '"], #passage-' + n);
  }
  function light(el, on) {
    partners(el).forEach(function (p) { p.classList.toggle("linked", on); });
  }
  if (document.body.classList.contains("page-pair")) {
    document.querySelectorAll("[data-passage]").forEach(function (el) {
      el.addEventListener("mouseenter", function () { light(el, true); });
      el.addEventListener("mouseleave", function () { light(el, false); });
      el.addEventListener("click", function (e) {
        if (e.target.classList.contains("pnum")) { return; }
        var other = el.getAttribute("data-side") === "a" ? "s" : "a";
        var target = document.getElementById(other + "-passage-" + el.getAttribute("data-passage"));
        if (target) { target.scrollIntoView({ block: "center" }); target.focus({ preventScroll: true }); }
        document.querySelectorAll(".linked").forEach(function (p) { p.classList.remove("linked"); });
        light(el, true);
      });
    });
    document.querySelectorAll("a.pnum").forEach(function (a) {
      a.addEventListener("focus", function () { light(a.parentNode, true); });
      a.addEventListener("blur", function () { light(a.parentNode, false); });
    });
  }

  // Deep links (#passage-12, #a-passage-3, #quote-q4): scroll to and highlight the target.
  function highlightTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    document.querySelectorAll(".linked").forEach(function (p) { p.classList.remove("linked"); });
    var host = el.closest("[data-passage]") || el;
    if (host.hasAttribute("data-passage")) { light(host, true); } else { el.classList.add("linked"); }
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlightTarget);
  highlightTarget();

  // Quote table filters: by status and by speaker.
  var form = document.querySelector(".quote-filters");
  if (form) {
    form.hidden = false;
    var apply = function () {
      var wanted = Array.prototype.map.call(form.querySelectorAll("input[name=status]:checked"), function (i) { return i.value; });
      var speaker = form.querySelector("select[name=speaker]").value;
      document.querySelectorAll("table.quotes tbody tr").forEach(function (tr) {
        var statuses = tr.getAttribute("data-statuses").split(" ");
        var byStatus = statuses.some(function (s) { return wanted.indexOf(s) >= 0; });
        var bySpeaker = !speaker || tr.getAttribute("data-speaker") === speaker;
        tr.hidden = !(byStatus && bySpeaker);
      });
    };
    form.addEventListener("change", apply);
  }
})();
