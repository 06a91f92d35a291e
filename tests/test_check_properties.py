"""Property tests: any text returns a report without raising, and every span is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.check import check
from followup.check.examples import example_context
from followup.check.proofread import chunks
from followup.model import Report

PIECES = [
    "Subject: ", "Subject: Thank you\n", "Dear Dana,\n\n", "Dear Luis Whitfeld,\n", "Hi ",
    "Thank you for ", "the the ", "When can I start?", "!!!", "[Name]", "{company}", "XX",
    "TODO", "Contoso", "Graham Pettigrew", "Kafka streaming ", "nightly batch jobs ",
    "I built ", "REALLY ", "recieve ", "\n\n", "\n", " ", ". ", "? ",
    "Best regards,\n", "Priya Raman", "🙂", "👩🏽‍💻", "🇮🇪", "مرحبا بك", "שלום עליכם",
    "\u200b", "\u200d", "\u200e", "\u202e", "\ufeff", "e\u0301", "İ", "ß", "ﬁ", "\r\n",
    "Siobhán Ní Bhriain", "Nguyễn Thị Minh Khai", "\t", "\x00", "\x0b", "\u2028",
]
CONTEXTS = ["", "northwind", "northwind-others", "northwind-panel", "northwind-late",
            "check-in", "northwind-check-in", "linkedin-note", "linkedin-message", "card"]

texty = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join),
)


def assert_exact(text: str, report: Report) -> None:
    assert isinstance(report, Report)
    assert 0 <= report.score <= 100
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert f.suggestion is None or isinstance(f.suggestion, str)
    assert report.stats.characters == len(text)
    if report.has_errors:
        assert report.score < 70


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texty, context=st.sampled_from(CONTEXTS))
def test_any_text_gives_exact_spans(text: str, context: str) -> None:
    assert_exact(text, check(text, example_context(context)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=texty.filter(bool), context=st.sampled_from(CONTEXTS))
def test_100_kb_inputs(unit: str, context: str) -> None:
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert_exact(text, check(text, example_context(context)))


@given(text=st.text(max_size=20_000))
@settings(max_examples=50, deadline=None)
def test_chunks_cover_the_text(text: str) -> None:
    assert "".join(piece for _, piece in chunks(text, 500)) == text
    for offset, piece in chunks(text, 500):
        assert text[offset:offset + len(piece)] == piece


def test_edge_inputs() -> None:
    for text in ("", " ", "\n\n\n", "\u200b" * 50, "Subject:", "Subject: \n", "Dear ,",
                 "Best regards,", "🙂" * 1000, "!" * 500, "a " * 50_000):
        assert_exact(text, check(text, example_context("northwind-others")))
