"""What a visitor typed, made safe to search for.

Any text is accepted: it is cut to `MAX_LENGTH` characters, control characters and characters
that could not be decoded are dropped, and what is left is read as words. Text in double quotes
is a phrase; an unmatched quote is ignored. Punctuation, operators and fragments of code are not
syntax here: `polio OR measles` looks for all three words.

Words joined by a hyphen, full stop or slash ("COVID-19", "zero-dose", "6.42", "HIV/AIDS") are
searched for as phrases, so that each database reads them as it read the indexed text
(PostgreSQL keeps "-19" as one token). What reaches the search backend is therefore only ever
letters, digits, spaces and those joining characters.
"""

import unicodedata
from dataclasses import dataclass, field

from wagtail.search.query import And, Phrase, PlainText

MAX_LENGTH = 200  # characters of the query that are searched for
MAX_WORDS = 32  # words searched for, phrases included
JOINERS = "-./"  # characters that join words into one term: "COVID-19", "HIV/AIDS"


def _is_word_character(char):
    # Letters, digits and combining marks (Arabic vowel signs, accents written separately).
    return unicodedata.category(char)[0] in "LNM"


def words_of(text):
    """The words of a text, in order: runs of letters, digits and marks."""
    return "".join(char if _is_word_character(char) else " " for char in text).split()


def clean(text):
    """The text without control, format, private or undecodable characters, spaces collapsed."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char == "\ufffd" or category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(" ")
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


def terms_of(text):
    """The terms of some text: words, and words joined by `JOINERS`, with all else dropped."""
    kept = "".join(char if _is_word_character(char) or char in JOINERS else " " for char in text)
    terms = []
    for chunk in kept.split():
        term = chunk.strip(JOINERS)
        if term:
            terms.append(term)
    return terms


@dataclass
class SearchTerms:
    """A visitor's query: the text to show back, and what to search for."""

    text: str = ""  # cleaned and cut to MAX_LENGTH, for the search box and headings
    truncated: bool = False  # the visitor typed more than MAX_LENGTH characters
    words: list[str] = field(default_factory=list)  # single words
    phrases: list[str] = field(default_factory=list)  # quoted phrases and joined words

    @classmethod
    def parse(cls, raw):
        text = clean(raw or "")
        truncated = len(text) > MAX_LENGTH
        if truncated:
            text = text[:MAX_LENGTH].rstrip()
        terms = cls(text=text, truncated=truncated)
        parts = text.split('"')
        if len(parts) % 2 == 0:
            # An odd number of quotes: the last one opens no phrase.
            parts[-2:] = [parts[-2] + " " + parts[-1]]
        budget = MAX_WORDS
        for position, part in enumerate(parts):
            found = terms_of(part)
            if position % 2:  # between quotes
                found = [" ".join(found)] if found else []
            for term in found:
                size = len(words_of(term))
                if size == 0 or size > budget:
                    continue
                budget -= size
                (terms.phrases if size > 1 else terms.words).append(term)
        return terms

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def normalised(self):
        """The terms as one lower-case string, for matching search promotions."""
        return " ".join([*self.words, *self.phrases]).lower()

    def query(self):
        """A Wagtail search query: every word, and every phrase as a phrase."""
        parts = []
        if self.words:
            parts.append(PlainText(" ".join(self.words), operator="and"))
        parts.extend(Phrase(phrase) for phrase in self.phrases)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)
