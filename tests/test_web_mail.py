"""The editor's mail hand-offs in process: the .eml download (no account needed), and what
stage, send and the account test say when no account is set up."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from followup.config import set_value
from test_web_fixtures import Browser, open_browser


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    yield from open_browser(tmp_path)


def _draft(browser: Browser) -> int:
    interview_id = browser.import_sample()
    drafts = browser.post(f"/api/interviews/{interview_id}/drafts", json={"to": "Dana"})
    return int(drafts.json()[0]["draft_id"])


def test_download_eml_without_an_account(browser: Browser) -> None:
    draft_id = _draft(browser)
    set_value("me.email", "priya.raman@example.com")
    editor = browser.get(f"/drafts/{draft_id}").text
    assert f'href="/drafts/{draft_id}/eml"' in editor
    assert "Save in mail Drafts" not in editor  # no account: no staging or sending
    response = browser.get(f"/drafts/{draft_id}/eml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("message/rfc822")
    assert "attachment" in response.headers["content-disposition"]
    message = message_from_bytes(response.content, policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "dana.whitfield@northwind.example"
    assert "Senior Data Engineer" in str(message["Subject"])
    assert message["Message-ID"]


def test_downloading_an_eml_stores_nothing(browser: Browser) -> None:
    draft_id = _draft(browser)
    set_value("me.email", "priya.raman@example.com")
    store = browser.client.app.state.followup.store
    before = store.get_draft(draft_id)
    assert before.message_id is None
    # A GET from anywhere (a link on another site, a prefetch) must change nothing.
    for _ in range(2):
        assert browser.get(f"/drafts/{draft_id}/eml").status_code == 200
    assert store.get_draft(draft_id) == before


def test_stage_and_send_need_an_account(browser: Browser) -> None:
    draft_id = _draft(browser)
    page = browser.get(f"/drafts/{draft_id}/send")
    assert page.status_code >= 400 and "mail" in page.text.lower()
    staged = browser.form(f"/drafts/{draft_id}/stage", {})
    assert staged.status_code >= 400
    assert browser.get(f"/api/drafts/{draft_id}").json()["status"] == "draft"


def test_settings_show_the_mail_account_and_its_test(browser: Browser) -> None:
    page = browser.get("/settings").text
    assert 'name="mail.address"' in page and "No mail account is set up" in page
    set_value("mail.address", "priya@example.com")
    set_value("mail.imap_host", "127.0.0.1")
    set_value("mail.smtp_host", "127.0.0.1")
    set_value("mail.imap_port", "9")  # nothing listens on the discard port
    set_value("mail.smtp_port", "9")
    set_value("mail.security", "none")
    response = browser.form("/settings/mail-test", {})
    assert response.status_code == 200
    assert "The test failed" in response.text or "Connection works" in response.text


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A configured account whose server is an in-memory transport."""
    from followup.mail import service
    from followup.mail.memory import MemoryTransport

    for key, value in (("mail.address", "priya@example.com"), ("mail.imap_host", "imap.x"),
                       ("mail.smtp_host", "smtp.x"), ("me.name", "Priya Raman")):
        set_value(key, value)
    transport = MemoryTransport()
    monkeypatch.setattr(service, "_connect", lambda account, given=None: transport)
    return transport


def test_stage_in_drafts(browser: Browser, mailbox: Any) -> None:
    from followup.mail.transport import Folder

    draft_id = _draft(browser)
    assert "Save in mail Drafts" in browser.get(f"/drafts/{draft_id}").text
    response = browser.form(f"/drafts/{draft_id}/stage", {})
    assert response.status_code == 303
    assert "Drafts folder" in browser.get(response.headers["location"]).text
    assert len(mailbox.folders[Folder.DRAFTS]) == 1
    assert browser.get(f"/api/drafts/{draft_id}").json()["status"] == "staged"


def test_send_shows_exactly_what_goes_then_sends(browser: Browser, mailbox: Any) -> None:
    import re

    draft_id = _draft(browser)
    page = browser.get(f"/drafts/{draft_id}/send")
    assert page.status_code == 200, page.text
    assert "dana.whitfield@northwind.example" in page.text and "Subject" in page.text
    fingerprint = re.search(r'name="fingerprint" value="(\w+)"', page.text)
    assert fingerprint
    # the note changes after it was reviewed: nothing is sent
    draft = browser.get(f"/api/drafts/{draft_id}").json()
    browser.put(f"/api/drafts/{draft_id}", json={"subject": draft["subject"],
                                                 "body": draft["body"] + "\nP.S. One more."})
    stale = browser.form(f"/drafts/{draft_id}/send", {"fingerprint": fingerprint.group(1),
                                                      "force": "yes"})
    assert stale.status_code == 422 and "changed since you reviewed" in stale.text
    assert mailbox.outbox == []
    page = browser.get(f"/drafts/{draft_id}/send")
    fingerprint = re.search(r'name="fingerprint" value="(\w+)"', page.text)
    assert fingerprint
    sent = browser.form(f"/drafts/{draft_id}/send", {"fingerprint": fingerprint.group(1),
                                                     "force": "yes"})
    assert sent.status_code == 303, sent.text
    assert [e.recipients for e in mailbox.outbox] == [("dana.whitfield@northwind.example",)]
    assert browser.get(f"/api/drafts/{draft_id}").json()["status"] == "sent"
