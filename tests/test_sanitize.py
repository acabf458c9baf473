"""Output safety helpers: http(s)-only URLs, the nh3 allowlist sanitizer, defanged text fields."""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.extract import extract
from ingest.sanitize import defang_text, http_url, join_url, sanitize_html

URL = "https://korrespondent.net/world/4601299-test/"


def test_http_url_keeps_only_http_and_https() -> None:
    assert http_url("https://korrespondent.net/x/") == "https://korrespondent.net/x/"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:x",
        "data:text/html,<b>",
        "file:///etc/passwd",
        "//x",
        "",
    ):
        assert http_url(bad) == ""


def test_sanitize_html_keeps_structure_and_drops_active_content() -> None:
    dirty = (
        '<p onclick="x()">Текст <b>важный</b><script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">a</a><a href="https://korrespondent.net/">b</a>'
        '<img src="x" onerror="y()"><iframe src="https://x.example/"></iframe><style>p{}</style>'
    )
    clean = sanitize_html(dirty)
    assert "<p>Текст <b>важный</b></p>" in clean
    assert 'href="https://korrespondent.net/"' in clean
    for bad in ("script", "onclick", "onerror", "javascript", "iframe", "style", "alert"):
        assert bad not in clean.lower(), bad


def test_defang_text_removes_tag_like_runs() -> None:
    assert defang_text("Заголовок <script>alert(1)</script> далее") == "Заголовок  alert(1)  далее"
    assert "javascript:" not in defang_text("see javascript:void(0)")
    assert defang_text("a < b and c > d") == "a < b and c > d"


def test_extract_never_returns_a_javascript_canonical_or_image() -> None:
    page = (
        '<html><head><link rel="canonical" href="javascript:alert(1)">'
        '<meta property="og:image" content="javascript:alert(2)"><title>Тестовый заголовок новости</title></head>'
        "<body><article><h1>Тестовый заголовок новости</h1>"
        + "<p>Первый абзац новости о событиях в городе, достаточно длинный для тела статьи.</p>" * 4
        + "</article></body></html>"
    )
    article = extract(page, URL, datetime(2026, 11, 20, tzinfo=UTC))
    assert article.canonical_url == URL
    assert all(i.url.startswith("http") for i in article.images)


def test_markup_around_an_href_never_reaches_a_stored_url() -> None:
    joined = join_url("https://site.example/a/", '<script>x</script>"https://other.example/b')
    assert "<" not in joined and ">" not in joined and '"' not in joined
    assert joined.startswith("https://site.example/a/")
    assert http_url("https://site.example/a b") == "https://site.example/a%20b"


def test_text_in_angle_brackets_is_not_a_tag() -> None:
    # Titles are often quoted in angle brackets (Korean, Chinese style): their words stay.
    kept = defang_text("It was part of <The Palace: Tale of Jang Noksu> this year")
    assert "The Palace: Tale of Jang Noksu" in kept
    assert "<T" not in kept  # no longer a tag opener for anyone who renders it unescaped
