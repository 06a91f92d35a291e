"""Optional polish by a language model, over any OpenAI-compatible chat endpoint.

Off unless the user sets `llm.url` (and `llm.model`; the API key, if the endpoint needs one,
is read from the environment variable named by `llm.api_key_env`). The composed draft is sent
to `{llm.url}/chat/completions` with a bounded timeout; the rewrite is then checked before it
may replace the draft:

- grounded: no capitalised name or number that neither the draft nor the record contains;
- no new claims: not more first-person claims about experience than the draft made;
- still personal: it still refers to one of the interviewer's points if the draft did;
- still good: the checker finds no error and scores it at least 90.

If any check fails, or the endpoint fails, the composed draft is kept and `Polished.reason`
says why. Nothing is sent anywhere unless the user asked for polish and configured a URL.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from followup.errors import ConfigError
from followup.model import Draft, Interview, Interviewer

if TYPE_CHECKING:
    import httpx

    from followup.config import Config

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0
MIN_SCORE = 90
SYSTEM_PROMPT = (
    "You edit short follow-up notes a job candidate sends after an interview. Improve the "
    "flow and warmth of the note you are given. Keep every fact exactly as it is; do not add "
    "names, numbers, companies, skills, achievements or promises that are not in the note. "
    "Keep the greeting, the thanks at the start, the specific points from the conversation, "
    "the closing and the signature. Keep it as short as it is or shorter. Reply with the "
    "note text only, without a subject line or any comment."
)
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’\-]*")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[—\"“(]\s*)$")


@dataclass(frozen=True)
class Endpoint:
    """Where and how to ask for a rewrite."""

    url: str
    model: str
    api_key: str | None = None
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT


@dataclass(frozen=True)
class Polished:
    """The draft to use, whether it is the model's rewrite, and why not when it is not."""

    draft: Draft
    polished: bool
    reason: str = ""


def endpoint_from(config: Config) -> Endpoint:
    """The configured endpoint; a ConfigError saying what to set when there is none."""
    url = str(config.get("llm.url") or "").strip()
    model = str(config.get("llm.model") or "").strip()
    if not url or not model:
        raise ConfigError("--polish needs a language-model endpoint: followup config set "
                          "llm.url http://127.0.0.1:11434/v1 and followup config set "
                          "llm.model NAME")
    key_env = str(config.get("llm.api_key_env") or "").strip()
    api_key = os.environ.get(key_env) if key_env else None
    if key_env and not api_key:
        raise ConfigError(f"llm.api_key_env names {key_env}, which is not set in the "
                          "environment")
    return Endpoint(url.rstrip("/"), model, api_key)


def request_rewrite(endpoint: Endpoint, text: str, client: httpx.Client | None = None) -> str:
    """The model's rewrite of `text` (raises httpx.HTTPError or ValueError on failure)."""
    import httpx

    payload: dict[str, Any] = {
        "model": endpoint.model,
        "temperature": 0,
        "messages": [{"role": "system", "content": SYSTEM_PROMPT},
                     {"role": "user", "content": text}],
    }
    headers = {"Authorization": f"Bearer {endpoint.api_key}"} if endpoint.api_key else {}
    timeout = httpx.Timeout(endpoint.read_timeout, connect=endpoint.connect_timeout)
    owned = client is None
    http = client or httpx.Client(timeout=timeout)
    try:
        response = http.post(f"{endpoint.url}/chat/completions", json=payload, headers=headers,
                             timeout=timeout)
        response.raise_for_status()
        data = response.json()
    finally:
        if owned:
            http.close()
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise ValueError("the reply has no choices[0].message.content") from None
    if not isinstance(content, str) or not content.strip():
        raise ValueError("the reply is empty")
    return content.strip() + "\n"


def _record_text(interview: Interview, config: Config | None) -> str:
    from followup.compose.outline import sender

    me = sender(interview, config)
    parts = [interview.company, interview.role, interview.job_description, interview.notes,
             *interview.qualifications, me.name, me.signature]
    for person in interview.interviewers:
        parts += [person.name, person.title, *person.points, *person.next]
        parts += [f"{q.question} {q.better}" for q in person.questions]
    return " ".join(parts)


