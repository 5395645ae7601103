// The dashboard's only script: filter the pair list, toggle quad classes on the timeline, mark the targeted passage.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var filter = document.getElementById("pair-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      document.querySelectorAll("tr.pair-row").forEach(function (row) {
        row.classList.toggle("hidden", q !== "" && row.dataset.search.indexOf(q) === -1);
      });
    });
  }
  document.querySelectorAll("input.quad-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll('li.event[data-quad="' + box.value + '"]').forEach(function (li) {
        li.classList.toggle("hidden", !box.checked);
      });
    });
  });
  function markTarget() {
    document.querySelectorAll("mark.hl.current").forEach(function (m) { m.classList.remove("current"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    var anchor = id ? document.getElementById(id) : null;
    if (!anchor || !anchor.classList.contains("anchor")) { return; }
    var next = anchor.nextElementSibling;
    while (next && next.classList.contains("anchor")) { next = next.nextElementSibling; }
    if (next && next.tagName === "MARK") { next.classList.add("current"); }
    anchor.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", markTarget);
  markTarget();
});
