/* sok.js — the search (docs/templates.md, Search): free text matched at word starts
 * (index "w"), kommun, category, target groups (any of "m"), age, open, and
 * strukturövergripande only when asked. On /sok/ the filters live in the address. */
(function () {
  "use strict";
  var box = document.querySelector("section.sok");
  if (!box || !window.fetch) return;
  var $ = function (s) { return box.querySelector(s); };
  var words = function (s) {
    return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/).filter(Boolean);
  };
  var form = $("form.filters"), list = $(".sok-resultat"), count = $(".sok-antal"), items = [];
  var text = $("#sok-text"), kommun = $("#sok-kommun"), cat = $("#sok-kategori"), age = $("#sok-alder");
  var open = $("#sok-oppen"), struktur = $("#sok-struktur");
  var groups = Array.prototype.slice.call(box.querySelectorAll("input[name=malgrupp]"));
  var onSearchPage = new URL(form.action, location.href).pathname === location.pathname;
  form.hidden = false;
  if (box.dataset.kommun) kommun.value = box.dataset.kommun;

  function restore() {
    var q = new URLSearchParams(location.search);
    if (q.has("q")) text.value = q.get("q");
    if (q.has("kommun")) kommun.value = q.get("kommun");
    if (q.has("kategori")) cat.value = q.get("kategori");
    if (q.has("alder")) age.value = q.get("alder");
    open.checked = q.get("oppen") === "1";
    struktur.checked = q.get("struktur") === "1";
    var wanted = q.getAll("malgrupp").map(function (v) { return words(v).join("-"); });
    groups.forEach(function (g) {
      var terms = g.dataset.terms.split(" ");
      g.checked = wanted.some(function (w) { return terms.indexOf(w) >= 0; });
    });
  }

  function remember() {
    if (!onSearchPage || !window.history || !history.replaceState) return;
    var q = new URLSearchParams(new FormData(form)), keep = new URLSearchParams();
    q.forEach(function (v, k) { if (v !== "") keep.append(k, v); });
    var s = keep.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function card(x) {
    var li = el("li", "", "card"), h = el("h3"), a = el("a", x.t);
    a.href = x.u;
    h.appendChild(a);
    li.appendChild(h);
    if (x.s) li.appendChild(el("p", x.s));
    var p = el("p", [x.f, x.a ? x.a[0] + "–" + x.a[1] + " år" : "", x.g.join(", ")].filter(Boolean).join(" · "), "meta");
    if (x.o) {
      p.appendChild(document.createTextNode(" · "));
      p.appendChild(el("strong", "Tar emot remisser", "open"));
    }
    li.appendChild(p);
    return li;
  }

  function show() {
    var typed = words(text.value);
    var k = kommun.value, c = cat.value, n = age.value === "" ? null : +age.value;
    var g = groups.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
    var active = typed.length || (k && k !== box.dataset.kommun) || c || g.length || n !== null || open.checked;
    var hits = items.filter(function (x) {
      return (!k || x.k.indexOf(k) >= 0) && (!c || x.c.indexOf(c) >= 0) && (struktur.checked || !x.x) &&
        (!g.length || g.some(function (m) { return x.m.indexOf(m) >= 0; })) && (!open.checked || x.o) &&
        (n === null || !x.a || (n >= x.a[0] && n <= x.a[1])) &&
        typed.every(function (w) { return x.w.indexOf("-" + w) >= 0; });
    });
    remember();
    list.textContent = "";
    if (!active) { count.textContent = ""; return; }
    hits.slice(0, 200).forEach(function (x) { list.appendChild(card(x)); });
    count.textContent = hits.length === 1 ? "1 insats" : hits.length + " insatser" +
      (hits.length > 200 ? " (de 200 första visas)" : "");
  }

  if (onSearchPage) restore();
  form.addEventListener("submit", function (e) {
    if (!onSearchPage) return;
    e.preventDefault();
    show();
    if (list.firstChild) list.firstChild.querySelector("a").focus();
  });
  fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
    items = data.map(function (x) { x.w = "-" + x.w; return x; });
    [text, kommun, cat, age, open, struktur].concat(groups).forEach(function (f) {
      f.addEventListener("input", show);
      f.addEventListener("change", show);
    });
    show();
  });
})();
