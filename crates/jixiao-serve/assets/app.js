// jixiao serve: drop files to upload; filter findings by severity and rule; a finding clicked
// shows its cell and what it says. Nothing is fetched from elsewhere.
"use strict";
(function () {
  var form = document.getElementById("upload");
  if (form) {
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.add("over"); });
    });
    form.addEventListener("dragleave", function () { form.classList.remove("over"); });
    // A dropped folder: its files, walked, sent as one upload (a form's file input takes
    // dropped files only).
    function walk(entry, path, out) {
      return new Promise(function (done) {
        if (entry.isFile) {
          entry.file(function (f) { out.push([path + f.name, f]); done(); }, function () { done(); });
        } else if (entry.isDirectory) {
          var reader = entry.createReader(), all = [];
          (function more() {
            reader.readEntries(function (batch) {
              if (!batch.length) {
                Promise.all(all.map(function (c) { return walk(c, path + entry.name + "/", out); })).then(done);
              } else { all = all.concat(Array.prototype.slice.call(batch)); more(); }
            }, function () { done(); });
          })();
        } else { done(); }
      });
    }
    form.addEventListener("drop", function (e) {
      e.preventDefault();
      form.classList.remove("over");
      var input = document.getElementById("files");
      var items = e.dataTransfer && e.dataTransfer.items ? Array.prototype.slice.call(e.dataTransfer.items) : [];
      var entries = items.map(function (i) { return i.webkitGetAsEntry ? i.webkitGetAsEntry() : null; }).filter(Boolean);
      if (entries.some(function (en) { return en.isDirectory; })) {
        var files = [];
        Promise.all(entries.map(function (en) { return walk(en, "", files); })).then(function () {
          var data = new FormData();
          files.forEach(function (f) { data.append("files", f[1], f[0]); });
          return fetch("/upload", { method: "POST", body: data, credentials: "same-origin" });
        }).then(function (r) {
          if (r.ok) { location.href = "/"; return; }
          return r.text().then(function (html) { document.open(); document.write(html); document.close(); });
        });
        return;
      }
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        form.submit();
      }
    });
    ["files", "folder"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.addEventListener("change", function () { if (input.files.length) form.submit(); });
    });
  }

  var filters = document.getElementById("filters");
  function ticked(cls) {
    var on = {};
    document.querySelectorAll("input." + cls).forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function apply() {
    var sev = ticked("f-sev"), rule = ticked("f-rule");
    var shown = {};
    document.querySelectorAll(".jx li.jx-finding").forEach(function (li) {
      var visible = sev[li.dataset.severity] !== false && rule[li.dataset.rule] !== false;
      li.classList.toggle("jx-hidden", !visible);
      shown[li.dataset.f] = visible;
    });
    document.querySelectorAll(".jx [data-f]").forEach(function (cell) {
      if (cell.tagName === "LI") return;
      var any = cell.dataset.f.split(" ").some(function (k) { return shown[k] !== false; });
      cell.classList.toggle("jx-f-off", !any);
    });
  }
  if (filters) filters.addEventListener("change", apply);

  var detail = document.getElementById("detail");
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.jx-go") : null;
    var item = e.target.closest ? e.target.closest("li.jx-finding") : null;
    if (!item) return;
    if (link) e.preventDefault();
    document.querySelectorAll(".jx-f-flash").forEach(function (c) { c.classList.remove("jx-f-flash"); });
    var cell = link ? document.getElementById(link.dataset.cell) : null;
    if (cell) {
      cell.classList.add("jx-f-flash");
      cell.scrollIntoView({ block: "center" });
    }
    if (detail) {
      detail.hidden = false;
      detail.textContent = "";
      ["jx-sev", "jx-rule", "jx-msg", "jx-sugg", "jx-at"].forEach(function (cls) {
        var part = item.querySelector("." + cls);
        if (!part) return;
        var span = document.createElement("span");
        span.className = cls;
        span.textContent = part.textContent;
        detail.appendChild(span);
        detail.appendChild(document.createTextNode(" "));
      });
      if (cell) {
        var q = document.createElement("p");
        q.className = "hint";
        q.textContent = (document.documentElement.lang === "en" ? "Cell: " : "单元格：") + cell.textContent;
        detail.appendChild(q);
      }
    }
  });
})();
