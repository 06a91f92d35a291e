"""Every rule: has fail and pass examples, its id matches its module, and the examples hold."""

from __future__ import annotations

import pytest

from followup.check import check, default_registry
from followup.check.examples import example_context
from followup.check.kinds import is_enabled
from followup.check.rules import MODULES
from followup.practices import BY_ID

RULES = default_registry().rules




@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_well_formed(rule) -> None:
    assert rule.fail, f"{rule.id} has no fail examples"
    assert rule.passes, f"{rule.id} has no pass examples"
    assert rule.message and rule.why
    assert rule.practice in BY_ID


def test_rule_ids_match_their_modules() -> None:
    import importlib

    from followup.check import rules as package

    for name in MODULES:
        module = importlib.import_module(f"{package.__name__}.{name}")
        prefix = name.split("_")[0]
        assert module.RULES, f"{name} has no rules"
        for rule in module.RULES:
            assert rule.id.startswith(prefix + "."), f"{rule.id} lives in {name}.py"
    assert len({r.id for r in RULES}) == len(RULES)


def _ids(text: str, context_name: str | None) -> set[str]:
    return {f.rule for f in check(text, example_context(context_name)).findings}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_fail_examples_fire(rule) -> None:
    for example in rule.examples("fail"):
        assert rule.id in _ids(example.text, example.context), example.text


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_pass_examples_do_not_fire(rule) -> None:
    for example in rule.examples("passes"):
        found = check(example.text, example_context(example.context)).findings
        assert rule.id not in {f.rule for f in found}, [
            (f.text, f.message) for f in found if f.rule == rule.id]


def test_most_specific_switch_wins() -> None:
    checks = {"p08": False, "p08.demand": True}
    assert is_enabled("p08.demand", checks)
    assert not is_enabled("p08.pushy-phrase", checks)
    assert is_enabled("p09.spelling", checks)
    assert not is_enabled("p09.spelling", {"p09.spelling": False})


def test_disabled_rules_do_not_run() -> None:
    text = "When can I start?"
    assert "p08.demand" in {f.rule for f in check(text).findings}
    assert "p08.demand" not in {f.rule for f in check(text, checks={"p08": False}).findings}


def test_renamed_rules_follow_the_practice_scheme() -> None:
    ids = {r.id for r in RULES}
    assert {"p08.reaffirm-interest", "p09.no-closing", "p09.no-name"} <= ids
    assert not {i for i in ids if not i.startswith("p")}, "every id starts with its practice"
    for rule in RULES:
        assert rule.id.split(".")[0] == f"p{int(rule.practice[1:]):02d}", rule.id


@pytest.mark.parametrize(("old", "new"), [
    ("interest", "p08.reaffirm-interest"), ("interest.reaffirm", "p08.reaffirm-interest"),
    ("signoff", "p09.no-closing"), ("signoff.no-closing", "p09.no-closing"),
])
def test_switches_written_with_old_ids_still_work(old: str, new: str) -> None:
    text = "Dear Dana,\n\nThank you for yesterday."
    assert new in {f.rule for f in check(text).findings}
    assert new not in {f.rule for f in check(text, checks={old: False}).findings}


def test_a_new_id_switch_beats_an_old_prefix() -> None:
    text = "Dear Dana,\n\nThank you for yesterday."
    found = {f.rule for f in check(text, checks={"signoff": False, "p09.no-closing": True})
             .findings}
    assert "p09.no-closing" in found
