"""Config: defaults, the TOML file, typed `set`, and clear errors for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import config
from followup.errors import ConfigError


def test_defaults_follow_product_limits(tmp_path: Path) -> None:
    loaded = config.load(tmp_path / "missing.toml")
    assert loaded.limit("thank_you_due_hours") == 24
    assert loaded.limit("linkedin_note_chars") == 300
    assert loaded.limit("card_words_max") == 80
    assert loaded.me.name == ""


def test_set_keeps_other_keys_and_types(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config.set_value("me.name", "Łukasz Żółć 🙂", path)
    config.set_value("limits.linkedin_note_chars", "200", path)
    loaded = config.load(path)
    assert loaded.me.name == "Łukasz Żółć 🙂"
    assert loaded.limit("linkedin_note_chars") == 200
    assert "[me]" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("limits.card_words_max", "-3", "must not be negative"),
    ("limits.card_words_max", "many", "whole number"),
    ("timezone", "Europe/Atlantis", "unknown time zone"),
    ("country", "XX", "unknown country"),
    ("me.nick", "x", "unknown setting"),
])
def test_set_refuses_bad_values_and_writes_nothing(tmp_path, key, value, expected) -> None:
    path = tmp_path / "config.toml"
    with pytest.raises(ConfigError, match=expected):
        config.set_value(key, value, path)
    assert not path.exists()


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[me\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml: not valid TOML"):
        config.load(path)
    path.write_text("[limits]\ncard_words_max = 'eighty'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"limits\.card_words_max must be a whole number"):
        config.load(path)


def test_the_default_zone_is_the_systems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    assert config.system_timezone() == "Asia/Kolkata"
    assert config.defaults().timezone == "Asia/Kolkata"
    monkeypatch.setenv("TZ", "Not/AZone")
    assert config.system_timezone() != "Not/AZone"


def test_word_lists_take_comma_separated_text(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert config.load(path).get("check.words") == ()
    config.set_value("check.words", " roastery, Kubeflow,,roastery\nTullamore ", path)
    assert config.load(path).get("check.words") == ("roastery", "Kubeflow", "Tullamore")
    assert "words = [" in path.read_text(encoding="utf-8")
    config.set_value("check.words", "", path)
    assert config.load(path).get("check.words") == ()


def test_word_lists_refuse_phrases_and_wrong_types(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    with pytest.raises(ConfigError, match=r"check\.words: 'cold brew' is not a single word"):
        config.set_value("check.words", "roastery, cold brew", path)
    assert not path.exists()
    path.write_text('[check]\nwords = "roastery"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"check\.words must be a list of words"):
        config.load(path)
    path.write_text("[check]\nwords = ['roastery', 3]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"check\.words must be a list of words"):
        config.load(path)


def test_word_lists_sit_beside_rule_switches(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[checks]\np07 = false\n[check]\nwords = ['Kubeflow']\n", encoding="utf-8")
    loaded = config.load(path)
    assert loaded.get("checks.p07") is False
    assert loaded.get("check.words") == ("Kubeflow",)
