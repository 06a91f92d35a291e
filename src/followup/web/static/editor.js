/* followup draft editor: live check with marks in the text, tooltips with one-click fixes,
   the practice checklist and score, counters and copy; autosave is autosave.js.

   Findings come from POST /api/check with offsets into the full text, which is
   "Subject: <subject>\n\n<body>" for an email with a subject, else the body. The marks are
   drawn in a backdrop behind a transparent textarea, so the text stays a plain textarea
   (native editing, undo, screen readers). Every user-written string is set with
   textContent: nothing from the server or the user becomes HTML. Findings with
   scope "note" (something missing, or about the whole note) are listed, never marked:
   their span is only an anchor. */
"use strict";

(function () {
  var CHECK_DELAY = 40;     /* ms after the last keystroke: marks follow well within 100 ms */
  var STATUS_LABEL = { ok: "ok", warn: "needs a look", fail: "missing", "n/a": "not applicable" };

  var root, body, subject, highlights, tip, csrf, draftId, autosave;
  var findings = [], checkedText = null, checkSeq = 0, checkTimer = 0, controller = null;
  var activeIndex = -1;

  function $(id) { return document.getElementById(id); }
  function inText(f) { return f.scope !== "note"; }

  function prefix() {
    return subject && subject.value.trim() ? "Subject: " + subject.value.trim() + "\n\n" : "";
  }
  function fullText() { return prefix() + body.value; }

  /* -- live check ------------------------------------------------------------------------ */

  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(runCheck, CHECK_DELAY);
  }

  function runCheck() {
    var text = fullText();
    if (!text.trim()) { show({ score: 0, practices: {}, findings: [], stats: null }, text); return; }
    var seq = ++checkSeq;
    if (controller) controller.abort();
    controller = new AbortController();
    fetch("/api/check", {
      method: "POST", signal: controller.signal, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ text: text, interview_id: Number(root.dataset.interviewId),
        stage: root.dataset.stage, medium: root.dataset.medium, draft_id: Number(draftId) })
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (report) {
      if (report && seq === checkSeq) show(report, text);
    }).catch(function () { /* aborted or offline: the next pause checks again */ });
  }

  function show(report, text) {
    checkedText = text;
    findings = report.findings || [];
    drawMarks();
    drawSide(report);
    hideTip();
    root.dataset.checked = String(checkSeq);
  }

  function drawMarks() {
    var text = body.value, offset = prefix().length, pos = 0;
    var frag = document.createDocumentFragment();
    var subjectHit = false;
    var spans = findings.map(function (f, i) { return { f: f, i: i }; })
      .filter(function (s) {
        if (!inText(s.f)) return false;
        if (s.f.start < offset) { subjectHit = true; return false; }
        return true;
      })
      .sort(function (a, b) { return a.f.start - b.f.start || b.f.end - a.f.end; });
    spans.forEach(function (s) {
      var start = s.f.start - offset, end = Math.max(start, s.f.end - offset);
      if (start < pos || start > text.length) return; /* overlapping: the list still shows it */
      frag.appendChild(document.createTextNode(text.slice(pos, start)));
      var mark = document.createElement("mark");
      mark.className = "sev-" + s.f.severity + (end === start ? " empty" : "");
      mark.dataset.index = String(s.i);
      mark.textContent = text.slice(start, end) || "\u200b";
      frag.appendChild(mark);
      pos = end;
    });
    frag.appendChild(document.createTextNode(text.slice(pos) + "\n"));
    highlights.replaceChildren(frag);
    if (subject) subject.classList.toggle("has-finding", subjectHit);
  }

  function drawSide(report) {
    var score = $("score"), meter = $("score-meter");
    if (report.stats) {
      score.textContent = String(report.score);
      meter.value = report.score;
      meter.textContent = String(report.score);
      $("stats").textContent = report.stats.words + " words · " + report.stats.paragraphs +
        " paragraphs · reading grade " + report.stats.reading_grade;
    }
    var list = $("checklist");
    if (report.practices && Object.keys(report.practices).length) {
      var items = [];
      Object.keys(report.practices).forEach(function (key) {
        var p = report.practices[key];
        var li = document.createElement("li");
        li.className = "st-" + p.status.replace("/", "");
        var mark = document.createElement("span");
        mark.className = "mark";
        mark.setAttribute("aria-hidden", "true");
        var title = document.createElement("span");
        title.textContent = p.title;
        var sr = document.createElement("span");
        sr.className = "sr";
        sr.textContent = ": " + (STATUS_LABEL[p.status] || p.status);
        li.append(mark, title, sr);
        items.push(li);
      });
      list.replaceChildren.apply(list, items);
    }
    var ol = $("findings");
    var rows = findings.map(function (f, i) {
      var li = document.createElement("li");
      li.className = "sev-" + f.severity + (inText(f) ? "" : " whole-note");
      var msg = document.createElement("strong");
      msg.textContent = f.message;
      var why = document.createElement("div");
      why.className = "muted small";
      why.textContent = f.why;
      var actions = document.createElement("div");
      actions.className = "finding-actions";
      var showBtn = document.createElement("button");
      showBtn.type = "button";
      showBtn.className = "link";
      showBtn.textContent = "Show in text";
      showBtn.addEventListener("click", function () { select(i); });
      if (inText(f)) actions.append(showBtn);
      if (f.suggestion !== null && f.suggestion !== undefined && body.readOnly === false) {
        var fix = document.createElement("button");
        fix.type = "button";
        fix.className = "link";
        fix.textContent = fixLabel(f);
        fix.addEventListener("click", function () { applyFix(i); });
        actions.append(fix);
      }
      li.append(msg, why, actions);
      return li;
    });
    if (!rows.length) {
      var none = document.createElement("li");
      none.className = "muted none";
      none.textContent = "No findings. Read it once more, then send it.";
      rows.push(none);
    }
    ol.replaceChildren.apply(ol, rows);
    $("finding-count").textContent = String(findings.length);
  }

  function fixLabel(f) {
    return f.suggestion === "" ? "Fix: delete “" + short(f.text) + "”"
                               : "Fix: use “" + short(f.suggestion) + "”";
  }
  function short(s) { s = s.replace(/\s+/g, " ").trim(); return s.length > 48 ? s.slice(0, 47) + "…" : s; }

  /* -- fixes, selection, tooltip --------------------------------------------------------- */

  function locate(f) {
    /* where the finding's text is now: its offsets if the text is unchanged there */
    var text = fullText();
    if (text.slice(f.start, f.end) === f.text) return [f.start, f.end];
    var at = f.text ? text.indexOf(f.text) : -1;
    return at >= 0 ? [at, at + f.text.length] : null;
  }

  function applyFix(i) {
    var f = findings[i];
    var span = f && locate(f);
    if (!span) { runCheck(); return; }
    var offset = prefix().length;
    if (span[0] < offset) {
      var head = "Subject: ".length;
      var s = subject.value.trim();
      var a = span[0] - head, b = Math.min(span[1] - head, s.length);
      subject.value = s.slice(0, a) + f.suggestion + s.slice(b);
      subject.focus();
    } else {
      body.focus();
      body.setRangeText(f.suggestion, span[0] - offset, span[1] - offset, "end");
    }
    hideTip();
    edited();
  }

  function select(i) {
    var f = findings[i];
    var span = f && locate(f);
    if (!span) return;
    var offset = prefix().length;
    if (span[0] < offset && subject) { subject.focus(); showTip(i, subject); return; }
    body.focus();
    body.setSelectionRange(span[0] - offset, span[1] - offset);
    var mark = highlights.querySelector('mark[data-index="' + i + '"]');
    showTip(i, mark || body);
  }

  function showTip(i, anchor) {
    var f = findings[i];
    if (!f) return;
    activeIndex = i;
    highlights.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    var mark = highlights.querySelector('mark[data-index="' + i + '"]');
    if (mark) mark.classList.add("active");
    tip.querySelector(".tip-msg").textContent = f.message;
    tip.querySelector(".tip-why").textContent = "Why: " + f.why;
    var fix = tip.querySelector("[data-tip-fix]");
    var fixable = f.suggestion !== null && f.suggestion !== undefined && !body.readOnly;
    fix.hidden = !fixable;
    if (fixable) fix.textContent = fixLabel(f);
    tip.hidden = false;
    var box = anchor.getBoundingClientRect();
    var host = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
    var left = Math.max(0, Math.min(box.left - host.left, host.width ? host.width - tip.offsetWidth : box.left));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom - host.top + 6) + "px";
  }

  function hideTip() {
    activeIndex = -1;
    if (tip) tip.hidden = true;
    if (highlights) highlights.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
  }

  function findingAtCaret() {
    if (checkedText !== fullText()) return -1;
    var pos = body.selectionStart + prefix().length, best = -1;
    findings.forEach(function (f, i) {
      if (inText(f) && f.start <= pos && pos <= f.end && f.end > f.start && (best < 0 || f.end - f.start < findings[best].end - findings[best].start)) best = i;
    });
    return best;
  }

  function caretMoved() {
    var i = findingAtCaret();
    if (i < 0) { hideTip(); return; }
    if (i === activeIndex) return;
    var mark = highlights.querySelector('mark[data-index="' + i + '"]');
    if (mark) showTip(i, mark);
  }

  function markAt(x, y) {
    var marks = highlights.querySelectorAll("mark");
    for (var k = 0; k < marks.length; k++) {
      var rects = marks[k].getClientRects();
      for (var r = 0; r < rects.length; r++) {
        var b = rects[r];
        if (x >= b.left && x <= b.right && y >= b.top - 2 && y <= b.bottom + 2) return marks[k];
      }
    }
    return null;
  }

  /* -- layout ---------------------------------------------------------------------------- */

  function grow() {
    body.style.height = "auto";
    body.style.height = (body.scrollHeight + 2) + "px";
  }

  /* -- counters -------------------------------------------------------------------------- */

  function count() {
    var unit = root.dataset.unit, most = Number(root.dataset.most);
    var min = Number(root.dataset.idealMin), max = Number(root.dataset.idealMax);
    var words = (body.value.match(/\S+/g) || []).length, chars = body.value.length;
    var counter = $("counter"), text;
    if (unit === "characters") {
      text = chars + " / " + most + " characters · " + words + " words";
      counter.className = "counter" + (chars > most ? " over" : "");
    } else {
      text = words + " words";
      if (max) text += " · ideal " + min + "–" + max + ", at most " + most;
      else text += " · at most " + most;
      text += " · " + chars + " characters";
      counter.className = "counter" + (words > most ? " over" : (max && (words < min || words > max)) ? " outside" : "");
    }
    counter.textContent = text;
  }

  function edited() {
    grow();
    count();
    autosave.touched();
    scheduleCheck();
  }

  /* -- wiring ---------------------------------------------------------------------------- */

  function flushForms() {
    document.querySelectorAll("form[data-flush]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
        Promise.resolve(autosave.save()).then(function () {
          autosave.forget();
          HTMLFormElement.prototype.submit.call(form);
        });
      });
    });
  }

  function init() {
    root = $("editor");
    if (!root) return;
    body = $("body");
    subject = $("subject");
    highlights = $("highlights");
    tip = $("tip");
    csrf = document.querySelector('meta[name="csrf-token"]').content;
    draftId = root.dataset.draftId;
    body.classList.add("grown");
    var readOnly = root.dataset.sent === "yes";
    autosave = window.FollowupAutosave({ body: body, subject: subject, csrf: csrf,
      draftId: draftId, status: $("save-state") });
    if (!readOnly) autosave.restore();
    grow();
    count();
    runCheck();
    flushForms();
    if (readOnly) return;

    body.addEventListener("input", edited);
    if (subject) subject.addEventListener("input", edited);
    body.addEventListener("keyup", function (e) { if (e.key !== "Escape") caretMoved(); });
    body.addEventListener("click", caretMoved);
    body.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !tip.hidden) { hideTip(); e.preventDefault(); }
      if (e.key === "Enter" && e.altKey && activeIndex >= 0) { e.preventDefault(); applyFix(activeIndex); }
    });
    body.addEventListener("mousemove", function (e) {
      var mark = markAt(e.clientX, e.clientY);
      if (mark) {
        var i = Number(mark.dataset.index);
        if (i !== activeIndex) showTip(i, mark);
      }
    });
    tip.querySelector("[data-tip-fix]").addEventListener("click", function () {
      if (activeIndex >= 0) applyFix(activeIndex);
    });
    tip.querySelector("[data-tip-close]").addEventListener("click", function () { hideTip(); body.focus(); });
    window.addEventListener("resize", function () { grow(); drawMarks(); });

    $("copy").addEventListener("click", function () {
      window.followupCopy(body.value).then(function () { $("copied").textContent = "Note copied."; });
    });
    var copySubject = $("copy-subject");
    if (copySubject) copySubject.addEventListener("click", function () {
      window.followupCopy(subject.value).then(function () { $("copied").textContent = "Subject copied."; });
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
