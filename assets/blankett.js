/* blankett.js — checks a sofgen form in the browser before it is printed or sent:
 * required fields, personnummer (with its check digit), dates and e-mail addresses.
 * Errors are listed in a summary at the top that links to each field (as in the
 * GOV.UK design system) and shown beside the fields. Nothing is sent or stored: the
 * form works without this script too, as a paper form printed from the browser.
 * A printed form is a <div class="blankett" data-print> with no <form> around its
 * fields, so the browser cannot send it; only a form with an action is a <form>. */
(function () {
  "use strict";
  var form = document.querySelector(".blankett");
  if (!form) return;
  var summary = document.getElementById("felsammanfattning");
  var printing = form.hasAttribute("data-print");
  var button = form.querySelector("[data-print-button]");
  var noScript = form.querySelector(".no-script");
  if (button) button.hidden = false;
  if (noScript) noScript.hidden = true;

  function luhn(ten) {
    var sum = 0;
    for (var i = 0; i < 10; i++) {
      var d = +ten.charAt(i) * (i % 2 === 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return sum % 10 === 0;
  }

  /* YYMMDD-NNNN, YYYYMMDDNNNN and the like; samordningsnummer have day + 60 */
  function personnummer(v) {
    var m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$/.exec(v.replace(/\s/g, ""));
    if (!m) return "Skriv personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN";
    var month = +m[3], day = +m[4];
    if (day > 60) day -= 60;
    if (month < 1 || month > 12 || day < 1 || day > 31) return "Personnumret har inget giltigt datum";
    if (!luhn(m[2] + m[3] + m[4] + m[5])) return "Personnumret stämmer inte – kontrollera siffrorna";
    return "";
  }

  function date(v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) return "Skriv datumet som ÅÅÅÅ-MM-DD";
    var d = new Date(+m[1], +m[2] - 1, +m[3]);
    if (d.getFullYear() !== +m[1] || d.getMonth() !== +m[2] - 1 || d.getDate() !== +m[3])
      return "Datumet finns inte";
    return "";
  }

  function email(v) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? "" : "Skriv en e-postadress, till exempel namn@exempel.se";
  }

  function labelOf(el) {
    var box = el.closest("fieldset.choices");
    var l = box ? box.querySelector("legend") : form.querySelector('label[for="' + el.id + '"]');
    return l ? l.firstChild.textContent.trim() : el.name;
  }

  /* "Remittent: " — the section, so two fields both called Namn can be told apart */
  function sectionOf(el) {
    var fs = el.closest(".blankett > fieldset");
    var legend = fs && fs.querySelector("legend");
    return legend ? legend.textContent.trim() + ": " : "";
  }

  function check(el) {
    var v = (el.value || "").trim();
    if (el.type === "checkbox" && !el.closest("fieldset.choices"))
      return el.required && !el.checked ? "Du måste kryssa i: " + labelOf(el) : "";
    if (!v) return el.required ? "Fyll i " + labelOf(el).toLowerCase() : "";
    if (el.hasAttribute("data-personnummer")) return personnummer(v);
    if (el.type === "date") return date(v);
    if (el.type === "email") return email(v);
    return "";
  }

  function show(target, messageEl, message, describe) {
    messageEl.textContent = message;
    messageEl.hidden = !message;
    var ids = (describe.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== messageEl.id;
    });
    if (message) {
      ids.unshift(messageEl.id);
      describe.setAttribute("aria-invalid", "true");
    } else {
      describe.removeAttribute("aria-invalid");
    }
    if (ids.length) describe.setAttribute("aria-describedby", ids.join(" "));
    else describe.removeAttribute("aria-describedby");
  }

  function validate() {
    var errors = [];
    var fields = form.querySelectorAll("input:not([type=radio]):not([type=checkbox]), textarea, select, input[type=checkbox]");
    Array.prototype.forEach.call(fields, function (el) {
      if (el.readOnly || el.closest("fieldset.choices")) return;
      var msg = check(el);
      var msgEl = document.getElementById(el.id + "-fel");
      if (msgEl) show(el, msgEl, msg, el);
      if (msg) errors.push({ id: el.id, text: sectionOf(el) + msg });
    });
    Array.prototype.forEach.call(form.querySelectorAll("fieldset.choices"), function (box) {
      var chosen = box.querySelector("input:checked");
      var what = box.querySelector("input[type=checkbox]") ? "Välj minst ett alternativ: " : "Välj ett alternativ: ";
      var msg = box.hasAttribute("data-required") && !chosen ? what + labelOf(box.querySelector("input")) : "";
      var msgEl = document.getElementById(box.id + "-fel");
      if (msgEl) show(box, msgEl, msg, box);
      if (msg) errors.push({ id: box.querySelector("input").id, text: sectionOf(box) + msg });
    });
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + e.id;
      a.textContent = e.text;
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var t = document.getElementById(e.id);
        t.focus();
        t.scrollIntoView({ block: "center" });
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    summary.hidden = errors.length === 0;
    if (errors.length) summary.focus();
    return errors.length === 0;
  }

  /* a printed form has no <form> and nothing to send; a posted one only when complete */
  if (!printing && form.tagName === "FORM")
    form.addEventListener("submit", function (ev) {
      if (!validate()) ev.preventDefault();
    });
  if (button)
    button.addEventListener("click", function () {
      if (validate()) window.print();
    });
})();