def _is_common_word(word: str) -> bool:
    """Whether a lower-cased word is ordinary English (so a capital may just start a sentence)."""
    from followup.check import proofread

    return not any(lint.kind == "Spelling" for lint in proofread.lint(word))


def ungrounded(rewrite: str, draft_text: str, interview: Interview,
               config: Config | None = None) -> list[str]:
    """Names and numbers the rewrite invents: capitalised words the draft and the record lack
    (at a sentence start only when the word is not ordinary English), and new numbers."""
    known = draft_text + " " + _record_text(interview, config)
    known_words = {w.lower() for w in re.findall(r"[\w'’\-]+", known)}
    known_numbers = set(_NUMBER_RE.findall(known))
    found: list[str] = []
    for match in _CAPITALISED_RE.finditer(rewrite):
        word = match.group(0)
        stem = re.sub(r"['’]s$", "", word).lower()
        if word == "I" or stem in known_words or word.lower() in known_words or word in found:
            continue
        if _SENTENCE_START_RE.search(rewrite[:match.start()]) and _is_common_word(stem):
            continue
        found.append(word)
    found += [n for n in _NUMBER_RE.findall(rewrite) if n not in known_numbers]
    return found


def problems(rewrite: Draft, draft: Draft, interview: Interview, person: Interviewer | None,
             config: Config | None = None, other_drafts: tuple[str, ...] = ()) -> str:
    """Why a rewrite may not replace the draft, or "" when it may."""
    from followup.check.document import Document
    from followup.check.rules.p05_qualifications import claims
    from followup.check.words import content_stems, related
    from followup.compose import full_text, review

    invented = ungrounded(rewrite.body, full_text(draft), interview, config)
    if invented:
        return f"the rewrite adds {', '.join(invented[:5])}, which the record does not contain"
    if len(claims(Document(rewrite.body))) > len(claims(Document(draft.body))):
        return "the rewrite adds a claim about your experience that the draft did not make"
    if person is not None and person.points:
        before = content_stems(draft.body)[0]
        after = content_stems(rewrite.body)[0]
        if any(related(p, before) for p in person.points) and not any(
                related(p, after) for p in person.points):
            return f"the rewrite drops the point from your conversation with {person.name}"
    report = review(rewrite, interview, person, config, other_drafts=other_drafts)
    if report.has_errors or report.score < MIN_SCORE:
        rules = ", ".join(sorted({f.rule for f in report.findings
                                  if f.severity.value != "suggestion"})) or "minor findings"
        return f"the rewrite scores {report.score} with the checker ({rules})"
    return ""


def polish(
    draft: Draft, interview: Interview, person: Interviewer | None, config: Config,
    *, endpoint: Endpoint | None = None, other_drafts: tuple[str, ...] = (),
    client: httpx.Client | None = None,
) -> Polished:
    """Ask the model for a smoother wording; keep the composed draft unless the rewrite is
    grounded, keeps the personal point, adds no claim and passes the checker."""
    import httpx

    target = endpoint or endpoint_from(config)
    try:
        text = request_rewrite(target, draft.body, client)
    except httpx.TimeoutException:
        return Polished(draft, False, f"the language model at {target.url} did not answer in "
                                      "time; kept the composed draft")
    except (httpx.HTTPError, ValueError) as exc:
        return Polished(draft, False, f"the language model at {target.url} failed ({exc}); "
                                      "kept the composed draft")
    text = re.sub(r"^\s*subject:[^\n]*\n+", "", text, flags=re.IGNORECASE)
    rewrite = replace(draft, body=text)
    if rewrite.body.strip() == draft.body.strip():
        return Polished(draft, False, "the language model returned the draft unchanged")
    why = problems(rewrite, draft, interview, person, config, other_drafts)
    if why:
        return Polished(draft, False, f"{why}; kept the composed draft")
    return Polished(rewrite, True)
