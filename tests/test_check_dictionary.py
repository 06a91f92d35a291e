"""The user's own dictionary: `check.words` in config.toml and `followup check --accept WORD`.

A real word Harper does not know ("roastery", a product, a town) is flagged until the user
vouches for it; after that it is never a misspelling, in any case, possessive included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import followup.cli
from followup import config
from followup.check import CheckContext, check
from followup.check.examples import NORTHWIND
from followup.check.kinds import Settings
from followup.cli import app

followup.cli._register()

NOTE = ("Dear Sam,\n\nThank you for the tour of the roastery on Friday. The roastery's new "
        "cupping lab in Tullamore was a highlight.\n\nBest regards,\nAlex\n")


def _misspelled(report) -> list[str]:
    return [f.text for f in report.findings if f.rule == "p09.spelling"]


def test_unknown_real_words_are_flagged_until_accepted() -> None:
    assert "roastery" in _misspelled(check(NOTE))
    assert _misspelled(check(NOTE, words=["Roastery"])) == []


def test_config_words_reach_the_checker(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config.set_value("check.words", "roastery, Kubeflow", path)
    loaded = config.load(path)
    assert _misspelled(check(NOTE, None, loaded)) == []
    assert Settings.from_config(loaded, words=["Tullamore"]).words == {
        "roastery", "Kubeflow", "Tullamore"}


def test_accepted_words_add_to_given_settings() -> None:
    settings = Settings.from_config(None)
    assert "roastery" in _misspelled(check(NOTE, None, settings))
    assert _misspelled(check(NOTE, None, settings, words=("roastery",))) == []


def test_a_dictionary_word_does_not_hide_a_misspelled_name_in_the_greeting() -> None:
    text = "Dear Dnaa,\n\nThank you for Tuesday.\n\nBest regards,\nPriya Raman"
    report = check(text, CheckContext(interview=NORTHWIND), words=["Dnaa"])
    assert "p09.name-misspelled" in {f.rule for f in report.findings}
    assert _misspelled(report) == []


def test_a_dictionary_word_is_not_shouting() -> None:
    """An acronym that spells an English word (the UK's NICE) is the user's to vouch for."""
    text = "Dear Sam,\n\nThank you. I wrote the NICE guidance summaries.\n\nBest,\nAlex"
    assert "p09.shouting" in {f.rule for f in check(text).findings}
    assert "p09.shouting" not in {f.rule for f in check(text, words=["NICE"]).findings}


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["--db", f"sqlite:///{tmp_path}/x.sqlite3", *args],
                             catch_exceptions=False)
    return invoke


def _cli_misspelled(result) -> list[str]:
    return [f["text"] for f in json.loads(result.stdout)["findings"]
            if f["rule"] == "p09.spelling"]


def test_cli_accept_and_config_words(run, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert "roastery" in _cli_misspelled(run("check", str(note), "--json"))
    once = run("check", str(note), "--json", "--accept", "roastery", "--accept", "Kubeflow,x")
    assert _cli_misspelled(once) == []
    assert "roastery" in _cli_misspelled(run("check", str(note), "--json")), "one run only"

    assert run("config", "set", "check.words", "roastery, Kubeflow").exit_code == 0
    assert _cli_misspelled(run("check", str(note), "--json")) == []
    shown = run("config", "show")
    assert "roastery, Kubeflow" in shown.stdout
    assert json.loads(run("config", "show", "--json").stdout)["check.words"] == [
        "roastery", "Kubeflow"]


def test_cli_refuses_an_accept_that_is_not_a_word(run, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    bad = run("check", str(note), "--accept", "cold brew")
    assert bad.exit_code == 2
    assert "not a single word" in bad.output
