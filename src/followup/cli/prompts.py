"""The interactive way in: ask for each field of an interview, check the answers, re-ask.

Answers are collected into the same notes-file shape as `add` flags and checked by the notes
parser; when it rejects a field, only that field is asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from followup.cli.common import user_config
from followup.cli.render import console, print_error
from followup.errors import InputError
from followup.model import Interview

FIELDS: tuple[tuple[str, str, str | None], ...] = (
    ("company", "Company", None),
    ("role", "Role you interviewed for", None),
    ("when", "Start time (YYYY-MM-DD HH:MM, local)", None),
    ("timezone", "Time zone of that time", "config"),
    ("duration", "Duration in minutes", "60"),
    ("format", "Format (phone, video, onsite; empty to skip)", ""),
    ("culture", "Culture (formal or casual)", "formal"),
    ("decision_by", "Decision date they gave (YYYY-MM-DD; empty if none)", ""),
)


def ask(label: str, default: str | None = None) -> str:
    return str(typer.prompt(label, default=default, show_default=bool(default))).strip()


def ask_list(label: str) -> list[str]:
    """Several answers, one per prompt, an empty answer ends the list."""
    items: list[str] = []
    while item := ask(f"{label} (empty to finish)", default=""):
        items.append(item)
    return items


def ask_people() -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    people: list[dict[str, str]] = []
    body: dict[str, list[str]] = {}
    console.print("\n[bold]Interviewers[/] — one at a time; an empty name ends the list.")
    while name := ask("Interviewer's full name", default=""):
        person = {"name": name}
        for key, label in (("title", "Title"), ("email", "Email")):
            if value := ask(f"  {label} (optional)", default=""):
                person[key] = value
        bullets = [f"- discussed: {t}" for t in ask_list(f"  Something you discussed with {name}")]
        bullets += [f"- shared: {t}" for t in ask_list(f"  Something {name} told you")]
        if question := ask("  A question you'd answer better now (optional)", default=""):
            bullets.append(f"- question: {question}")
            if better := ask("    Your better answer", default=""):
                bullets.append(f"  better: {better}")
        people.append(person)
        body[name] = bullets
    return people, body


def ask_interview(parse: Callable[[str], Interview]) -> Interview:
    """Prompt for a whole interview; `parse` checks the assembled notes text."""
    from followup.cli.entry import notes_text

    defaults = {"timezone": user_config().timezone}
    front: dict[str, Any] = {}
    for key, label, default in FIELDS:
        front[key] = ask(label, defaults.get(key, default) if default == "config" else default)
    people, body = ask_people()
    front["interviewers"] = people
    console.print("\n[bold]Your qualifications[/] worth stressing for this role.")
    quals = ask_list("Qualification")
    while True:
        try:
            return parse(notes_text(front, body, quals))
        except InputError as error:
            print_error(str(error))
            flag = str(error).split(":")[0].lstrip("-").replace("-", "_")
            field = next((f for f in FIELDS if f[0] == flag), None)
            if field is None:
                raise
            front[field[0]] = ask(field[1], None)
