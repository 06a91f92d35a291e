"""Word classes, inflection and word frequency, from maintained lexicons.

Open classes (nouns, verbs, adjectives, adverbs) and inflection come from `lemminflect`
(an English lexicon derived from large corpora); how common a word is comes from `wordfreq`
(Zipf scale: 7 for "the", 3 for "lexicon", 0 for unknown). Both are loaded on first use, so a
command that never phrases a fragment never pays for them.

Closed classes (determiners, pronouns, prepositions, conjunctions, auxiliaries) are small
and fixed in English; they are listed here, since no lexicon lists them better.
"""

from __future__ import annotations

from functools import cache

DETERMINERS = frozenset(
    "the a an every each this that these those some all most no any both either neither "
    "our their her his its my your another several many few much more less".split())
SUBJECT_PRONOUNS = frozenset("i you we they she he it".split())
OBJECT_PRONOUNS = frozenset("me you us them her him it".split())
POSSESSIVES = frozenset("my your our their her his its".split())
PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below "
    "beneath beside between beyond by despite during except for from in inside into like "
    "near of off on onto out outside over past per since than through throughout to toward "
    "towards under until up upon via with within without".split())
CONJUNCTIONS = frozenset("and or but nor so yet because although though while whereas if "
                         "unless whether".split())
WH_WORDS = frozenset("how what why when where which who whom whose whether".split())
AUXILIARIES = frozenset(
    "is are was were am be been being will would can could should shall may might must "
    "has have had does do did isn't aren't wasn't weren't won't can't couldn't shouldn't "
    "wouldn't doesn't don't didn't hasn't haven't hadn't".split())
CONTRACTED_SUBJECTS = frozenset(
    f"{p}{a}{s}" for p in ("i", "you", "we", "they", "she", "he", "it", "there", "that")
    for a in ("'", "’") for s in ("m", "re", "s", "ll", "ve", "d"))
INDEFINITE_PRONOUNS = frozenset(
    "everyone everybody everything someone somebody something anyone anybody anything "
    "no-one nobody nothing none each all both".split())
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "hundred hundreds dozen dozens thousand thousands".split())
FUNCTION_WORDS = (DETERMINERS | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | PREPOSITIONS
                  | CONJUNCTIONS | WH_WORDS | AUXILIARIES)


@cache
def _lemminflect():  # type: ignore[no-untyped-def]
    import lemminflect

    return lemminflect


@cache
def classes(word: str) -> frozenset[str]:
    """The open word classes a word can belong to (NOUN, VERB, ADJ, ADV, PROPN), by the
    lexicon; empty for a word it does not know. Closed-class words have their own sets."""
    low = word.lower()
    found = _lemminflect().getAllLemmas(low)
    if not found and low != word:
        found = _lemminflect().getAllLemmas(word)
    return frozenset(found)


@cache
def lemma(word: str, upos: str) -> str:
    """The dictionary form of a word in a class: "precepted" (VERB) → "precept"."""
    found = _lemminflect().getAllLemmas(word.lower()).get(upos)
    return found[0] if found else word.lower()


@cache
def inflect(base: str, tag: str) -> str:
    """A verb or noun in the Penn tag's form: ("teach", "VBD") → "taught"; ("unit", "NNS")
    → "units". Falls back to the base when the lexicon has no form."""
    forms = _lemminflect().getInflection(base.lower(), tag=tag)
    return forms[0] if forms else base


@cache
def verb_forms(word: str) -> frozenset[str]:
    """The Penn verb tags a word can carry (VB, VBD, VBN, VBG, VBZ, VBP), by the lexicon."""
    low = word.lower()
    base = _lemminflect().getAllLemmas(low).get("VERB")
    if not base:
        return frozenset()
    tags: set[str] = set()
    for tag, forms in _lemminflect().getAllInflections(base[0], upos="VERB").items():
        if low in forms:
            tags.add(tag)
    if low == base[0]:
        tags.update(("VB", "VBP"))
    return frozenset(tags)


def is_past(word: str) -> bool:
    """A past-tense verb form ("precepted", "taught", "ran")."""
    return "VBD" in verb_forms(word)


def is_gerund(word: str) -> bool:
    """An -ing form of a verb ("porting", "leading")."""
    return "VBG" in verb_forms(word) and word.lower().endswith("ing")


def is_third_person(word: str) -> bool:
    """A present-tense third-person verb form ("leads", "runs")."""
    return "VBZ" in verb_forms(word)


def is_base_verb(word: str) -> bool:
    """A verb in its base form ("manage", "run")."""
    return "VB" in verb_forms(word)


def can_be_noun(word: str) -> bool:
    """A noun by the lexicon, or a common word the lexicon lacks whose plural is common too
    ("app"/"apps")."""
    if "NOUN" in classes(word):
        return True
    low = word.lower()
    return (not classes(low) and low.isalpha() and low not in FUNCTION_WORDS
            and zipf(low) >= 3.0 and zipf(low + "s") >= 2.5)


def can_be_verb(word: str) -> bool:
    return "VERB" in classes(word)


def can_be_adjective(word: str) -> bool:
    return "ADJ" in classes(word)


def is_plural_noun(word: str) -> bool:
    """A noun in its plural form ("nurses", "beds")."""
    low = word.lower()
    singular = _lemminflect().getAllLemmas(low).get("NOUN")
    return bool(singular) and singular[0] != low and inflect(singular[0], "NNS") == low


@cache
def _zipf():  # type: ignore[no-untyped-def]
    from wordfreq import zipf_frequency

    return zipf_frequency


def zipf(word: str) -> float:
    """How common a word is in English, on the Zipf scale (0 = unknown, 7 = "the")."""
    return float(_zipf()(word, "en"))


def is_word(word: str) -> bool:
    """Whether a token is an English word (in the lexicon or common enough in text)."""
    low = word.lower()
    return low in FUNCTION_WORDS or bool(classes(low)) or zipf(low) >= 3.0


def gerund(verb: str) -> str:
    """The -ing form: "move" → "moving", "precept" → "precepting"."""
    form = inflect(verb, "VBG")
    if form == verb and not verb.lower().endswith("ing"):
        return verb + "ing"
    return form if verb[:1].islower() else form[:1].upper() + form[1:]


def base_of(verb: str) -> str:
    """The base form of a verb: "leads" → "lead", "carries" → "carry"."""
    return lemma(verb, "VERB")
