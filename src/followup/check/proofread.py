"""Spelling and grammar through Harper (harper-py, offline), made aware of the interview record.

One Harper `Linter` is built lazily and reused (construction takes about half a second;
a lint of a 150-word note then takes a few milliseconds). Nothing here touches the network.

Instead of importing words into Harper per check (slow, and stateful), spelling lints are
filtered afterwards against a record-aware dictionary: every word of the names, company,
role, job description, notes, points, questions and qualifications, plus a built-in list of
technical terms. Words with digits (p99, k8s), inner capitals (PostgreSQL, GitHub) and short
all-caps acronyms are never spelling mistakes; nor are capitalised words in the middle of a
sentence or in the greeting and signature (proper nouns Harper cannot know). The user's own
dictionary (`check.words` in config.toml, `followup check --accept WORD`) joins the record's
words (see `personal_words`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from followup.check.words import fold, tokens
from followup.model import Interview

# Harper rules whose advice does not fit short letters (or duplicates our own rules).
DISABLED_HARPER_RULES = (
    "ExpandTimeShorthands",
    "RepeatedWords",
    "SpelledNumbers",
    "LongSentences",
    "Dashes",
    "UseTitleCase",
    "SentenceCapitalization",
    "MissingPreposition",  # "I am glad I am part of it" → "missing a preposition"
    "DayOneNames",  # "from day one" is no brand (Day One, the journaling app)
    "AsSoonAsPossible",  # its fix drops a word of the phrase; P8 judges urgency
)

_TECH_WORDS = """
kubernetes kubectl helm dbt terraform terragrunt postgresql postgres mysql sqlite redis kafka
flink spark pyspark hadoop airflow dagster prefect snowflake bigquery redshift databricks
looker tableau grafana prometheus datadog sentry elasticsearch opensearch kibana logstash
docker dockerfile podman ansible pulumi nginx istio envoy linkerd argocd jenkins gitlab github
circleci kotlin golang rustc typescript javascript nodejs deno django flask fastapi pydantic
numpy pandas polars pytorch tensorflow sklearn jupyter graphql grpc protobuf websocket
websockets oauth saml jwt sso api apis sdk sdks cli ui ux frontend backend fullstack devops
mlops sre sres finops dataops microservice microservices monorepo repo repos onboarding runbook
runbooks postmortem postmortems on-call oncall pagerduty opsgenie jira confluence asana notion
figma miro slack zoom webhook webhooks backfill backfills upsert upserts idempotent idempotency
schemas cron crons etl elt lakehouse datalake iceberg parquet avro dbt's kubernetes's
terraform's observability scalability latency latencies throughput sla slas slo slos sli slis
p50 p90 p95 p99 ci cd ci/cd k8s s3 ec2 gcp aws azure lambda serverless rollout rollouts
rollback rollbacks canary refactor refactoring refactored linter linters pytest mypy ruff
eslint prettier webpack vite nextjs nuxt svelte vue react angular redux tailwind storybook
cypress playwright selenium hackathon pgvector protobuf protobufs pytest mypy conda pnpm
esbuild autoscaling autoscaler autoscalers canarying microfrontend microfrontends finetuning
fine-tune fine-tuned dataloader dataloaders backfilling burndown offboarding multitenancy
multitenant hotfix hotfixes embeddings tokenizer tokenizers sharding sharded shard shards
dedupe deduplication upserting failover failovers debezium trino dagster istio kustomize
karpenter bazel wasm flink avro hudi lakehouse dataproc dataflow polars duckdb mlflow kubeflow
jaeger zipkin splunk thanos mimir opentelemetry otel ebpf k6 uv gitops finops changelog
changelogs codebase codebases dashboarding geo-replication repartitioning
"""
TECH_WORDS = frozenset(_TECH_WORDS.split())

# British and Commonwealth spellings the UK→US patterns below do not reach.
_BRITISH = """
afterwards practise practised practises practising spelt dreamt learnt burnt leapt enrol enrols
enrolment enrolled fulfil fulfils fulfilment cheque cheques grey greyer tyre tyres aluminium
sceptical sceptic scepticism manoeuvre manoeuvres storey storeys plough draught draughts cosy
mould mouldy smoulder speciality specialities artefact artefacts ageing focussed focussing
instalment instalments maths whilst amongst towards colleagues fortnight fortnightly
"""
BRITISH_WORDS = frozenset(_BRITISH.split())

_ACRONYM_RE = re.compile(r"[A-Z0-9&/\-]{2,6}s?")
_INNER_CAPS_RE = re.compile(r".[^\W\d_]*[A-Z]")

# One Harper linter per thread: a long check in one web request does not hold up the short
# ones in others (a single shared linter needed a lock around every lint).
_local = threading.local()


def linter() -> Any:
    """This thread's Harper linter, built on first use."""
    made = getattr(_local, "linter", None)
    if made is None:
        import harper

        made = harper.Linter(harper.Dialect.AMERICAN)
        cfg = made.get_lint_config()
        for name in DISABLED_HARPER_RULES:
            if name in cfg:
                cfg[name] = False
        made.set_lint_config(cfg)
        _local.linter = made
    return made


_UK_TO_US = (
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful)"), "or"),
    (re.compile(r"is(?=e$|es$|ed$|ing$|ation)"), "iz"),
    (re.compile(r"ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"ence(?=s?$)"), "ense"),
    (re.compile(r"ll(?=ed$|ing$|er$|ers$)"), "l"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"gramme(?=s?$)"), "gram"),
    (re.compile(r"(?<=[dg])ement$"), "ment"),
)


