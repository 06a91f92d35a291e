/* followup: autosave for the draft editor. Every edit is kept in this browser at once
   (localStorage) and saved to the server after a short pause (PUT /api/drafts/ID); a tab
   closed mid-edit sends what it has (keepalive), and the next visit restores whatever the
   server did not get. */
"use strict";

window.FollowupAutosave = function (options) {
  var SAVE_DELAY = 600;   /* ms after the last keystroke */
  var body = options.body, subject = options.subject, csrf = options.csrf;
  var url = "/api/drafts/" + options.draftId, key = "followup-draft-" + options.draftId;
  var savedSubject = subject ? subject.value : "", savedBody = body.value;
  var timer = 0, saving = null;

  function show(text, failed) {
    options.status.textContent = text;
    options.status.classList.toggle("failed", !!failed);
  }
  function dirty() {
    return (subject ? subject.value : "") !== savedSubject || body.value !== savedBody;
  }
  function forget() {
    try { localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }
  function backup() {
    try {
      localStorage.setItem(key, JSON.stringify({
        subject: subject ? subject.value : "", body: body.value, at: Date.now() }));
    } catch (e) { /* private mode: the server copy still counts */ }
  }

  function save(keepalive) {
    clearTimeout(timer);
    if (!dirty()) return saving || Promise.resolve(true);
    var sentSubject = subject ? subject.value : "", sentBody = body.value;
    show("Saving…");
    saving = fetch(url, {
      method: "PUT", keepalive: !!keepalive, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ subject: sentSubject, body: sentBody })
    }).then(function (r) {
      if (!r.ok) throw new Error("status " + r.status);
      savedSubject = sentSubject;
      savedBody = sentBody;
      if (!dirty()) { forget(); show("Saved"); }
      return true;
    }).catch(function () {
      show("Not saved yet: kept in this browser, retrying", true);
      timer = setTimeout(save, 3000);
      return false;
    }).finally(function () { saving = null; });
    return saving;
  }

  function touched() {
    backup();
    show("Editing…");
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  }

  function restore() {
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { return false; }
    if (!raw) return false;
    try {
      var kept = JSON.parse(raw);
      if (kept.body !== body.value || (subject && kept.subject !== subject.value)) {
        body.value = kept.body;
        if (subject) subject.value = kept.subject;
        show("Restored your unsaved edit");
        save();
        return true;
      }
    } catch (e) { /* a broken backup is dropped */ }
    forget();
    return false;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty()) save(true);
  });
  window.addEventListener("pagehide", function () { if (dirty()) save(true); });

  return { save: save, touched: touched, restore: restore, forget: forget, dirty: dirty };
};
