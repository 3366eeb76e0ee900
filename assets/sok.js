/* sok.js — filters the insatser as you type: free text (case and å/ä/ö folded, so
 * "boras" finds Borås), kommun, SUS category, target group, age and open for referral.
 * The number of results is announced to screen readers. Without this script the page
 * still links every kommun and category. */
(function () {
  "use strict";
  var box = document.querySelector("section.sok");
  if (!box || !window.fetch) return;
  var $ = function (s) { return box.querySelector(s); };
  var fold = function (s) {
    return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  };
  var list = $(".sok-resultat"), count = $(".sok-antal"), items = [];
  var fields = ["#sok-text", "#sok-kommun", "#sok-kategori", "#sok-malgrupp", "#sok-alder", "#sok-oppen"].map($);
  $(".filters").hidden = false;
  if (box.dataset.kommun) fields[1].value = box.dataset.kommun;

  function show() {
    var words = fold(fields[0].value).split(/\s+/).filter(Boolean);
    var kommun = fields[1].value, cat = fields[2].value, group = fields[3].value;
    var age = fields[4].value === "" ? null : +fields[4].value, open = fields[5].checked;
    var active = words.length || (kommun && kommun !== box.dataset.kommun) || cat || group || age !== null || open;
    var hits = items.filter(function (x) {
      return (!kommun || x.k.indexOf(kommun) >= 0) && (!cat || x.c.indexOf(cat) >= 0) &&
        (!group || x.g.indexOf(group) >= 0) && (!open || x.o) &&
        (age === null || !x.a || (age >= x.a[0] && age <= x.a[1])) &&
        words.every(function (w) { return x.text.indexOf(w) >= 0; });
    });
    list.textContent = "";
    if (!active) { count.textContent = ""; return; } /* the page itself lists the rest */
    hits.slice(0, 200).forEach(function (x) {
      var li = document.createElement("li"), h = document.createElement("h3"), a = document.createElement("a");
      li.className = "card";
      a.href = x.u;
      a.textContent = x.t;
      h.appendChild(a);
      li.appendChild(h);
      var p = document.createElement("p");
      p.className = "meta";
      p.textContent = x.f + (x.o ? " · Tar emot remisser" : "");
      li.appendChild(p);
      if (x.s) {
        var s = document.createElement("p");
        s.textContent = x.s;
        li.appendChild(s);
      }
      list.appendChild(li);
    });
    count.textContent = hits.length === 1 ? "1 insats" : hits.length + " insatser" +
      (hits.length > 200 ? " (de 200 första visas)" : "");
  }

  fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
    items = data.map(function (x) {
      x.text = fold([x.t, x.s, x.f, x.g.join(" "), x.k.join(" ")].join(" "));
      return x;
    });
    fields.forEach(function (f) { f.addEventListener("input", show); f.addEventListener("change", show); });
    show();
  });
})();
