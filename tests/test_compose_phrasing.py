"""How note fragments become sentence parts: perspective, verb forms, articles, case, marks."""

from __future__ import annotations

import pytest

from followup.compose import claims
from followup.compose.grammar import (
    capitalize_first,
    gerund,
    indefinite_article,
    join_words,
    lower_first,
    pick,
    sentence,
)
from followup.compose.phrasing import (
    FragmentKind,
    as_clause,
    as_topic,
    base_form,
    clean,
    drop_reporting,
    to_second_person,
)
from followup.compose.points import Point, make_point
from followup.language import fragments
from followup.language.fragments import Kind

# -- perspective: the interviewer's words turn towards them; the candidate's stay theirs ---


@pytest.mark.parametrize(("fragment", "expected"), [
    ("our team will double next year", "your team will double next year"),
    ("we are moving to Kafka", "you are moving to Kafka"),
    ("the leads asked us to stay", "the leads asked you to stay"),
    ("the roadmap is ours to decide", "the roadmap is yours to decide"),
    ("we're hiring two analysts", "you're hiring two analysts"),
    ("we've rebuilt the platform", "you've rebuilt the platform"),
])
def test_first_person_plural_of_the_interviewer_becomes_you(fragment: str, expected: str) -> None:
    assert to_second_person(fragment) == expected


@pytest.mark.parametrize(("fragment", "expected"), [
    ("she leads the platform group", "you lead the platform group"),
    ("he is moving the jobs to streaming", "you are moving the jobs to streaming"),
    ("she was on call last week", "you were on call last week"),
    ("he has two teams", "you have two teams"),
    ("she does the hiring", "you do the hiring"),
    ("he also carries the pager", "you also carry the pager"),
    ("she watches the budget", "you watch the budget"),
    ("she leads the group and watches the budget", "you lead the group and watch the budget"),
    ("she's hiring two people", "you're hiring two people"),
    ("he'll share feedback on Friday", "you'll share feedback on Friday"),
    ("she doesn't like flaky tests", "you don't like flaky tests"),
])
def test_third_person_interviewer_becomes_you_with_the_verb_in_agreement(
        fragment: str, expected: str) -> None:
    assert to_second_person(fragment) == expected


@pytest.mark.parametrize(("fragment", "expected"), [
    ("her team is rolling out a semantic layer", "your team is rolling out a semantic layer"),
    ("his group owns billing", "your group owns billing"),
    ("I asked her about the roadmap", "I asked you about the roadmap"),
    ("I told him about my dbt work", "I told you about my dbt work"),
])
def test_her_and_his_become_your_or_you_by_their_role(fragment: str, expected: str) -> None:
    assert to_second_person(fragment) == expected


def test_candidates_own_i_my_me_stay_as_written() -> None:
    fragment = "my dbt experience and how I helped me and my team ship"
    assert to_second_person(fragment) == fragment


def test_they_becomes_you_when_it_points_at_the_interviewers_team() -> None:
    assert (to_second_person("on-call load and how they cut paging by half")
            == "on-call load and how you cut paging by half")
    assert to_second_person("their plan for the spring") == "your plan for the spring"


def test_they_stays_when_a_plural_noun_before_it_is_what_it_means() -> None:
    fragment = "how analysts and engineers agree on what they measure"
    assert to_second_person(fragment) == fragment


def test_the_interviewers_own_name_becomes_you_and_your() -> None:
    assert to_second_person("Dana's team is hiring", ["Dana"]) == "your team is hiring"
    assert to_second_person("Dana is moving to Kafka", ["Dana"]) == "you are moving to Kafka"


def test_capitalised_pronouns_keep_their_capital() -> None:
    assert to_second_person("Our team ships daily") == "Your team ships daily"
    assert to_second_person("She leads it") == "You lead it"


@pytest.mark.parametrize(("verb", "expected"), [
    ("leads", "lead"), ("carries", "carry"), ("watches", "watch"), ("goes", "go"),
    ("is", "are"), ("has", "have"), ("does", "do"), ("was", "were"), ("pass", "pass"),
])
def test_base_form_of_a_third_person_verb(verb: str, expected: str) -> None:
    assert base_form(verb) == expected


# -- reporting verbs: "she said the team will double" → "the team will double" -------------


