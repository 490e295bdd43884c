// Keeps the page's clock moving where JavaScript runs: the countdown on each of the three
// clocks, and each stage's status, worked out from the reader's time. Without it the page
// shows what was true when it was built. No network, no libraries.
(function () {
  "use strict";
  var words = JSON.parse(document.getElementById("page-words").textContent);
  var DAY = 86400000;

  function unit(name, n) {
    return words[n === 1 ? name : name + "s"].replace("{n}", String(n));
  }

  function hLabel(days) {
    return days > 0 ? "H-" + days : days < 0 ? "H+" + (-days) : "H";
  }

  function clockText(ms) {
    var seconds = Math.max(0, Math.floor(ms / 1000));
    var days = Math.floor(seconds / 86400);
    var rest = seconds % 86400;
    return [unit("day", days), unit("hour", Math.floor(rest / 3600)),
            unit("minute", Math.floor(rest % 3600 / 60))].join(" ");
  }

  function setText(node, text) {
    if (node && node.textContent !== text) {  // an unchanged text is not read out again
      node.textContent = text;
    }
  }

  function update() {
    var now = Date.now();
    var rows = document.querySelectorAll("#countdown tr[data-target]");
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var offset = Number(row.getAttribute("data-offset")) * 60000;
      var today = Math.floor((now + offset) / DAY);
      setText(row.querySelector("[data-h]"), hLabel(Number(row.getAttribute("data-day")) - today));
      setText(row.querySelector("[data-clock]"), clockText(Date.parse(row.getAttribute("data-target")) - now));
    }
    var stages = document.querySelectorAll("tr[data-start]");
    for (var j = 0; j < stages.length; j++) {
      var stage = stages[j];
      var start = Number(stage.getAttribute("data-start"));
      var end = Number(stage.getAttribute("data-end"));
      var code = now < start ? "upcoming" : now < end ? "active" : "past";
      var cell = stage.querySelector("[data-status]");
      if (cell && !cell.classList.contains("st-" + code)) {
        cell.className = "status st-" + code;
        cell.textContent = words["status_" + code];
      }
    }
    return now;
  }

  function tick() {
    var now = update();
    setTimeout(tick, 60000 - now % 60000 + 50);  // just after the next minute begins
  }

  // The schedule's filters: the reader's words and a status, over the rows as built.
  var form = document.getElementById("filters");
  if (form) {
    var text = document.getElementById("filter-text");
    var status = document.getElementById("filter-status");
    var count = document.getElementById("filter-count");
    var fold = function (value) {
      return value.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    };
    var filter = function () {
      var terms = fold(text.value).split(/\s+/).filter(Boolean);
      var wanted = status.value;
      var rows = document.querySelectorAll("table.schedule tbody tr");
      var shown = 0;
      for (var k = 0; k < rows.length; k++) {
        var row = rows[k];
        var haystack = fold(row.textContent);
        var cell = row.querySelector("[data-status]");
        var keep = terms.every(function (term) { return haystack.indexOf(term) >= 0; })
          && (!wanted || (cell && cell.classList.contains("st-" + wanted)));
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      }
      var tables = document.querySelectorAll("table.schedule");
      for (var m = 0; m < tables.length; m++) {
        tables[m].parentNode.hidden = !tables[m].querySelector("tbody tr:not([hidden])");
      }
      count.textContent = terms.length || wanted
        ? words.shown_of.replace("{shown}", shown).replace("{count}", rows.length) : "";
    };
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    text.addEventListener("input", filter);
    status.addEventListener("change", filter);
  }

  var webcal = document.getElementById("webcal");
  if (webcal && /^https?:$/.test(location.protocol)) {
    webcal.href = "webcal:" + webcal.href.replace(/^https?:/, "");
    webcal.parentNode.hidden = false;
  }
  tick();
})();
