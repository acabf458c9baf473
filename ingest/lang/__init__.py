"""Language packs: the words the structural rules look for, one small module per language.

A pack maps a slot of a rule (``read_also``, ``reporting``, ``byline_prefix`` …) to regular
expression alternatives in its language. Rules are written once with ``{slot}`` holes and
compiled per set of languages (:func:`vocabulary`); a page in a language without a pack gets
the structural rules with the English and universal words only, and nothing else changes.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import import_module

from ingest.lang.universal import UNIVERSAL

Words = dict[str, tuple[str, ...]]

PACK_CODES = ("en", "ru", "uk", "de", "fr", "es", "pt", "it", "pl", "nl")
# Cyrillic editions of one outlet mix Russian and Ukrainian phrases: their packs go together.
_TOGETHER = {"ru": ("ru", "uk"), "uk": ("ru", "uk")}
NEVER = "(?!)"  # the alternatives of a slot no chosen pack fills: matches nothing
# Every slot a rule reads; a pack filling another is a typo (checked by the tests).
SLOTS = frozenset(
    """read_also read_also_weak network subscribe us_or_ours channel follow us more news read_on
    on our our_adj and we_are our_page reporting ad_label ad_footer photo_label photo
    photo_illustrative illustrative_photo photo_alone photo_agency source_label source_phrase
    profession bio_intro bio_own bio_as bio_is bio_mark byline_prefix name_and date_word
    date_word_bare month""".split()
)


@cache
def pack(code: str) -> Words:
    """The words of one language pack (``ingest.lang.<code>.WORDS``)."""
    if code not in PACK_CODES:
        return {}
    words: Words = import_module(f"ingest.lang.{code}").WORDS
    return words


def codes_for(language: str | None) -> tuple[str, ...]:
    """The packs a page in ``language`` uses: its own (with its Cyrillic sibling) and English,
    the language of web chrome everywhere; every pack when the language is not known."""
    if not language:
        return PACK_CODES
    own = _TOGETHER.get(language, (language,) if language in PACK_CODES else ())
    return tuple(dict.fromkeys(("en", *own)))


@lru_cache(maxsize=64)
def vocabulary(codes: tuple[str, ...]) -> dict[str, str]:
    """Slot → one alternation of the slot's words in the packs ``codes`` and the universal ones."""
    merged: dict[str, list[str]] = {}
    for words in (UNIVERSAL, *(pack(c) for c in codes)):
        for slot, alternatives in words.items():
            bucket = merged.setdefault(slot, [])
            # Patterns are verbose (spaces ignored): a space in a phrase means any whitespace.
            spaced = (a.replace(" ", r"\s+") for a in alternatives)
            bucket.extend(a for a in spaced if a not in bucket)
    return {slot: "|".join(alts) if alts else NEVER for slot, alts in merged.items()}


def words_of(slot: str, codes: tuple[str, ...]) -> str:
    """The alternation of one slot (``NEVER`` when no pack of ``codes`` fills it)."""
    return vocabulary(codes).get(slot, NEVER)
