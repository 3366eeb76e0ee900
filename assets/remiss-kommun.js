/* remiss-kommun.js — on an insats page reached from a kommun page (?kommun=<slug>),
 * shows that kommun's contact first in the box "Remittera hit". Only an addition:
 * without this script every kommun's contact is listed in the box all the same. */
(function () {
  "use strict";
  var m = /[?&]kommun=([a-z0-9-]+)(?:&|$)/.exec(window.location.search);
  if (!m) return;
  var item = document.querySelector('.kommun-contacts li[data-kommun="' + m[1] + '"]');
  var slot = document.querySelector("[data-chosen-kommun]");
  if (!item || !slot) return;
  var p = document.createElement("p");
  p.className = "refer-contact chosen";
  p.appendChild(document.createTextNode("Din kontakt i "));
  for (var i = 0; i < item.childNodes.length; i++) p.appendChild(item.childNodes[i].cloneNode(true));
  slot.appendChild(p);
  slot.hidden = false;
  item.classList.add("chosen");
})();
