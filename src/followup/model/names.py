"""A person's name as written in a record, taken apart: title, given name, surname, suffix.

"Dr. Angela Whitmore" is Angela, of the family Whitmore, with the title Dr.; "Sister Mary
Clare" is a religious name with no surname; "Pieter van der Berg" has the surname "van der
Berg"; "José de la Cruz Jr." has the suffix "Jr."; "Ngozi" has one name only. Everything
that greets, matches or checks a person by name (the salutation, `--to NAME`, the checker's
name rules) reads the parts from here, so they agree.

The tables below are closed classes of English usage (courtesy, academic, religious, judicial
and military titles; generational and professional suffixes; surname particles), not a
vocabulary of any one line of work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Titles that stand before a name, by their usual written form (key: lower case, no dot).
TITLES: dict[str, str] = {
    "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "miss": "Miss",
    "dr": "Dr.", "doctor": "Dr.", "prof": "Prof.", "professor": "Professor",
    "rev": "Rev.", "reverend": "Reverend", "fr": "Fr.", "father": "Father",
    "sister": "Sister", "sr": "Sister", "brother": "Brother", "br": "Brother",
    "mother": "Mother", "pastor": "Pastor", "rabbi": "Rabbi", "imam": "Imam",
    "judge": "Judge", "justice": "Justice", "hon": "Hon.", "honorable": "Honorable",
    "sir": "Sir", "dame": "Dame", "lord": "Lord", "lady": "Lady",
    "sgt": "Sgt.", "sergeant": "Sergeant", "capt": "Capt.", "captain": "Captain",
    "lt": "Lt.", "lieutenant": "Lieutenant", "maj": "Maj.", "major": "Major",
    "col": "Col.", "colonel": "Colonel", "gen": "Gen.", "general": "General",
    "adm": "Adm.", "admiral": "Admiral", "cmdr": "Cmdr.", "commander": "Commander",
    "cpl": "Cpl.", "corporal": "Corporal", "officer": "Officer", "chief": "Chief",
    "coach": "Coach", "chef": "Chef", "nurse": "Nurse",
    "herr": "Herr", "frau": "Frau", "mme": "Mme", "mlle": "Mlle", "sra": "Sra.",
    "dra": "Dra.", "mdm": "Mdm.", "madam": "Madam", "madame": "Madame",
}
# Titles used with the given name rather than the surname ("Sister Mary Clare",
# "Father Tom"): religious names have no surname to address.
GIVEN_NAME_TITLES = frozenset({"Sister", "Brother", "Father", "Fr.", "Mother"})
# Titles that only stand in a formal greeting, never in "Hi Angela,".
COURTESY_TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Mx.", "Miss", "Herr", "Frau", "Mme",
                             "Mlle", "Sra.", "Mdm.", "Madam", "Madame"})
# After a name: generational, then professional and academic suffixes.
SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md", "do", "rn", "bsn", "msn", "np",
    "dnp", "cpa", "cfa", "mba", "jd", "pe", "ra", "dds", "dvm", "pharmd", "lcsw", "obe", "mbe",
    "cbe", "qc", "kc", "ret",
})
# Lower-case words that start a surname ("van der Berg", "de la Cruz", "bin Salman").
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
    "le", "lo", "ter", "ten", "bin", "binti", "ibn", "al", "el", "st", "st.", "y", "e",
    "ap", "ó", "ní", "nic", "mac", "ua",
})
_KEY_RE = re.compile(r"[.\s]+$")


def _key(word: str) -> str:
    return _KEY_RE.sub("", word).casefold().rstrip(",")


@dataclass(frozen=True)
class PersonName:
    """The parts of a written name. `given` or `surname` may be empty (one-word names)."""

    full: str
    title: str = ""      # "Dr.", "Sister", "Sgt." (normalised form)
    given: str = ""      # "Angela", "Mary Clare"
    surname: str = ""    # "Whitmore", "van der Berg"
    suffix: str = ""     # "Jr.", "PhD"

    @property
    def first(self) -> str:
        """The name a friendly note uses: the given name's first word, or the only name."""
        if self.title in GIVEN_NAME_TITLES and self.given:
            return f"{self.title} {self.given}"
        if self.given:
            return self.given.split()[0]
        return self.surname or self.full.strip()

    @property
    def last(self) -> str:
        """The family name, or the only name when there is one word."""
        return self.surname or self.given or self.full.strip()

    def formal(self) -> str:
        """How a formal letter greets them: "Dr. Whitmore", "Sister Mary Clare", "Ngozi".

        A recorded title goes with the surname (or, for a religious title, the given name).
        Without a title, the first name: in modern business writing a stranger's courtesy
        title (Mr./Ms.) is not guessed from a name.
        """
        if self.title:
            if self.title in GIVEN_NAME_TITLES:
                return f"{self.title} {self.given or self.surname}".strip()
            target = self.surname or self.given
            return f"{self.title} {_capital_particle(target)}".strip()
        return self.first

    def casual(self) -> str:
        """How a friendly note greets them: the given name ("Angela"), keeping a religious
        title that belongs with it ("Sister Mary Clare"); with only a title and a surname
        known ("Mr. Okafor"), the formal greeting."""
        if self.title and not self.given:
            return self.formal()
        return self.first

    def matches(self, wanted: str) -> bool:
        """Whether `wanted` (as typed after `--to`) names this person: full name, given or
        family name, or title with family name ("Dr. Whitmore")."""
        key = fold(wanted)
        if not key:
            return False
        forms = {fold(self.full), fold(self.first), fold(self.last), fold(self.formal())}
        if self.given:
            forms.add(fold(f"{self.given} {self.surname}"))
            forms.add(fold(self.given))
        if self.title and self.surname:
            forms.add(fold(f"{self.title} {self.surname}"))
            forms.add(fold(f"{self.title.rstrip('.')} {self.surname}"))
        # A surname typed without its particle ("Berg" for "van der Berg").
        if self.surname and " " in self.surname:
            forms.add(fold(self.surname.split()[-1]))
        return key in forms


