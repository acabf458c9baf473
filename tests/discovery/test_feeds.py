"""Feed parsing: RSS and Atom entries with their metadata; broken feeds yield what survives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from ingest.discovery import feed_entries

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Корреспондент.net</title>
<item><title>Новость один</title><link>https://korrespondent.net/world/4601001-one/</link>
<pubDate>Fri, 20 Nov 2026 09:15:00 +0200</pubDate><category>Мир</category><author>Иван Петров</author></item>
<item><title>Новость два</title><link> /ukraine/4601002-two/ </link></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>One</title><link rel="alternate" href="https://example.com/a"/><link rel="edit" href="https://example.com/edit"/>
<updated>2026-11-20T07:15:00Z</updated><author><name>Jane Roe</name></author><category term="world"/></entry>
</feed>"""


def test_rss_items_carry_their_metadata() -> None:
    entries = feed_entries(RSS, "https://k.img.com.ua/rss/ru/all_news2.0.xml")
    assert [e.url for e in entries] == [
        "https://korrespondent.net/world/4601001-one/",
        "https://k.img.com.ua/ukraine/4601002-two/",
    ]
    first = entries[0]
    assert first.title == "Новость один"
    assert first.published == datetime(2026, 11, 20, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert first.categories == ["Мир"]
    assert first.author == "Иван Петров"
    assert entries[1].published is None


def test_atom_entries_use_the_alternate_link() -> None:
    (entry,) = feed_entries(ATOM, "https://example.com/feed")
    assert entry.url == "https://example.com/a"
    assert entry.author == "Jane Roe"
    assert entry.categories == ["world"]
    assert entry.published == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)


def test_truncated_and_empty_feeds_do_not_raise() -> None:
    assert feed_entries(b"", "https://x/") == []
    assert feed_entries(b"<html><body>not a feed", "https://x/") == []
    truncated = RSS[
        : RSS.index(
            b"<item><title>\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c \xd0\xb4"
        )
    ]
    assert [e.url for e in feed_entries(truncated, "https://x/")] == [
        "https://korrespondent.net/world/4601001-one/"
    ]


def test_entity_declarations_cost_no_item_and_are_reported() -> None:
    from ingest.discovery.feeds import parse_feed
    from tests.discovery.test_sitemaps import _laughs

    links = [f"https://site.example/news/{i}" for i in range(6)]
    items = "".join(
        f"<item><title>t{'&l9;' if i == 2 else ''}</title><link>{link}</link></item>"
        for i, link in enumerate(links)
    )
    document = parse_feed(_laughs("rss") + f"<rss><channel>{items}</channel></rss>".encode(), "")
    assert [e.url for e in document.entries] == links
    assert document.dtd_ignored
