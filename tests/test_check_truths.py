"""One truth per question: who the candidate is, and why a finding matters for this medium.

The web and the CLI give the checker the same record; the candidate's name comes from the
record's `me:` first (the configured name is only the fallback), so both score one note
alike. A finding's "why" speaks of the medium at hand (a card's length is no LinkedIn limit).
"""

from __future__ import annotations

from followup.check import CheckContext, check
from followup.check.examples import DANA, NORTHWIND
from followup.model import Draft, Medium

NOTE = ("Dear Dana,\n\nThank you for Tuesday. I ran a Kafka migration like the one you "
        "described. Please let me know if I can share more; I am keen on the role.\n\n"
        "Best regards,\nPriya Raman")


def test_the_record_me_wins_over_the_configured_name() -> None:
    web_like = CheckContext(interview=NORTHWIND, interviewer=DANA, candidate_name="Sam Config")
    assert web_like.me_name == "Priya Raman"
    assert "p09.no-name" not in {f.rule for f in check(NOTE, web_like).findings}
    cli_like = CheckContext(interview=NORTHWIND, interviewer=DANA)
    assert check(NOTE, web_like).score == check(NOTE, cli_like).score


def test_the_configured_name_is_the_fallback_without_a_record() -> None:
    assert CheckContext(candidate_name="Sam Config").me_name == "Sam Config"


def test_a_card_length_finding_does_not_speak_of_linkedin() -> None:
    card = "Dear Dana,\n\n" + "Thank you for the tour and the talk about the pipelines. " * 12
    found = [f for f in check(card + "\n\nBest,\nPriya", CheckContext(medium=Medium.CARD)).findings
             if f.rule == "p03.too-long"]
    assert found and all("LinkedIn" not in f.why for f in found)
    assert "card" in found[0].why


def test_a_subject_on_a_card_says_card() -> None:
    text = "Subject: Thanks\n\nDear Dana,\n\nThank you.\n\nBest,\nPriya"
    (found,) = [f for f in check(text, CheckContext(medium=Medium.CARD)).findings
                if f.rule == "p03.subject-not-email"]
    assert "LinkedIn" not in found.why and "card" in found.why


def _draft(**kw: object) -> Draft:
    from followup.model import Stage

    base: dict[str, object] = dict(interview_id=1, interviewer_id=None, stage=Stage.THANK_YOU,
                                   medium=Medium.EMAIL, subject="Thank you", body=NOTE)
    base.update(kw)
    return Draft(**base)  # type: ignore[arg-type]


def test_timing_is_judged_at_the_send_moment_everywhere() -> None:
    """`draft`, `send` and the web call check_draft/send_moment; `check FILE` passes --now.
    A note sent 9 days late is late for all of them; an unsent one is judged at now."""
    from datetime import timedelta

    from followup.drafting import check_draft, send_moment
    from followup.model import DraftStatus

    late = NORTHWIND.ends_at + timedelta(days=9)
    sent = _draft(status=DraftStatus.SENT, sent_at=late)
    assert send_moment(sent, late + timedelta(days=30)) == late
    assert send_moment(_draft(), late) == late
    by_draft = check_draft(sent, NORTHWIND, DANA, None, now=late + timedelta(days=30))
    by_check = check(NOTE, CheckContext(interview=NORTHWIND, interviewer=DANA, now=late))
    assert by_draft.practices["P1"] == by_check.practices["P1"]
    assert by_draft.practices["P1"].status.value == "warn"
    late_msgs = [f.message for f in by_draft.findings if f.rule == "p01.late"]
    assert late_msgs == [f.message for f in by_check.findings if f.rule == "p01.late"]


def test_a_check_in_the_day_after_is_a_warning_not_a_hint() -> None:
    from datetime import timedelta

    from followup.model import Severity, Stage

    text = ("Dear Dana,\n\nI wanted to check in about the role: is there any news on the "
            "timeline? I remain very interested.\n\nBest regards,\nPriya Raman")
    for days, severity in ((1, Severity.WARNING), (4, Severity.SUGGESTION)):
        ctx = CheckContext(interview=NORTHWIND, interviewer=DANA, stage=Stage.CHECK_IN,
                           now=NORTHWIND.ends_at + timedelta(days=days))
        (early,) = [f for f in check(text, ctx).findings if f.rule == "p01.check-in-early"]
        assert early.severity is severity
