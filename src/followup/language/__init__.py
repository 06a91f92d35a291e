"""What the composer and the checker both know about English.

One place for the knowledge both sides need, so that what the composer can phrase the
checker can recognise, and the reverse:

- `lexicon`: word classes and inflection from a maintained lexicon (lemminflect), and how
  common a word is (wordfreq); loaded lazily, on first use;
- `shorthand`: the abbreviations and symbols people type in notes, with what they stand for;
- `fragments`: what kind of fragment a note is (a verb phrase, a noun phrase, a clause, a
  result, a list, a note to self) and how it can be placed in a sentence;
- `names`: personal names with titles, suffixes and particles, and the salutation for them.

Nothing here imports from `check` or `compose`; both import from here.
"""
