"""Language of a page's text: py3langid (its model ships in the wheel), the page's declaration
kept unless the text clearly contradicts it, and a cheap Cyrillic rule that tells uk from ru.

Ukrainian and Russian share most of Cyrillic, so the letters only one of them uses decide first,
then frequent function words; a declared language breaks ties on short or ambiguous text.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

_MIN_LETTERS = 20
# The identifier contradicts a declaration only when this sure, on at least this many letters.
_CONTRADICTS = 0.999
_MIN_CONTRADICT_LETTERS = 150
_SAMPLE_CHARS = 3000  # enough text to decide; identification cost grows with length
_ALIASES = {"ua": "uk", "ukr": "uk", "rus": "ru", "eng": "en", "by": "be", "bel": "be"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэёъ")
_STOPWORD_TEXT = {
    "uk": "що це та від як але або він вона вони його її який яка які також щоб бо",
    "ru": "что это от как но или он она они его ее её который которая также чтобы и",
    "en": "the and of to in is that for on with was as by are it this from be",
    "de": "der die das und ist nicht mit den von zu sich des auf für dem im",
    "fr": "le la les et des est une du que pour dans pas sur au qui avec",
    "es": "el la los las y que del en por una con para es se al como",
    "it": "il di che la per non una sono del della con gli nel alla",
    "pt": "o que os da do em uma para com não se na no ao das",
    "pl": "i w na nie się z do że jest to jak o przez od dla",
    "nl": "de het een en van is dat niet op met voor zijn te",
}
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORD_TEXT.items()}
# Stopword → the languages it is a stopword of ("de" is Dutch and Spanish), in _STOPWORDS order.
_LANGUAGES_OF = {
    word: tuple(lang for lang, words in _STOPWORDS.items() if word in words)
    for word in set().union(*_STOPWORDS.values())
}
# Scripts that name their language outright (first code point range wins).
_SCRIPTS = (
    ("el", 0x0370, 0x03FF),
    ("he", 0x0590, 0x05FF),
    ("ar", 0x0600, 0x06FF),
    ("hy", 0x0530, 0x058F),
    ("ka", 0x10A0, 0x10FF),
    ("ko", 0xAC00, 0xD7AF),
    ("ja", 0x3040, 0x30FF),
    ("zh", 0x4E00, 0x9FFF),
)


def normalize_language(declared: str | None) -> str:
    """ISO 639-1 code of a declared language ("ru-RU" -> "ru", "ua" -> "uk"), else ""."""
    code = re.split(r"[-_\s]", (declared or "").strip().lower(), maxsplit=1)[0]
    code = _ALIASES.get(code, code)
    return code if len(code) == 2 and code.isalpha() else ""


def detect_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of ``text`` from its letters; ``declared`` decides when evidence is thin."""
    fallback = normalize_language(declared)
    # Count each distinct letter once (in first-seen order, so ties break as before).
    letters = Counter({c: n for c, n in Counter(text.lower()).items() if c.isalpha()})
    if letters.total() < _MIN_LETTERS and fallback:
        return fallback
    scripts: Counter[str] = Counter()
    for char, count in letters.items():
        scripts[_script(char)] += count
    if not scripts:
        return fallback
    script, _ = scripts.most_common(1)[0]
    if script == "cyrillic":
        return _cyrillic(letters, text, fallback)
    if script == "ja" or (script == "zh" and scripts["ja"] * 20 >= scripts["zh"]):
        return "ja"  # kana among the ideographs: Japanese, whatever the ideographs say
    if script in ("ko", "el", "he", "hy", "ka"):
        return script  # the script names the language
    if fallback and letters.total() < _MIN_CONTRADICT_LETTERS and _script_of(fallback) == script:
        return fallback  # too little text to contradict a declaration in the same script
    guess, confidence = identify(text[:_SAMPLE_CHARS])
    if not fallback or guess == fallback or _script_of(fallback) not in (script, None):
        return guess or fallback
    sure = confidence >= _CONTRADICTS and letters.total() >= _MIN_CONTRADICT_LETTERS
    return guess if sure else fallback


@lru_cache(maxsize=64)  # a page asks about its title and body more than once
def identify(text: str) -> tuple[str, float]:
    """py3langid's language of ``text`` and its probability ("" when there is nothing to read)."""
    if not text.strip():
        return "", 0.0
    code, probability = _identifier().classify(text)
    return _LANGID_ALIASES.get(code, code), float(probability)


_LANGID_ALIASES = {"nb": "no", "nn": "no"}
_lock = threading.Lock()
_loaded: list[Any] = []


def _identifier() -> Any:
    """The identifier with normalised probabilities, loaded once per process (about a second)."""
    if not _loaded:
        with _lock:
            if not _loaded:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _loaded.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    return _loaded[0]


def _script_of(language: str) -> str | None:
    """The script a declared language is written in, when we know it (None otherwise)."""
    if language in ("ru", "uk", "be", "bg", "sr", "mk", "kk"):
        return "cyrillic"
    if language in _STOPWORDS or language in _LATIN:
        return "latin"
    return next((lang for lang, _, _ in _SCRIPTS if lang == language), None)


_LATIN = frozenset(
    "cs sk sl hr bs sq ro hu tr az da no nb nn sv fi et lv lt is ga cy mt ms id tl sw "
    "xh zu af ca eu gl vi eo la lb".split()
)


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250:
        return "latin"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    return next((lang for lang, lo, hi in _SCRIPTS if lo <= code <= hi), "other")


def _cyrillic(letters: Counter[str], text: str, fallback: str) -> str:
    """Letters unique to one language first (a 3:1 majority, to survive quotes), then stopwords."""
    if "ў" in letters:
        return "be"
    uk = sum(letters[c] for c in _UK_LETTERS)
    ru = sum(letters[c] for c in _RU_LETTERS)
    if uk > 3 * ru:
        return "uk"
    if ru > 3 * uk:
        return "ru"
    scores = _stopword_scores(text, ("uk", "ru"))
    if scores["uk"] != scores["ru"]:
        return max(scores, key=scores.__getitem__)
    return fallback if fallback in ("uk", "ru", "be", "bg", "sr", "mk", "kk") else "ru"


def _stopword_scores(text: str, langs: tuple[str, ...]) -> dict[str, int]:
    # One look-up per distinct word, not one scan of the words per language.
    scores = dict.fromkeys(langs, 0)
    for word, count in Counter(_WORD.findall(text)).items():
        for lang in _LANGUAGES_OF.get(word.lower(), ()):
            if lang in scores:
                scores[lang] += count
    return scores
