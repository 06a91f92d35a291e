"""End to end in a real browser: Playwright drives Debian's Chromium against the app served
by uvicorn in a thread on a free 127.0.0.1 port, over a temporary SQLite database, at a
frozen moment (the day after the interview).

Log an interview through the form, open the editor from Today, type a pushy sentence and see
it marked, apply the fix from the tooltip, reload and find the text autosaved, close the tab
mid-edit and lose nothing, mark the note as sent and see it leave the agenda. Screenshots of
each page at desktop and phone width go to .artifacts/screens/ (not committed).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENS = Path(__file__).resolve().parent.parent / ".artifacts" / "screens"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
HOME: dict[str, str] = {}  # the server's FOLLOWUP_HOME, shared by every test of the module
HINT = "install Chromium to run the browser tests: apt-get install chromium"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {CHROMIUM} is missing; {HINT}",
                    pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing; {HINT}", allow_module_level=True)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from followup.config import set_value
    from followup.web import WebSettings, create_app
    from test_web_fixtures import NOW

    home = tmp_path_factory.mktemp("e2e-home")
    HOME["path"] = str(home)
    saved = os.environ.get("FOLLOWUP_HOME")
    os.environ["FOLLOWUP_HOME"] = str(home)
    set_value("timezone", "America/Chicago")
    set_value("me.name", "Priya Raman")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = WebSettings(database_url=f"sqlite:///{home / 'e2e.sqlite3'}", port=port,
                           clock=lambda: NOW)
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if saved is None:
            os.environ.pop("FOLLOWUP_HOME", None)
        else:
            os.environ["FOLLOWUP_HOME"] = saved


@pytest.fixture(autouse=True)
def _same_home(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server reads its config from the module's home, not each test's own."""
    monkeypatch.setenv("FOLLOWUP_HOME", HOME["path"])


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    context.close()
    assert not problems, problems  # a CSP violation or a script error shows up here


def _log_interview(page: Page, base: str) -> str:
    page.goto(f"{base}/interviews/new")
    page.get_by_label("Company", exact=True).fill("Fabrikam")
    page.get_by_label("Role", exact=True).fill("Data Engineer")
    page.get_by_label("Started at").fill("2026-11-24T14:00")
    page.get_by_label("Time zone", exact=True).fill("America/Chicago")
    page.locator("#p0_name").fill("Ana Lima")
    page.locator("#p0_email").fill("ana.lima@fabrikam.example")
    page.locator("#p0_discussed").fill("their plan to move reporting to dbt")
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("#p1_name").fill("Ben Okafor")
    page.locator("#p1_email").fill("ben@fabrikam.example")
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("#p2_name").fill("Someone Mistaken")
    page.locator("[data-person]").nth(2).get_by_role("button", name="Remove").click()
    expect(page.locator("[data-person]")).to_have_count(2)
    page.get_by_label("Qualifications to stress").fill("built the team's dbt project")
    page.get_by_role("button", name="Save interview").click()
    expect(page.get_by_role("status")).to_have_text("Interview saved.")
    expect(page.locator("h1")).to_have_text("Fabrikam — Data Engineer")
    expect(page.locator("body")).not_to_contain_text("Someone Mistaken")
    return page.url.split("?")[0]


def _wait_checked(page: Page) -> None:
    expect(page.locator("#editor[data-checked]")).to_have_count(1)


