"""The pages, in process: Today, the interview list and form, the editor, close, settings,
calendar. Forms post their hidden CSRF field the way a browser does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup import config
from test_web_fixtures import Browser, open_browser

FORM = {
    "company": "Contoso", "role": "Platform Engineer", "when": "2026-11-24T10:00",
    "timezone": "Europe/Berlin", "duration": "45", "round": "", "format": "video",
    "culture": "formal", "decision_by": "", "job_description": "Kubernetes, Terraform",
    "qualifications": "ran the Terraform migration for 40 services\n",
    "notes": "## not a heading\nfree text",
    # two panel members; the one at index 1 was removed in the page
    "p0_name": "Zoë Müller", "p0_email": "zoe@contoso.example", "p0_title": "Head of Platform",
    "p0_discussed": "their move from VMs to Kubernetes\n\nthe on-call rota",
    "p0_shared": "", "p0_next": "decision next week", "p0_q0": "why Terraform",
    "p0_a0": "it made reviews possible", "p0_q1": "", "p0_a1": "",
    "p2_name": "Ken Ito", "p2_linkedin": "https://www.linkedin.com/in/ken-ito",
    "p2_discussed": "", "p2_shared": "his team ships on Fridays", "primary": "2",
}



@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    yield from open_browser(tmp_path)

def _editor_for(browser: Browser, interview_id: int, interviewer_id: int) -> str:
    response = browser.form(f"/interviews/{interview_id}/write",
                            {"stage": "thank-you", "interviewer_id": interviewer_id})
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def test_today_is_calm_when_nothing_is_due(browser: Browser) -> None:
    page = browser.get("/")
    assert page.status_code == 200
    assert "Nothing is due" in page.text
    assert 'aria-current="page"' in page.text


def test_today_lists_thank_yous_with_a_button_that_opens_the_right_draft(
        browser: Browser) -> None:
    interview_id = browser.import_sample()
    page = browser.get("/").text
    assert "Due today" in page
    assert page.count("<strong>thank-you to") == 3 and "due in" in page
    # 09:00 in Chicago: Dana's and Luis's best slots have passed, Mei-Ling's (10:00) has not.
    assert page.count("send now") == 2 and "best was Wed 25 Nov, 07:00" in page
    assert "send Wed 25 Nov, 10:00" in page
    luis = browser.get(f"/api/interviews/{interview_id}").json()["interviewers"][1]
    editor = _editor_for(browser, interview_id, luis["id"])
    assert editor.startswith("/drafts/")
    html = browser.get(editor).text
    assert "Thank-you note to Luis Ortega" in html
    assert 'aria-current="page" class="tab active">Luis Ortega' in html
    assert "on-call load" in html  # the composed draft uses Luis's notes
    # the agenda now links to the stored draft instead of composing another
    assert f'href="{editor}"' in browser.get("/").text
    assert _editor_for(browser, interview_id, luis["id"]) == editor


def test_log_an_interview_through_the_form(browser: Browser) -> None:
    response = browser.form("/interviews", FORM)
    assert response.status_code == 303, response.text
    interview_id = int(response.headers["location"].split("/")[2].split("?")[0])
    record = browser.get(f"/api/interviews/{interview_id}").json()
    assert record["duration_minutes"] == 45 and record["format"] == "video"
    zoe, ken = record["interviewers"]
    assert zoe["discussed"] == ["their move from VMs to Kubernetes", "the on-call rota"]
    assert zoe["questions"] == [{"question": "why Terraform",
                                 "better": "it made reviews possible"}]
    assert zoe["next"] == ["decision next week"] and not zoe["primary"]
    assert ken["shared"] == ["his team ships on Fridays"] and ken["primary"]
    assert record["notes"] == "## not a heading\nfree text"
    page = browser.get(response.headers["location"]).text
    assert "Interview saved." in page and "Zoë Müller" in page


def test_a_form_error_keeps_what_was_typed(browser: Browser) -> None:
    response = browser.form("/interviews", FORM | {"p0_timezone": "Mars/Olympus"})
    assert response.status_code == 422
    assert "Please check this" in response.text and "Mars/Olympus" in response.text
    assert 'id="p0_timezone" name="p0_timezone" aria-invalid="true"' in response.text
    assert "their move from VMs to Kubernetes" in response.text
    assert browser.get("/api/interviews").json() == []


def test_edit_keeps_what_the_form_does_not_show(browser: Browser) -> None:
    interview_id = browser.import_sample()
    form = browser.get(f"/interviews/{interview_id}/edit").text
    fields = dict(re.findall(r'name="([\w.]+)" value="([^"]*)"', form))
    fields.update(dict(re.findall(r'name="([\w.]+)"[^>]*>([^<]*)</textarea>', form)))
    fields.pop("csrf_token", None)
    fields["role"] = "Lead Data Engineer"
    fields["primary"] = "0"
    for key in ("format", "culture"):
        fields[key] = "video" if key == "format" else "formal"
    response = browser.form(f"/interviews/{interview_id}", fields)
    assert response.status_code == 303, response.text
    record = browser.get(f"/api/interviews/{interview_id}").json()
    assert record["role"] == "Lead Data Engineer"
    assert record["me"]["name"] == "Priya Raman"  # only in the notes file, not the form
    assert record["interviewers"][0]["questions"][0]["better"].startswith("I version")
    assert record["decision_by"] == "2026-12-04"


def test_edit_as_notes_text(browser: Browser) -> None:
    interview_id = browser.import_sample()
    notes = browser.get(f"/api/interviews/{interview_id}").json()
    from followup.model.codec import interview_from_dict
    from followup.notes import render_notes

    text = render_notes(interview_from_dict(notes)).replace("round: 2", "round: 3")
    response = browser.form(f"/interviews/{interview_id}/notes", {"notes": text})
    assert response.status_code == 303
    assert browser.get(f"/api/interviews/{interview_id}").json()["round"] == 3
    bad = browser.form(f"/interviews/{interview_id}/notes", {"notes": "---\nrole: x\n---\n"})
    assert bad.status_code == 422 and "company" in bad.text


def test_upload_a_notes_file(browser: Browser) -> None:
    from followup.cli.demo import sample_notes_path

    with open(sample_notes_path(), "rb") as handle:
        response = browser.form("/interviews/import", {},
                                files={"file": ("northwind.md", handle, "text/markdown")})
    assert response.status_code == 303, response.text
    assert "Notes imported." in browser.get(response.headers["location"]).text


def test_list_search_and_filters(browser: Browser) -> None:
    browser.import_sample()
    browser.form("/interviews", FORM)
    everything = browser.get("/interviews").text
    assert "Northwind Analytics" in everything and "Contoso" in everything
    only = browser.get("/interviews", params={"q": "ken"}).text
    assert "Contoso" in only and "Northwind Analytics —" not in only
    by_company = browser.get("/interviews", params={"company": "Contoso"}).text
    assert "Senior Data Engineer" not in by_company
    assert "No interview matches" in browser.get("/interviews", params={"status": "closed"}).text


def test_close_with_an_outcome(browser: Browser) -> None:
    interview_id = browser.import_sample()
    response = browser.form(f"/interviews/{interview_id}/close", {"outcome": "offer"})
    assert response.status_code == 303
    page = browser.get(response.headers["location"]).text
    assert "closed: offer" in page
    assert "Nothing is due" in browser.get("/").text
    assert "Senior Data Engineer" in browser.get("/interviews?status=closed").text
    again = browser.form(f"/interviews/{interview_id}/close", {"outcome": "offer"})
    assert again.status_code == 422 and "already closed" in again.text


def test_editor_redraft_and_mark_sent(browser: Browser) -> None:
    interview_id = browser.import_sample()
    dana = browser.get(f"/api/interviews/{interview_id}").json()["interviewers"][0]
    editor = _editor_for(browser, interview_id, dana["id"])
    draft_id = int(editor.rsplit("/", 1)[1])
    redraft = browser.form(f"{editor}/recompose", {"medium": "card", "tone": "casual",
                                                   "variant": "1"})
    assert redraft.status_code == 303
    draft = browser.get(f"/api/drafts/{draft_id}").json()
    assert draft["medium"] == "card" and draft["subject"] == ""
    page = browser.get(redraft.headers["location"]).text
    assert "A new draft replaced the text." in page and 'data-unit="words"' in page
    sent = browser.form(f"{editor}/sent", {})
    assert sent.status_code == 303 and sent.headers["location"] == "/?done=sent"
    today = browser.get("/?done=sent").text
    assert "thank-you to Dana Whitfield" not in today and "Marked as sent" in today
    assert "can no longer change" in browser.get(editor).text


def test_settings_save_and_refuse_bad_values(browser: Browser) -> None:
    page = browser.get("/settings").text
    assert 'name="me.name"' in page and 'name="limits.email_words_max"' in page
    saved = browser.form("/settings", {"me.name": "Priya Raman", "limits.card_words_max": "70"})
    assert saved.status_code == 303
    loaded = config.load()
    assert loaded.me.name == "Priya Raman" and loaded.limit("card_words_max") == 70
    bad = browser.form("/settings", {"timezone": "Mars/Olympus", "me.email": "p@x.example"})
    assert bad.status_code == 422 and "unknown time zone" in bad.text
    assert config.load().me.email == "p@x.example"  # the good value was kept


def test_settings_keep_the_words_the_checker_should_accept(browser: Browser) -> None:
    saved = browser.form("/settings", {"check.words": "roastery, Kubeflow"})
    assert saved.status_code == 303
    assert config.load().get("check.words") == ("roastery", "Kubeflow")
    assert 'value="roastery, Kubeflow"' in browser.get("/settings").text
    bad = browser.form("/settings", {"check.words": "cold brew"})
    assert bad.status_code == 422
    assert config.load().get("check.words") == ("roastery", "Kubeflow")


def test_calendar_feed_and_download(browser: Browser) -> None:
    browser.import_sample()
    page = browser.get("/calendar").text
    url = re.search(r'value="(http://127\.0\.0\.1:8765/calendar/feed/[\w-]+\.ics)"', page)
    assert url
    feed = browser.get(url.group(1))
    assert feed.status_code == 200 and b"BEGIN:VEVENT" in feed.content
    download = browser.get("/calendar.ics")
    assert "attachment" in download.headers["content-disposition"]
    assert download.content.count(b"BEGIN:VEVENT") >= 4
    rotated = browser.form("/calendar/token", {})
    assert rotated.status_code == 303
    assert browser.get(url.group(1)).status_code == 404


def test_unknown_pages_and_records_are_friendly(browser: Browser) -> None:
    missing = browser.get("/interviews/42")
    assert missing.status_code == 404 and "no interview with id 42" in missing.text
    assert "<h1>Not found</h1>" in browser.get("/nowhere").text
