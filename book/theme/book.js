// Swift Threading Workbook: search, keyboard navigation and printing.
// Works from file:// (the index is a script that sets a global, not a fetched JSON file).
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var index = window.BOOK_SEARCH_INDEX || [];

  function matches(entry, words) {
    var haystack = (entry.lesson + " " + entry.section + " " + entry.text).toLowerCase();
    return words.every(function (word) { return haystack.indexOf(word) !== -1; });
  }

  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    if (at < 0) { return text.slice(0, 90); }
    var start = Math.max(0, at - 30);
    return (start > 0 ? "…" : "") + text.slice(start, start + 90) + "…";
  }

  function show(query) {
    list.textContent = "";
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) { list.hidden = true; return; }
    var found = index.filter(function (entry) { return matches(entry, words); }).slice(0, 20);
    found.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.href;
      var lesson = document.createElement("span");
      lesson.className = "result-lesson";
      lesson.textContent = entry.lesson;
      var text = document.createElement("span");
      text.className = "result-snippet";
      text.textContent = snippet(entry.text, words[0]);
      link.appendChild(lesson);
      link.appendChild(document.createTextNode(entry.section));
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = "No sections match.";
      list.appendChild(none);
    }
    list.hidden = false;
  }

  if (input && list) {
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show(""); input.blur(); }
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { window.location.href = first.href; }
      }
    });
  }

  // "/" focuses the search; the arrow keys turn pages.
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "/" && input) { event.preventDefault(); input.focus(); return; }
    var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
    var link = rel && document.querySelector(".pager a[rel=" + rel + "]");
    if (link) { window.location.href = link.href; }
  });

  // A printed page shows the hints too.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });
})();
