"""Named example contexts for rule examples, tests and the demo: a small, fixed world.

`northwind` is the sample interview (three interviewers, a job description, qualifications);
variants add the moment of sending, another interview (Contoso) as a copy-paste source, a
panel draft, a stage or a medium. `kestrel` is a second, smaller interview whose people have
accented names (Siobhán Ní Bhriain, Ciarán Ó Dónaill; the candidate is Tomasz Wiśniewski).
Rules name one of these as their `example_context`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followup.check.context import CheckContext
from followup.model import Culture, Interview, Interviewer, Me, Medium, Question, Stage

CHICAGO = ZoneInfo("America/Chicago")

DANA = Interviewer(
    name="Dana Whitfield",
    title="Director of Data Platform",
    email="dana.whitfield@northwind.example",
    timezone="America/New_York",
    primary=True,
    discussed=("moving the nightly batch jobs to streaming with Kafka",),
    shared=("the platform team will double in size next year",),
    questions=(Question("how I handle schema changes in dbt models",
                        "I version every model and run contract tests in CI before a deploy"),),
    next=("she will share feedback with the hiring committee on Friday",),
)
LUIS = Interviewer(
    name="Luis Ortega",
    title="Staff Engineer",
    discussed=("on-call load and how they cut paging by half with better alerting",),
    shared=("every engineer spends one week a quarter on the reliability rotation",),
)
MEI = Interviewer(
    name="Mei-Ling Zhou",
    title="Analytics Engineering Manager",
    timezone="America/Los_Angeles",
    discussed=("how analysts and engineers agree on metric definitions",),
    shared=("her team is rolling out a semantic layer in the spring",),
)

NORTHWIND = Interview(
    company="Northwind Analytics",
    role="Senior Data Engineer",
    starts_at=datetime(2026, 11, 24, 14, 0, tzinfo=CHICAGO),
    timezone="America/Chicago",
    duration_minutes=90,
    round=2,
    culture=Culture.FORMAL,
    decision_by=date(2026, 12, 4),
    job_description=(
        "Northwind Analytics is hiring a Senior Data Engineer for its Data Platform team.\n"
        "You will own batch and streaming pipelines that feed our retail forecasting products.\n"
        "Requirements:\n"
        "- 5+ years building production data pipelines in Python and SQL\n"
        "- Experience with Kafka or another streaming platform\n"
        "- Strong dbt and data modelling skills, including testing and CI\n"
        "- Cost-aware work on a cloud warehouse (Snowflake or BigQuery)\n"
        "- Clear communication with analysts and product managers\n"
    ),
    interviewers=(DANA, LUIS, MEI),
    qualifications=(
        "built the company-wide dbt project: 300 models, tests in CI",
        "cut the monthly warehouse bill by 35% by partitioning the largest tables",
        "ran the Kafka migration for the order events pipeline at my last job",
    ),
    notes="Dana asked twice about data quality; Luis was relaxed and joked about pager fatigue.",
    me=Me(name="Priya Raman", email="priya.raman@example.com"),
)

CONTOSO = Interview(
    company="Contoso Pharma",
    role="Analytics Engineer",
    starts_at=datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/London")),
    timezone="Europe/London",
    interviewers=(Interviewer(name="Graham Pettigrew", discussed=("clinical trial dashboards",)),),
)

KESTREL = Interview(
    company="Kestrel Robotics",
    role="Platform Engineer",
    starts_at=datetime(2026, 10, 5, 10, 0, tzinfo=ZoneInfo("Europe/Dublin")),
    timezone="Europe/Dublin",
    interviewers=(
        Interviewer(name="Siobh\u00e1n N\u00ed Bhriain", title="Head of Infrastructure",
                    discussed=("consolidating three Kubernetes clusters into one",)),
        Interviewer(name="Ciar\u00e1n \u00d3 D\u00f3naill", title="Senior SRE",
                    discussed=("moving alerts from static thresholds to SLO burn rates",)),
    ),
    me=Me(name="Tomasz Wi\u015bniewski"),
)

PANEL_DRAFT = (
    "Subject: Thank you for Tuesday's interview\n\n"
    "Dear Luis,\n\n"
    "Thank you for your time on Tuesday. I enjoyed our conversation about the Senior Data "
    "Engineer role and about how the team cut paging by half with better alerting. My work "
    "running the Kafka migration for our order events pipeline fits the streaming work you "
    "described. I remain very interested in joining Northwind Analytics. Please let me know "
    "if I can share anything else.\n\n"
    "Best regards,\nPriya Raman\n"
)

_BASE = CheckContext(interview=NORTHWIND, interviewer=DANA)


def example_context(name: str | None) -> CheckContext:
    """The named example context (None or "" → an empty context)."""
    if not name:
        return CheckContext()
    contexts = {
        "northwind": _BASE,
        "northwind-unaddressed": replace(_BASE, interviewer=None),
        "northwind-ontime": replace(_BASE, now=datetime(2026, 11, 25, 8, 30, tzinfo=CHICAGO)),
        "northwind-late": replace(_BASE, now=datetime(2026, 11, 26, 9, 0, tzinfo=CHICAGO)),
        "northwind-early": replace(_BASE, now=datetime(2026, 11, 24, 15, 40, tzinfo=CHICAGO)),
        "northwind-night": replace(_BASE, now=datetime(2026, 11, 24, 23, 30, tzinfo=CHICAGO)),
        "northwind-others": replace(_BASE, other_interviews=(CONTOSO,)),
        "northwind-panel": replace(
            _BASE, other_drafts=(PANEL_DRAFT.replace("Luis", "Mei-Ling"),)),
        "kestrel": CheckContext(interview=KESTREL, interviewer=KESTREL.interviewers[0]),
        "check-in": CheckContext(stage=Stage.CHECK_IN),
        "northwind-check-in": replace(
            _BASE, stage=Stage.CHECK_IN, now=datetime(2026, 12, 8, 9, 0, tzinfo=CHICAGO)),
        "northwind-check-in-early": replace(
            _BASE, stage=Stage.CHECK_IN, now=datetime(2026, 11, 27, 9, 0, tzinfo=CHICAGO)),
        "linkedin-note": CheckContext(medium=Medium.LINKEDIN_NOTE),
        "linkedin-message": CheckContext(medium=Medium.LINKEDIN_MESSAGE),
        "card": CheckContext(medium=Medium.CARD),
    }
    return contexts[name]