@pytest.mark.parametrize(("fragment", "expected"), [
    ("she said the team will double", "the team will double"),
    ("he mentioned that the budget is fixed", "the budget is fixed"),
    ("she told me they ship weekly", "they ship weekly"),
    ("they explained that every engineer pairs", "every engineer pairs"),
    ("Dana said the roadmap is set", "the roadmap is set"),
    ("she also noted that hiring is slow", "hiring is slow"),
])
def test_reporting_verbs_are_dropped(fragment: str, expected: str) -> None:
    assert drop_reporting(fragment, ["Dana"]) == expected


def test_a_fragment_that_is_only_a_reporting_verb_is_kept() -> None:
    assert drop_reporting("she said") == "she said"


def test_reported_point_becomes_a_plain_clause_end_to_end() -> None:
    point = make_point("shared", "She said the team will double.", ("Dana Whitfield", "Dana"))
    assert isinstance(point, Point)
    assert point.phrase == "the team will double"
    assert point.form is FragmentKind.CLAUSE


# -- topics and clauses --------------------------------------------------------------------


@pytest.mark.parametrize("fragment", [
    "moving the nightly batch jobs to streaming",
    "how analysts and engineers agree on metric definitions",
    "on-call load and how you cut paging by half",
    "data quality",
    "the migration to Kafka",
    "my dbt experience",
    "why the team chose Rust",
    "Terraform module design",      # a noun compound whose last word could be a verb
    "schema change review",
    "API design",
])
def test_topics_go_after_about(fragment: str) -> None:
    assert fragments.read(fragment).kind in (Kind.GERUND, Kind.QUESTION, Kind.NOUN_PHRASE)


@pytest.mark.parametrize("fragment", [
    "the platform team will double in size next year",
    "every engineer spends one week a quarter on the rotation",
    "your team is rolling out a semantic layer",
    "analysts sit next to the platform team on Tuesdays",
    "you plan to hire",
    "team will double next year",
    "Northwind is opening an office",
    "the team moved to Kafka last year",
    "analysts design the dashboards",  # a plural subject: the base form is a verb
])
def test_clauses_go_after_that(fragment: str) -> None:
    assert fragments.read(fragment).kind is Kind.CLAUSE


@pytest.mark.parametrize(("fragment", "expected"), [
    ("team will double next year", "the team will double next year"),
    ("platform team is growing", "the platform team is growing"),
    ("analysts sit with engineers", "analysts sit with engineers"),
    ("Northwind is opening an office", "Northwind is opening an office"),
    ("your team is hiring", "your team is hiring"),
    ("you're hiring", "you're hiring"),
    ("every engineer pairs", "every engineer pairs"),
])
def test_a_bare_singular_subject_gets_an_article(fragment: str, expected: str) -> None:
    assert as_clause(fragment) == expected


@pytest.mark.parametrize(("fragment", "expected"), [
    ("move batch jobs to streaming", "moving batch jobs to streaming"),
    ("about the roadmap", "the roadmap"),
    ("regarding hiring plans", "hiring plans"),
    ("moving to Kafka", "moving to Kafka"),
])
def test_topics_lose_about_and_bare_verbs_become_gerunds(fragment: str, expected: str) -> None:
    assert as_topic(fragment) == expected


@pytest.mark.parametrize(("verb", "expected"), [
    ("move", "moving"), ("run", "running"), ("cut", "cutting"), ("plan", "planning"),
    ("tie", "tying"), ("see", "seeing"), ("open", "opening"), ("visit", "visiting"),
    ("build", "building"), ("ship", "shipping"), ("fix", "fixing"), ("play", "playing"),
])
def test_gerund_forms(verb: str, expected: str) -> None:
    assert gerund(verb) == expected


# -- cleaning, capitals and punctuation ----------------------------------------------------


@pytest.mark.parametrize(("fragment", "expected"), [
    ("  moving   the jobs ", "moving the jobs"),
    ("- moving the jobs.", "moving the jobs"),
    ("\u201cthe team will double\u201d", "the team will double"),
    ("what i learned about dbt;", "what I learned about dbt"),
    ("tests , CI and docs", "tests, CI and docs"),
    ("1. the roadmap", "the roadmap"),
])
def test_clean_trims_marks_spaces_and_a_lone_i(fragment: str, expected: str) -> None:
    assert clean(fragment) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the team will double", "The team will double."),
    ("dbt tests run in CI", "dbt tests run in CI."),
    ("iOS releases are weekly", "iOS releases are weekly."),
    ("is it ready?", "Is it ready?"),
    ("done..", "Done."),
    ("it works , mostly", "It works, mostly."),
    ("list them, etc.", "List them, etc."),
])
def test_sentence_capitalises_and_ends_once(text: str, expected: str) -> None:
    assert sentence(text) == expected


