"""Property tests over the pure parsers (bounded examples, seconds in CI): hostile, random and
mutated real inputs only ever raise our documented errors, finish fast, and leave no script,
``javascript:`` or event handler in any output field. The long run is ``fuzz/atheris_fuzz.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.targets import CHECKS, check_extract, check_feed, check_parse_datetime, check_sitemap
from tests.conftest import SNAPSHOT

FAST = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
WORDS = st.text(
    alphabet=st.sampled_from(
        "абвгдеєжзиіїйклмнопрстуфхцчшщьюяabcdefghijklmnopqrstuvwxyz .,!?-—«»0123456789"
    ),
    min_size=0,
    max_size=120,
)
HOSTILE = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/a.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">link</a>', '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<link rel="canonical" href="javascript:alert(1)">', '<meta property="og:image" content="javascript:x">',
    '<meta property="og:url" content="javascript:alert(1)">', "<svg onload=alert(1)>", "<body onload=x()>",
    "<iframe src=javascript:alert(1)></iframe>", "<style>p{color:red}</style>", "<!-- <script>x</script> -->",
    '<div onclick="steal()">Текст новости о событии в городе.</div>', "<p>", "</div></div>", "<title>",
    '<script type="application/ld+json">{"headline": "<script>x</script>"}</script>', "<![CDATA[<script>]]>",
    "<noscript><script>x</script></noscript>", "<textarea><script>x</script>", "&lt;script&gt;",
]  # fmt: skip
FRAGMENT = st.one_of(
    st.sampled_from(HOSTILE),
    WORDS.map(lambda t: f"<p>{t}</p>"),
    WORDS.map(lambda t: f"<h1>{t}</h1>"),
    WORDS.map(lambda t: f'<meta property="og:title" content="{t}">'),
    WORDS,
)
PAGES = st.lists(FRAGMENT, max_size=40).map(
    lambda parts: (
        "<html><head><title>Заголовок</title></head><body><article>"
        + "".join(parts)
        + "</article></body></html>"
    )
)
REAL = sorted((SNAPSHOT / "korrespondent.net").rglob("*.html"))[:8]
FEEDS = sorted((SNAPSHOT / "k.img.com.ua").rglob("*.xml"))[:3]
SITEMAPS = sorted(SNAPSHOT.rglob("*sitemap*.xml"))[:3]


def _mutate(files: list[Path]) -> st.SearchStrategy[bytes]:
    """A real file with bytes cut, inserted and overwritten, as a broken server would send it."""

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(files[draw(st.integers(0, len(files) - 1))].read_bytes())
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, max(0, len(data) - 1)))
            op = draw(st.sampled_from(["cut", "insert", "flip", "hostile"]))
            if op == "cut":
                del data[at : at + draw(st.integers(1, 2000))]
            elif op == "insert":
                data[at:at] = draw(st.binary(max_size=64))
            elif op == "flip" and data:
                data[at] = draw(st.integers(0, 255))
            else:
                data[at:at] = draw(st.sampled_from(HOSTILE)).encode()
        return bytes(data)

    return mutated()


@FAST
@given(PAGES)
def test_extract_hostile_pages(page: str) -> None:
    check_extract(page.encode())


@FAST
@given(_mutate(REAL))
def test_extract_mutated_real_pages(data: bytes) -> None:
    check_extract(data)


@pytest.mark.parametrize("name", sorted(CHECKS))
@FAST
@given(data=st.binary(max_size=2048))
def test_every_target_on_random_bytes(name: str, data: bytes) -> None:
    CHECKS[name](data)


@FAST
@given(st.text(max_size=200))
def test_parse_datetime_any_text(text: str) -> None:
    check_parse_datetime(text.encode())


@FAST
@given(_mutate(FEEDS))
def test_feed_mutated(data: bytes) -> None:
    check_feed(data)


@FAST
@given(_mutate(SITEMAPS))
def test_sitemap_mutated(data: bytes) -> None:
    check_sitemap(data)


def test_the_checks_catch_unsafe_output() -> None:
    from fuzz.targets import UnsafeOutput, assert_safe

    for bad in ("x <script>y", "javascript:alert(1)", '<img src=x onerror="y">'):
        with pytest.raises(UnsafeOutput):
            assert_safe({"field": [bad]})
    assert_safe({"body": "one=1 and onion=2 are prose"})


def test_regressions_found_by_atheris() -> None:
    """A namespace containing "}" made lxml's QName raise out of the feed and sitemap parsers."""
    check_sitemap(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitem<ap/0.9}urlset"><url/></urlset>'
    )
    check_feed(b'<rss xmlns="a}b"><item><link>x</link></item></rss>')
    check_parse_datetime("Сегодня, 25:99".encode())  # time(25, 99) raised ValueError
    CHECKS["archive"](b"</\x00")
    page = (REAL[0].read_bytes()).replace(b'src="https://', b'src="http://[', 1)
    check_extract(page)  # urljoin raised ValueError on an image URL with a broken IPv6 host
    check_feed(b"<rss><item><link>http://[x</link></item></rss>")  # the same, in a feed link
    # lxml: "Document is empty" escaped archive_links
    check_extract(b"<html><head><title>Broken <script>alert(1)</script> <p>" + b"text " * 40)


@pytest.mark.parametrize("path", sorted(Path(__file__).with_name("crashes").iterdir()), ids=str)
def test_saved_atheris_crashes(path: Path) -> None:
    """Inputs atheris once crashed on, replayed as ``fuzz/atheris_fuzz.py all`` reads them (first
    byte picks the target): unsafe titles, QName on a bad namespace, control chars in a tail."""
    data = path.read_bytes()
    checks = list(CHECKS.values())
    checks[data[0] % len(checks)](data[1:])