@lru_cache(maxsize=4096)
def other_dialect_knows(word: str) -> bool:
    """Whether `word` is a British/Commonwealth spelling of a known word ("favour", "organise").

    Each UK→US pattern is tried; the word counts as known when the American form lints clean.
    """
    low = word.lower()
    if low in BRITISH_WORDS:
        return True
    variants = {pattern.sub(repl, low) for pattern, repl in _UK_TO_US} - {low}
    return any(not any(item.kind == "Spelling" for item in lint(v)) for v in variants)


@lru_cache(maxsize=1024)
def is_dictionary_word(word: str) -> bool:
    """Whether Harper knows a (lower-case) word: "really" yes, "hipaa" no."""
    return not any(item.kind == "Spelling" for item in lint(word))


def warm() -> None:
    """Build the linter and run it once, so the first real check is fast."""
    lint("Thank you for the interview yesterday; I recieve it well.")


@dataclass(frozen=True)
class HarperLint:
    """The part of a Harper lint the rules use (spans index the linted string)."""

    start: int
    end: int
    kind: str
    message: str
    suggestion: str | None


CHUNK_CHARS = 3000
PROOFREAD_MAX_CHARS = 20_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a text at paragraph, sentence or space boundaries.

    Harper's time grows faster than linearly on very long inputs; linting pieces of a few
    thousand characters keeps a 100 KB input well under a second. A note is one piece.
    """
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for kind in (r"\n[ \t]*\n", r"(?<=[.!?])\s+", r"\s+"):
            found = [m.end() for m in re.finditer(kind, window) if m.end() > size // 3]
            if found:
                cut = found[-1]
                break
        cut = cut or size
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def looks_english(piece: str) -> bool:
    """Mostly ASCII letters: worth a spelling pass (not Arabic, CJK, or binary noise)."""
    if not piece.strip():
        return False
    prose = sum(1 for c in piece if c.isspace() or (c.isascii() and c.isalpha())
                or c in ".,;:'!?-\"()’—")
    return prose >= 0.85 * len(piece)


def lint(text: str) -> tuple[HarperLint, ...]:
    """Harper's lints for a text (plain text mode); spans index `text`.

    Only the first PROOFREAD_MAX_CHARS are proofread (a note is a few thousand at most),
    and pieces that are not mostly Latin letters are skipped.
    """
    if len(text) <= CHUNK_CHARS:
        return _lint_piece(text) if looks_english(text) else ()
    out: list[HarperLint] = []
    for offset, piece in chunks(text[:PROOFREAD_MAX_CHARS]):
        if not looks_english(piece):
            continue
        for item in _lint_piece(piece):
            out.append(HarperLint(item.start + offset, item.end + offset, item.kind,
                                  item.message, item.suggestion))
    return tuple(out)


@lru_cache(maxsize=256)
def _lint_piece(text: str) -> tuple[HarperLint, ...]:
    raw = linter().lint(text, language="plaintext")
    out = []
    for item in raw:
        start, end = item.span.start, item.span.end
        if not 0 <= start <= end <= len(text):
            continue
        replacement = None
        for suggestion in item.suggestions:
            if int(suggestion.kind) == 0:
                replacement = suggestion.replacement_text
                break
            if int(suggestion.kind) == 1:
                replacement = ""
                break
        out.append(HarperLint(start, end, item.lint_kind, item.message, replacement))
    return tuple(out)


def record_words(interview: Interview | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Every word of the record, folded (lower-case, no accents): never a misspelling."""
    if interview is None:
        return frozenset(fold(t) for t in tokens(" ".join(extra)))
    return _record_words(interview) | frozenset(fold(t) for t in tokens(" ".join(extra)))


@lru_cache(maxsize=256)
def _record_words(interview: Interview) -> frozenset[str]:
    parts: list[str] = [interview.company, interview.role, interview.job_description,
                        interview.notes, *interview.qualifications]
    if interview.me is not None:
        parts += [interview.me.name, interview.me.signature, interview.me.email]
    for person in interview.interviewers:
        parts += [person.name, person.title, person.salutation or "", *person.points,
                  *person.next]
        for question in person.questions:
            parts += [question.question, question.better]
    words = set()
    for token in tokens(" ".join(parts)):
        words.add(fold(token))
        for piece in re.split(r"['’\-]", token):
            words.add(fold(piece))
    return frozenset(words)


@lru_cache(maxsize=64)
def personal_words(words: frozenset[str]) -> frozenset[str]:
    """The user's own dictionary (`check.words`, `check --accept`), folded like record words.

    A word there is never a misspelling, in any case or accent ("roastery", "Roastery").
    """
    folded: set[str] = set()
    for token in tokens(" ".join(words)):
        folded.add(fold(token))
        folded.update(fold(piece) for piece in re.split(r"['’\-.]", token) if piece)
    return frozenset(folded)


def is_known_term(word: str, known: frozenset[str]) -> bool:
    """Whether a flagged word is a term we know better than Harper (record, tech, shapes)."""
    folded = fold(word)
    if folded in known or folded in TECH_WORDS:
        return True
    if folded.endswith(("'s", "’s")) and (folded[:-2] in known or folded[:-2] in TECH_WORDS):
        return True
    if any(c.isdigit() for c in word):
        return True
    return bool(_ACRONYM_RE.fullmatch(word) or _INNER_CAPS_RE.match(word))
