"""The JSON API: described by OpenAPI, the same JSON as the CLI, the same core underneath."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.check import check
from followup.tracking import JSON_KEYS
from test_web_fixtures import Browser, open_browser

REPORT_KEYS = {"score", "practices", "findings", "stats"}
FINDING_KEYS = {"rule", "practice", "severity", "message", "why", "start", "end", "text",
                "suggestion", "scope"}
PUSHY = ("Subject: Thanks\n\nDear Dana,\n\nThank you for meeting me. When can I start? "
         "Please get back to me by Friday.\n\nBest,\nPriya Raman\n")
NEW = {
    "company": "Contoso", "role": "Platform Engineer", "when": "2026-11-24 10:00",
    "timezone": "Europe/Berlin", "culture": "casual",
    "interviewers": [
        {"name": "Zoë Müller", "email": "zoe@contoso.example", "primary": True,
         "discussed": ["their move from VMs to Kubernetes"],
         "questions": [{"question": "why Terraform", "better": "it made reviews possible"}]},
        {"name": "Ken Ito", "linkedin": "https://www.linkedin.com/in/ken-ito"},
    ],
    "qualifications": ["ran the Terraform migration for 40 services"],
}



@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    yield from open_browser(tmp_path)

def test_openapi_lists_the_api_and_not_the_pages(browser: Browser) -> None:
    schema = browser.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert set(paths["/api/interviews"]) >= {"get", "post"}
    assert "get" in paths["/api/interviews/{interview_id}"]
    assert "post" in paths["/api/interviews/import"]
    assert "post" in paths["/api/check"]
    assert "post" in paths["/api/interviews/{interview_id}/drafts"]
    assert "get" in paths["/api/due"]
    assert all(path.startswith("/api/") for path in paths)
    assert browser.get("/docs").status_code == 404  # the CDN-based docs page is off


def test_create_and_read_an_interview(browser: Browser) -> None:
    created = browser.post("/api/interviews", json=NEW)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "created"
    record = browser.get(f"/api/interviews/{body['id']}").json()
    assert record["company"] == "Contoso" and record["culture"] == "casual"
    zoe, ken = record["interviewers"]
    assert zoe["name"] == "Zoë Müller" and zoe["primary"] is True
    assert zoe["questions"] == [{"question": "why Terraform",
                                 "better": "it made reviews possible"}]
    assert ken["linkedin"].endswith("ken-ito")
    listed = browser.get("/api/interviews", params={"q": "zoë contoso"}).json()
    assert [r["id"] for r in listed] == [body["id"]]
    assert browser.get("/api/interviews", params={"q": "northwind"}).json() == []
    assert browser.post("/api/interviews", json=NEW).json()["status"] == "updated"


def test_bad_input_is_one_clear_error(browser: Browser) -> None:
    response = browser.post("/api/interviews", json=NEW | {"when": "03/04"})
    assert response.status_code == 422
    error = response.json()
    assert error["status"] == 422 and "when" in error["error"] and "ambiguous" in error["error"]
    missing = browser.get("/api/interviews/999")
    assert missing.status_code == 404 and "999" in missing.json()["error"]


def test_import_a_notes_file_twice_updates(browser: Browser) -> None:
    first = browser.import_sample()
    again = browser.import_sample()
    assert first == again
    bad = browser.post("/api/interviews/import",
                       files={"file": ("x.md", b"\xff\xfe bad", "text/markdown")})
    assert bad.status_code == 422 and "UTF-8" in bad.json()["error"]
    broken = browser.post("/api/interviews/import",
                          files={"file": ("x.md", b"---\ncompany: A\n---\n", "text/markdown")})
    assert broken.status_code == 422 and "x.md" in broken.json()["error"]


def test_check_gives_the_cli_json_and_the_core_verdict(browser: Browser) -> None:
    response = browser.post("/api/check", json={"text": PUSHY})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == REPORT_KEYS
    assert list(data["practices"]) == [f"P{i}" for i in range(1, 11)]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert PUSHY[finding["start"]:finding["end"]] == finding["text"]
    assert data == check(PUSHY).to_dict() | {"score": data["score"]}
    assert data["score"] == check(PUSHY).score


def test_check_with_the_record_knows_the_names(browser: Browser) -> None:
    interview_id = browser.import_sample()
    text = PUSHY.replace("Dana", "Dana Whitfeld")
    data = browser.post("/api/check", json={"text": text, "interview_id": interview_id,
                                            "to": "Dana"}).json()
    rules = {f["rule"] for f in data["findings"]}
    assert "p09.name-misspelled" in rules
    assert "p08.demand" in rules
    nobody = browser.post("/api/check", json={"text": text, "interview_id": interview_id,
                                              "to": "Zed"})
    assert nobody.status_code == 422 and "Zed" in nobody.json()["error"]
    assert browser.post("/api/check", json={"text": text, "interview_id": 77}
                        ).status_code == 404


def test_compose_save_and_mark_sent(browser: Browser) -> None:
    interview_id = browser.import_sample()
    due = browser.get("/api/due").json()
    assert [list(item) for item in due] == [list(JSON_KEYS)] * len(due)
    assert sum(1 for item in due if item["kind"] == "thank-you") == 3
    drafts = browser.post(f"/api/interviews/{interview_id}/drafts", json={}).json()
    assert [d["to"] for d in drafts] == ["Dana Whitfield", "Luis Ortega", "Mei-Ling Zhou"]
    assert set(drafts[0]) == {"draft_id", "to", "stage", "medium", "subject", "body", "report"}
    assert drafts[2]["medium"] == "linkedin-message"  # only a profile, no address
    first = drafts[0]["draft_id"]
    saved = browser.put(f"/api/drafts/{first}", json={"subject": "Thank you, Dana",
                                                      "body": "Dear Dana,\n\nThanks!\n"})
    assert saved.status_code == 200
    stored = browser.get(f"/api/drafts/{first}").json()
    assert stored["subject"] == "Thank you, Dana" and stored["body"] == "Dear Dana,\n\nThanks!\n"
    assert stored["report"]["findings"]
    sent = browser.post(f"/api/drafts/{first}/sent")
    assert sent.status_code == 200 and sent.json()["status"] == "sent"
    pending = [i for i in browser.get("/api/due").json() if i["kind"] == "thank-you"]
    assert [i["to"] for i in pending] == ["Luis Ortega", "Mei-Ling Zhou"]
    again = browser.post(f"/api/drafts/{first}/sent")
    assert again.status_code == 422 and "already" in again.json()["error"]
    late_edit = browser.put(f"/api/drafts/{first}", json={"body": "changed"})
    assert late_edit.status_code == 422


def test_compose_one_person_in_another_medium(browser: Browser) -> None:
    interview_id = browser.import_sample()
    drafts = browser.post(f"/api/interviews/{interview_id}/drafts",
                          json={"to": "Luis", "medium": "linkedin-note", "tone": "casual",
                                "variant": 2}).json()
    assert len(drafts) == 1 and drafts[0]["medium"] == "linkedin-note"
    assert len(drafts[0]["body"]) <= 300
    bad = browser.post(f"/api/interviews/{interview_id}/drafts", json={"variant": 9})
    assert bad.status_code == 422