def test_capitalize_first_leaves_names_with_inner_capitals() -> None:
    assert capitalize_first("eBay listings") == "eBay listings"
    assert capitalize_first("moving fast") == "Moving fast"


def test_lower_first_keeps_i_names_and_acronyms() -> None:
    assert lower_first("The team will double") == "the team will double"
    assert lower_first("I version every model") == "I version every model"
    assert lower_first("Kafka is next") == "Kafka is next"
    assert lower_first("CI runs nightly") == "CI runs nightly"


@pytest.mark.parametrize(("phrase", "article"), [
    ("Analytics Engineer", "an"), ("Senior Data Engineer", "a"), ("SRE", "an"),
    ("MBA program", "an"), ("UX Designer", "a"), ("hourly rate", "an"),
    ("user researcher", "a"), ("Engineering Manager", "an"), ("one-person team", "a"),
    ("NASA project", "a"), ("API team", "an"), ("Operations Lead", "an"),
])
def test_indefinite_article_by_sound(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["dbt"]) == "dbt"
    assert join_words(["dbt", "CI"]) == "dbt and CI"
    assert join_words(["dbt", "testing", "CI"]) == "dbt, testing and CI"


# -- qualifications in the first person ----------------------------------------------------


@pytest.mark.parametrize(("text", "said"), [
    ("built the company-wide dbt project", "I built the company-wide dbt project"),
    ("ran the Kafka migration", "I ran the Kafka migration"),
    ("migrated 40 services to Kubernetes", "I migrated 40 services to Kubernetes"),
    ("leading a team of six", "I have experience leading a team of six"),
    ("5 years of Python", "I have five years of Python"),
    ("I led the on-call redesign", "I led the on-call redesign"),
    ("precepted 6 new grads", "I precepted six new graduates"),
    ("PCCN certified, current BLS + ACLS", "I am PCCN certified (current BLS and ACLS)"),
    ("State of Illinois teaching license, Biology 6-12",
     "I hold a State of Illinois teaching license (Biology 6-12)"),
    ("pass rate up from 61% to 78% in 2 yrs",
     "One result I am proud of: the pass rate went up from 61% to 78% in two years"),
    ("4 yrs on tele unit", "I have four years on a tele unit"),
    ("3 yrs floor somm at Le Coucou", "I have three years as a floor sommelier at Le Coucou"),
    ("ACA qualified 2024", "I have been ACA qualified since 2024"),
    ("MSc statistics (Univ. of Helsinki)",
     "I hold an MSc in statistics (Univ. of Helsinki)"),
    ("volunteer at Citizens Advice Belfast 2 yrs",
     "I have been a volunteer at Citizens Advice Belfast for two years"),
    ("bilingual english/spanish", "I am bilingual in English and Spanish"),
    ("ICAN associate, 4 yrs payroll", "I have four years in payroll"),
])
def test_qualifications_are_said_in_the_first_person_by_their_kind(text: str, said: str) -> None:
    assert claims.claim(fragments.read(text)) == said


@pytest.mark.parametrize("text", [
    "top 5 zone Bogotá norte", "Western", "strong team player", "AutoCAD, Rhino, Lumion",
    "should've used the other example",
])
def test_qualifications_that_cannot_be_placed_are_left_out(text: str) -> None:
    assert claims.claim(fragments.read(text)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("built the dbt project: 300 models, tests in CI",
     "built the dbt project (300 models, tests in CI)"),
    ("ran the migration — 40 services", "ran the migration (40 services)"),
    ("cut costs by 35%", "cut costs by 35%"),
])
def test_details_after_a_colon_or_dash_go_in_brackets(text: str, expected: str) -> None:
    assert fragments.read(text).phrase() == expected


# -- deterministic choice --------------------------------------------------------------------


def test_pick_gives_each_variant_its_own_option() -> None:
    options = ("a", "b", "c", "d")
    assert len({pick(options, v) for v in range(4)}) == 4


def test_pick_shifts_by_panel_position() -> None:
    options = ("a", "b", "c", "d", "e")
    assert len({pick(options, 0, position) for position in range(3)}) == 3


def test_pick_is_deterministic() -> None:
    options = ("a", "b", "c")
    assert [pick(options, 2, 1, 5) for _ in range(5)] == [pick(options, 2, 1, 5)] * 5
