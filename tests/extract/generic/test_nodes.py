"""The fast forms of the element rules decide exactly as the plain ones: class/id words matched
case-sensitively on lowercased ASCII, and one reading of an element's attributes."""

from __future__ import annotations

import lxml.html
import pytest

from ingest.extract.generic.nodes import (
    NEGATIVE,
    NEGATIVE_HINT,
    POSITIVE,
    SKIPPED,
    WEAK_HINT,
    hint,
    hint_strength,
    is_negative,
    is_skipped,
    judge,
    negative_words,
    positive_words,
)

WORDS = [
    "",
    " ",
    "share-box",
    "Share-Box main",
    "ads",
    "ad-slot top",
    "uploads",  # "ads" inside a word is not the word
    "leads ",
    "x-ads",
    "nav",
    "canvas",  # "nav" not at a word start
    "navbar",
    "printer",
    "blueprint",
    "tags",
    "stage",
    "rel",
    "related",
    "meta",
    "metadata",
    "bio",
    "biology",
    "toc",
    "article-body comments",
    "ArticleBody",
    "STORY__BODY",
    "entry_content",
    "KOMMENTAR",  # no word of ours
    "ſhare",  # long s: IGNORECASE matches it to "s", so non-ASCII keeps the slow rule
    "\u212aookie",  # Kelvin sign for K
    "commentaire ünicode",
    "post-meta x",
    "_meta_",
]


@pytest.mark.parametrize("words", WORDS)
def test_word_rules_match_as_ignorecase(words: str) -> None:
    assert negative_words(words) == bool(NEGATIVE.search(words))
    assert positive_words(words) == bool(POSITIVE.search(words))


PAGE = """<html><body><div class="article-body comments"><p class="share">s</p>
<p hidden>h</p><p aria-hidden="true">a</p><p aria-hidden="false" id="related">r</p>
<span role="navigation">n</span><span role="main">m</span><i style="display: none">i</i>
<b style="">b</b><em style="color:red" class="Sidebar">e</em><i class="label-hidden">w</i><main class="comments">c</main>
<blockquote class="twitter-tweet">t</blockquote><p class="" id="">e</p><nav>x</nav><!-- c -->
<a rel="author" class="byline">y</a><u CLASS="Promo">z</u></div></body></html>"""


def test_judge_is_is_skipped_then_is_negative() -> None:
    elements = list(lxml.html.document_fromstring(PAGE).iter())
    assert len(elements) > 15
    seen = set()
    for element in elements:
        want = (
            SKIPPED
            if is_skipped(element)
            else hint_strength(hint(element))
            if is_negative(element)
            else 0
        )
        seen.add(want)
        assert judge(element) == want, lxml.html.tostring(element)
    assert seen == {0, SKIPPED, NEGATIVE_HINT, WEAK_HINT}


@pytest.mark.parametrize(
    ("words", "strength"),
    [
        ("comments", NEGATIVE_HINT),
        ("field field--label-hidden", WEAK_HINT),
        ("paywall", WEAK_HINT),
        ("print:max-w-none", WEAK_HINT),
        ("intro hidden", NEGATIVE_HINT),  # the CSS frameworks' display:none
        ("hidden md:block", WEAK_HINT),  # shown on larger screens
        ("sidebar comments", NEGATIVE_HINT),
        ("embed-responsive prose", 0),  # the typography framework's article class
        ("sidebar-grid__content article__content", 0),
    ],
)
def test_hint_strength_weighs_words(words: str, strength: int) -> None:
    assert hint_strength(words) == strength
