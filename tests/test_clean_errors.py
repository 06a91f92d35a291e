"""User mistakes that used to end in a traceback (or a 500) are one clear line: YAML nested
hundreds deep, an alias inside itself, ids past any database's range in the CLI and in URLs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from followup.cli import app
from test_web_fixtures import Browser, make_client

FRONT = "---\ncompany: A\nrole: B\nwhen: 2026-11-24 14:00\n"


@pytest.mark.parametrize(("extra", "wanted"), [
    ("x: " + "[" * 600 + "]" * 600 + "\n", "nested too deeply"),
    ("x: &a [*a]\n", "nested too deeply (an alias inside itself?)"),
    ("x: " + "[" * 30 + "]" * 30 + "\n", "expected at most 20 levels"),
])
def test_nested_yaml_is_one_line(tmp_path: Path, extra: str, wanted: str) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(FRONT + extra + "---\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "import",
                                      str(notes)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith(f"error: {notes}:") and wanted in message and "\n" not in message


@pytest.mark.parametrize("number", ["2147483648", "9223372036854775808",
                                    "99999999999999999999999"])
def test_huge_ids_in_the_cli_are_not_found(tmp_path: Path, number: str) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    for command in (["show", number], ["drafts", number], ["send", number, "--yes"]):
        result = CliRunner().invoke(app, ["--db", db, *command])
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_huge_ids_in_urls_are_404(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        browser = Browser(client)
        for url in ("/api/interviews/99999999999999999999", "/interviews/9223372036854775808",
                    "/drafts/99999999999999999999", "/api/drafts/99999999999999999999"):
            response = browser.get(url)
            assert response.status_code == 404, (url, response.status_code)


def test_request_bodies_are_capped_per_route_before_parsing(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        browser = Browser(client)
        huge = browser.post("/api/check", json={"text": "a" * (1 << 20)})
        assert huge.status_code == 413
        assert "larger than 128 KB" in huge.json()["error"]
        form = browser.form("/settings", {"me.name": "x" * (1 << 20)})
        assert form.status_code == 413
        fine = browser.post("/api/check", json={"text": "Dear Dana,\n\nThank you.\n"})
        assert fine.status_code == 200
        with open(Path(__file__).parent.parent / "src/followup/samples/northwind.md",
                  "rb") as handle:
            upload = browser.post("/api/interviews/import",
                                  files={"file": ("n.md", handle, "text/markdown")})
        assert upload.status_code == 201, upload.text


def test_a_streamed_body_without_length_is_capped_too(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        browser = Browser(client)

        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(64):
                yield b"a" * 4096
            yield b'"}'

        response = browser.client.post("/api/check", content=chunks(), headers={
            "X-CSRF-Token": browser.token, "content-type": "application/json"})
        assert response.status_code == 413
