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
from dataclasses import dataclass, replace

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
    "dra": "Dra.", "mdm": "Mdm.", "madam": "Madam", "madame": "Madame", "ing": "Ing.",
    "lic": "Lic.", "eng": "Eng.", "arch": "Arch.", "atty": "Atty.", "khun": "Khun",
    "dato'": "Dato'", "dato’": "Dato’", "datuk": "Datuk", "datin": "Datin", "me": "Me",
    "det": "Det.", "detective": "Detective", "inspector": "Inspector", "insp": "Insp.",
    "deacon": "Deacon", "bishop": "Bishop", "elder": "Elder", "ustaz": "Ustaz",
}
# Titles used with the given name rather than the surname ("Sister Mary Clare",
# "Father Tom"): religious names have no surname to address.
GIVEN_NAME_TITLES = frozenset({"Sister", "Brother", "Father", "Fr.", "Mother"})
# Titles that stay in a friendly note too: religious, judicial and uniformed ranks ("Hi Judge
# Pemberton," "Hi Sgt. Delgado-Ruiz,"); academic and courtesy titles give way to the given name.
KEPT_TITLES = frozenset({
    "Rev.", "Reverend", "Fr.", "Father", "Sister", "Brother", "Mother", "Pastor", "Rabbi",
    "Imam", "Deacon", "Bishop", "Elder", "Ustaz", "Judge", "Justice", "Hon.", "Honorable",
    "Sgt.", "Sergeant", "Capt.", "Captain", "Lt.", "Lieutenant", "Maj.", "Major", "Col.",
    "Colonel", "Gen.", "General", "Adm.", "Admiral", "Cmdr.", "Commander", "Cpl.", "Corporal",
    "Officer", "Chief", "Coach", "Chef", "Det.", "Detective", "Inspector", "Insp.", "Sir",
    "Dame", "Lord", "Lady", "Dato'", "Dato’", "Datuk", "Datin", "Khun"})
# Titles used with the given names, not a surname ("Dato' Ahmad Fauzi", "Khun Somchai").
GIVEN_NAME_TITLES_ASIAN = frozenset({"Dato'", "Dato’", "Datuk", "Datin", "Khun"})
# The most common family names written first in Vietnamese, and in Chinese names as written in
# Singapore, Malaysia, Hong Kong and Taiwan ("Trần Văn Minh", "Chua Lay Hoon"): a name of
# three short parts that starts with one of them is read family name first.
FAMILY_FIRST = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý
chan chen cheng chua goh ho huang koh lee li lim liu lin ng ong tan teo toh wang wong wu
yang yap zhang zhao zhou lau leung lam chong chow yeo low seah quek
""".split())
# Between given names and a father's name: the part after it is not a surname to greet by.
PATRONYMICS = frozenset({"bin", "binti", "bint", "a/l", "a/p", "ibn"})
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
    patronymic: bool = False   # "bin Hassan": the surname part is a father's name
    family_first: bool = False  # "Chua Lay Hoon": written family name first
    doctorate: bool = False     # "Prof. Dr.": a German-style double title, kept when friendly

    @property
    def first(self) -> str:
        """The name a friendly note uses: the given name's first word, or the only name."""
        if self.title in GIVEN_NAME_TITLES and self.given:
            return f"{self.title} {self.given}"
        if (self.patronymic or self.family_first) and self.given:
            return self.given                      # "Siti Hajar" of "Siti Hajar binti Yusof"
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
            if self.title in GIVEN_NAME_TITLES | GIVEN_NAME_TITLES_ASIAN or self.patronymic:
                return f"{self.title} {self.given or self.surname}".strip()
            return f"{self.title} {self.surname or self.given}".strip()
        return self.first

    def casual(self) -> str:
        """How a friendly note greets them: the given name ("Angela"), keeping a religious
        title that belongs with it ("Sister Mary Clare"); with only a title and a surname
        known ("Mr. Okafor"), the formal greeting."""
        if self.title and (not self.given or self.family_first
                           or set(self.title.split()) & KEPT_TITLES or self.doctorate):
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


def fold(name: str) -> str:
    """A case- and accent-insensitive key, dots ignored ("Dr. Whitmore" = "dr whitmore")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace(".", " "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def parse_name(full: str) -> PersonName:
    """Take a written name apart (see the module docstring)."""
    parsed = _parse(full)
    if re.search(r"\bProf\.?\s+Dr\b", full, re.IGNORECASE):
        return replace(parsed, doctorate=True)
    return parsed


def _parse(full: str) -> PersonName:
    words = full.replace(",", " , ").split()
    title_parts: list[str] = []
    # A rank of two words ("Battalion Chief", "Fire Captain", "Staff Sergeant").
    if len(words) >= 4 and _key(words[1]) in TITLES and _key(words[0]) not in TITLES and (
            words[0][:1].isupper()):
        title_parts.append(TITLES[_key(words[1])])     # "Battalion Chief" → "Chief"
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
    if "Prof." in title_parts and "Dr." in title_parts:
        title_parts.remove("Dr.")                       # "Prof. Dr. Vogt" → "Prof. Vogt"
    title = " ".join(title_parts)
    words = [w for w in words if not re.fullmatch(r"\(.*\)", w)]   # "(ret.)"
    suffix = " ".join(suffix_parts)
    if not words:
        return PersonName(full, title, "", "", suffix)
    if len(words) == 1:
        if title and title not in GIVEN_NAME_TITLES:
            return PersonName(full, title, "", words[0], suffix)
        return PersonName(full, title, words[0], "", suffix)
    if title in GIVEN_NAME_TITLES:
        return PersonName(full, title, " ".join(words), "", suffix)
    for index in range(1, len(words) - 1):
        if words[index].casefold() in PATRONYMICS:
            return PersonName(full, title, " ".join(words[:index]), " ".join(words[index:]),
                              suffix, patronymic=True)
    if (len(words) == 3 and words[0].casefold() in FAMILY_FIRST
            and all(len(w) <= 6 for w in words)) or (
            len(words) == 2 and title and words[0].casefold() in FAMILY_FIRST
            and words[1].casefold() not in FAMILY_FIRST and "-" not in words[1]
            and len(words[1]) <= 5):
        return PersonName(full, title, words[-1] if words[0].casefold() in (
            "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý".split())
            else " ".join(words[1:]), words[0], suffix, family_first=True)
    # "Alice Leung Mei-ling", "Lin Chih-hao": a Chinese given name written last, hyphenated;
    # the surname is the word before it.
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]):
        english = " ".join(words[:-2])
        return PersonName(full, title, english or words[-1], words[-2], suffix,
                          family_first=not english)
    # The surname starts at the first particle after the given name, else it is the last word.
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].casefold() in PARTICLES and (words[index][:1].islower() or (len(
                words) >= 3 and index == len(words) - 2)):
            start = index
            break
    # "Ní Bhriain", "Mac Giolla": a particle written with a capital, second to last.
    if start == len(words) - 1 and words[-2].casefold() in ("ní", "nic", "mac", "ó", "ua"):
        start = len(words) - 2
    return PersonName(full, title, " ".join(words[:start]), " ".join(words[start:]), suffix)
