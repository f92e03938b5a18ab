// wiretrace: small enhancements for exploring; every page reads fine without them.
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  // Sortable tables: each header becomes a button; click again to reverse.
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var key = function (row) {
      var cell = row.cells[col];
      return cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
    };
    rows.sort(function (a, b) {
      var vx = key(a), vy = key(b), nx = parseFloat(vx), ny = parseFloat(vy);
      var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : vx.localeCompare(vy);
      return asc ? cmp : -cmp;
    });
    each(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }
  each(document.querySelectorAll("table.sortable"), function (table) {
    each(table.tHead.rows[0].cells, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = "Sort by this column";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, col, th); });
    });
  });

  // Matrix threshold: fade the cells below the chosen share.
  var slider = document.getElementById("matrix-threshold");
  if (slider) {
    slider.closest(".matrix-tools").hidden = false;
    var out = document.getElementById("matrix-threshold-value");
    var fade = function () {
      var min = parseFloat(slider.value);
      out.textContent = slider.value + "%";
      each(document.querySelectorAll(".matrix td.cell"), function (td) {
        td.classList.toggle("faded", parseFloat(td.getAttribute("data-reuse")) < min);
      });
    };
    slider.addEventListener("input", fade);
    fade();
  }

  // Pair pages: hovering, focusing or clicking a passage highlights it in both texts and in
  // the list of passages; clicking scrolls the other text to it.
  function clearLinked() { each(document.querySelectorAll(".linked"), function (p) { p.classList.remove("linked"); }); }
  function light(n, on) {
    each(document.querySelectorAll('[data-passage="' + n + '"]'), function (p) { p.classList.toggle("linked", on); });
    var item = document.getElementById("passage-" + n);
    if (item) { item.classList.toggle("linked", on); }
  }
  var pinned = null;
  if (document.body.classList.contains("page-pair")) {
    each(document.querySelectorAll("[data-passage]"), function (el) {
      var n = el.getAttribute("data-passage");
      el.addEventListener("mouseenter", function () { light(n, true); });
      el.addEventListener("mouseleave", function () { if (pinned !== n) { light(n, false); } });
      el.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest("a")) { return; }
        clearLinked();
        pinned = n;
        light(n, true);
        var other = el.getAttribute("data-side") === "a" ? "s" : "a";
        var target = document.getElementById(other + "-passage-" + n);
        if (target) { target.scrollIntoView({ block: "center", behavior: "smooth" }); }
      });
    });
    each(document.querySelectorAll("a.pnum, .passage-head a"), function (a) {
      var n = (a.getAttribute("href").match(/passage-(\d+)$/) || [])[1];
      if (!n) { return; }
      a.addEventListener("focus", function () { light(n, true); });
      a.addEventListener("blur", function () { if (pinned !== n) { light(n, false); } });
    });
  }

  // Deep links (#passage-12, #a-passage-3, #quote-q4): scroll to and highlight the target.
  function highlightTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    clearLinked();
    var m = id.match(/^(?:[as]-)?passage-(\d+)$/);
    if (m) { pinned = m[1]; light(m[1], true); } else { el.classList.add("linked"); }
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlightTarget);
  highlightTarget();

  // Quote table filters: by what articles did to the quote, and by speaker.
  var form = document.querySelector(".quote-filters");
  if (form) {
    form.hidden = false;
    var count = form.querySelector(".filter-count");
    var rows = document.querySelectorAll("table.quotes tbody tr");
    var apply = function () {
      var wanted = Array.prototype.map.call(form.querySelectorAll("input[name=status]:checked"), function (i) { return i.value; });
      var speaker = form.querySelector("select[name=speaker]").value;
      var shown = 0;
      each(rows, function (tr) {
        var statuses = tr.getAttribute("data-statuses").split(" ");
        var byStatus = statuses.some(function (s) { return wanted.indexOf(s) >= 0; });
        var bySpeaker = !speaker || tr.getAttribute("data-speaker") === speaker;
        tr.hidden = !(byStatus && bySpeaker);
        if (!tr.hidden) { shown += 1; }
      });
      if (count) { count.textContent = "Showing " + shown + " of " + rows.length + " quotations."; }
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
})();
