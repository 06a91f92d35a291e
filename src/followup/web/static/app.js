/* followup: small progressive enhancements for every page (no framework, no build step).
   - forms with data-confirm ask first;
   - the interview form adds and removes panel members and question pairs in place;
   - buttons with data-copy copy a field's value. */
"use strict";

(function () {
  function confirmForms() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
      if (form.hasAttribute("data-flush")) return; /* the editor handles these */
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }

  function nextIndex(container) {
    var max = -1;
    container.querySelectorAll("[data-person] input[name$='_name']").forEach(function (input) {
      var m = /^p(\d+)_name$/.exec(input.name);
      if (m) max = Math.max(max, parseInt(m[1], 10));
    });
    return max + 1;
  }

  function panel() {
    var people = document.getElementById("people");
    var template = document.getElementById("person-template");
    var add = document.getElementById("add-person");
    if (!people || !template || !add) return;
    add.addEventListener("click", function () {
      var n = String(nextIndex(people));
      var html = template.innerHTML.split("__N__").join(n);
      var holder = document.createElement("div");
      holder.innerHTML = html; /* our own server-rendered template, no user text in it */
      var fieldset = holder.firstElementChild;
      people.appendChild(fieldset);
      var first = fieldset.querySelector("input");
      if (first) first.focus();
    });
    people.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      var remove = target.closest("[data-remove-person]");
      if (remove) {
        var fieldset = remove.closest("[data-person]");
        var all = people.querySelectorAll("[data-person]");
        var index = Array.prototype.indexOf.call(all, fieldset);
        fieldset.remove();
        var rest = people.querySelectorAll("[data-person]");
        var focus = rest[Math.min(index, rest.length - 1)];
        (focus ? focus.querySelector("input") : add).focus();
        return;
      }
      var more = target.closest("[data-add-question]");
      if (more) {
        var box = more.previousElementSibling;
        var pairs = box.querySelectorAll(".qa");
        var last = pairs[pairs.length - 1];
        var copy = last.cloneNode(true);
        var k = pairs.length;
        copy.querySelectorAll("input, label").forEach(function (el) {
          ["id", "name", "for"].forEach(function (attr) {
            var v = el.getAttribute(attr);
            if (v) el.setAttribute(attr, v.replace(/_([qa])\d+$/, "_$1" + k));
          });
          if (el.tagName === "INPUT") el.value = "";
        });
        box.appendChild(copy);
        copy.querySelector("input").focus();
      }
    });
  }

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var field = document.querySelector(button.dataset.copy);
        if (!field) return;
        copyText(field.value).then(function () { button.textContent = "Copied"; });
      });
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "sr";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }
  window.followupCopy = copyText;

  document.addEventListener("DOMContentLoaded", function () {
    confirmForms();
    panel();
    copyButtons();
  });
})();