def test_the_whole_workflow_in_a_browser(page: Page, server: str) -> None:
    interview_url = _log_interview(page, server)
    assert "/interviews/" in interview_url

    page.goto(server)
    item = page.locator("li.item", has_text="thank-you to Ana Lima")
    expect(item).to_be_visible()
    item.get_by_role("button", name="Write").click()
    expect(page.locator("h1")).to_have_text("Thank-you note to Ana Lima")
    expect(page.get_by_role("navigation", name="Interviewers")).to_contain_text("Ben Okafor")
    body = page.locator("#body")
    expect(body).to_have_value(re.compile("reporting to dbt"))
    _wait_checked(page)

    # type a pushy sentence at the end of the opening paragraph: it gets marked
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nWhen can I start?")
    pushy = page.locator("#highlights mark.sev-error", has_text="When can I start")
    expect(pushy).to_have_count(1)
    expect(page.locator("#findings")).to_contain_text("Presumes the job")

    # the tooltip explains it and offers the fix; one click applies it
    box = pushy.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip.locator(".tip-why")).to_contain_text("Why:")
    fix = tip.locator("[data-tip-fix]")
    expect(fix).to_contain_text("What are the next steps")
    fix.click()
    expect(body).to_have_value(re.compile("What are the next steps\\?"))
    expect(page.locator("#highlights mark", has_text="When can I start")).to_have_count(0)
    expect(page.locator("#save-state")).to_have_text("Saved")

    # reload: the fixed text was autosaved
    page.reload()
    expect(body).to_have_value(re.compile("What are the next steps\\?"))
    assert "When can I start" not in body.input_value()

    # counters, copy, a closed tab mid-edit loses nothing
    expect(page.locator("#counter")).to_contain_text("words")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nP.S. I enjoyed the office tour.")
    editor_url = page.url
    page.close(run_before_unload=True)
    again = page.context.new_page()
    again.goto(editor_url)
    expect(again.locator("#body")).to_have_value(
        re.compile("enjoyed the office tour"))
    expect(again.locator("#save-state")).to_have_text(re.compile("Saved|Restored"))
    expect(again.locator("#save-state")).to_have_text("Saved", timeout=10_000)

    # mark as sent: it leaves the agenda, Ben's stays
    again.on("dialog", lambda dialog: dialog.accept())
    again.get_by_role("button", name="Mark as sent").click()
    again.wait_for_url(f"{server}/?done=sent")
    expect(again.get_by_role("status")).to_contain_text("Marked as sent")
    expect(again.locator("li.item", has_text="thank-you to Ana Lima")).to_have_count(0)
    expect(again.locator("li.item", has_text="thank-you to Ben Okafor")).to_have_count(1)
    again.goto(editor_url)
    expect(again.locator("#body")).to_have_attribute("readonly", "")


def _shoot(page: Page, url: str, name: str) -> list[Path]:
    shots = []
    for label, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url)
        if page.locator("#editor").count():
            _wait_checked(page)
            page.wait_for_timeout(200)
        path = SCREENS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
    return shots


def test_screenshots_of_every_page(page: Page, server: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{server}/interviews")
    page.get_by_role("link", name="Fabrikam — Data Engineer").click()
    interview = page.url
    draft_link = page.locator("a[href^='/drafts/']").first.get_attribute("href")
    pages: dict[str, Any] = {
        "today": server + "/", "interviews": f"{server}/interviews",
        "new-interview": f"{server}/interviews/new", "interview": interview,
        "edit-interview": f"{interview}/edit", "editor": f"{server}{draft_link}",
        "calendar": f"{server}/calendar", "settings": f"{server}/settings",
    }
    shots = [shot for name, url in pages.items() for shot in _shoot(page, url, name)]
    assert all(shot.stat().st_size > 5_000 for shot in shots)


def test_keyboard_reaches_the_fix(page: Page, server: str) -> None:
    page.goto(f"{server}/interviews")
    page.get_by_role("link", name="Fabrikam — Data Engineer").click()
    page.locator("article", has_text="Ben Okafor").get_by_role(
        "button", name="Thank-you note").click()
    _wait_checked(page)
    body = page.locator("#body")
    body.focus()
    page.keyboard.press("Control+Home")
    page.keyboard.type("Dear Ben,\n\nI recieve it. ")
    expect(page.locator("#highlights mark", has_text="recieve")).to_have_count(1)
    fix = page.locator("#findings button", has_text="receive")
    fix.focus()
    page.keyboard.press("Enter")
    expect(body).to_have_value(re.compile("I receive it"))