def _capital_particle(surname: str) -> str:
    """A surname that opens with a particle starts with a capital after a title:
    "Dr. Van der Berg" is how Dutch and English both write it at the start of an address."""
    return surname[:1].upper() + surname[1:] if surname[:1].islower() else surname


def fold(name: str) -> str:
    """A case- and accent-insensitive key, dots ignored ("Dr. Whitmore" = "dr whitmore")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace(".", " "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def parse_name(full: str) -> PersonName:
    """Take a written name apart (see the module docstring)."""
    words = full.replace(",", " , ").split()
    title_parts: list[str] = []
    # A rank of two words ("Battalion Chief", "Fire Captain", "Staff Sergeant").
    if len(words) >= 4 and _key(words[1]) in TITLES and _key(words[0]) not in TITLES and (
            words[0][:1].isupper()):
        title_parts.append(f"{words[0]} {TITLES[_key(words[1])]}")
        words = words[2:]
    while len(words) > 1 and _key(words[0]) in TITLES:
        title_parts.append(TITLES[_key(words[0])])
        words = words[1:]
    suffix_parts: list[str] = []
    while len(words) > 1 and (_key(words[-1]) in SUFFIXES or words[-1] == ","):
        if words[-1] != ",":
            suffix_parts.insert(0, words[-1])
        words = words[:-1]
    # "Whitmore, Angela": family name first, given after a comma.
    if "," in words:
        at = words.index(",")
        words = [w for w in words[at + 1:] + words[:at] if w != ","]
    words = [w for w in words if w != ","]
    title = " ".join(title_parts)
    suffix = " ".join(suffix_parts)
    if not words:
        return PersonName(full, title, "", "", suffix)
    if len(words) == 1:
        if title and title not in GIVEN_NAME_TITLES:
            return PersonName(full, title, "", words[0], suffix)
        return PersonName(full, title, words[0], "", suffix)
    if title in GIVEN_NAME_TITLES:
        return PersonName(full, title, " ".join(words), "", suffix)
    # The surname starts at the first particle after the given name, else it is the last word.
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].casefold() in PARTICLES and words[index][:1].islower():
            start = index
            break
    # "Ní Bhriain", "Mac Giolla": a particle written with a capital, second to last.
    if start == len(words) - 1 and words[-2].casefold() in ("ní", "nic", "mac", "ó", "ua"):
        start = len(words) - 2
    return PersonName(full, title, " ".join(words[:start]), " ".join(words[start:]), suffix)
