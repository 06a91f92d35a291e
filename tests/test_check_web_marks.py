"""The web editor draws findings from the check JSON: note-level ones (`"scope": "note"`) are
listed but never marked in the text. editor.js runs in Chromium on a minimal page with the
check API stubbed, so only the drawing is under test (the full workflow is test_web_e2e)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from followup.check import check
from followup.check.examples import example_context

CHROMIUM = Path("/usr/bin/chromium")
EDITOR_JS = (Path(__file__).resolve().parent.parent / "src" / "followup" / "web" / "static"
             / "editor.js")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing", allow_module_level=True)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from playwright.sync_api import sync_playwright

TEXT = "Dear Dana,\n\nThank you for yesterday. When can I start?\n\nBest,\nPriya"
PAGE = """<!doctype html><meta name="csrf-token" content="x">
<div id="editor" data-interview-id="1" data-stage="thank-you" data-medium="email"
     data-draft-id="1" data-sent="no" data-unit="words" data-most="200">
  <div id="highlights"></div><textarea id="body"></textarea>
  <div id="tip" hidden><span class="tip-msg"></span><span class="tip-why"></span>
    <button data-tip-fix></button><button data-tip-close></button></div>
  <span id="score"></span><meter id="score-meter"></meter><span id="stats"></span>
  <ul id="checklist"></ul><ol id="findings"></ol><span id="finding-count"></span>
  <span id="counter"></span><span id="save-state"></span><button id="copy"></button>
  <span id="copied"></span>
</div>"""


def test_note_level_findings_are_listed_not_marked() -> None:
    report = check(TEXT, example_context("northwind")).to_dict()
    scopes = {f["rule"]: f["scope"] for f in report["findings"]}
    assert scopes["p08.demand"] == "span" and scopes["p08.reaffirm-interest"] == "note"
    marked = [f for f in report["findings"] if f["scope"] == "span"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_content(PAGE)
            page.evaluate("""([text, report]) => {
                document.getElementById("body").value = text;
                window.FollowupAutosave = () => ({ restore() {}, touched() {}, save() {},
                                                   forget() {} });
                window.fetch = () => Promise.resolve({ ok: true, json: () => report });
            }""", [TEXT, json.loads(json.dumps(report))])
            page.add_script_tag(content=EDITOR_JS.read_text(encoding="utf-8"))
            page.evaluate("document.dispatchEvent(new Event('DOMContentLoaded'))")
            count = len(report["findings"])
            page.wait_for_function(
                f"document.querySelectorAll('#findings li').length === {count}")
            marks = page.locator("#highlights mark")
            assert marks.count() == len(marked)
            assert "When can I start" in marks.all_inner_texts()[0]
            # a note-level finding has no "Show in text" (there is nothing to show)
            rows = page.locator("#findings li")
            for i, finding in enumerate(report["findings"]):
                button = rows.nth(i).get_by_role("button", name="Show in text")
                assert button.count() == (1 if finding["scope"] == "span" else 0), finding
        finally:
            browser.close()
