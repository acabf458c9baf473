"""Each snapshot page carries what its expected JSON says, with consistent dates."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta

from ingest.sites.korrespondent import SITE
from tests.data.snapshot_files import (
    RELATIVE,
    captured,
    expected,
    good_urls,
    page,
    text,
)

# ------------------------------------------------------------------------------- page vs expected


def test_pages_carry_what_the_expected_json_says() -> None:
    sel = SITE.selectors
    for url in good_urls():
        exp, tree = expected(url), page(url)
        assert tree.get("lang") == exp["language"]
        assert tree.xpath('//link[@rel="canonical"]/@href') == [url]
        assert tree.xpath('//meta[@property="og:url"]/@content') == [url]
        assert tree.xpath('//meta[@property="og:title"]/@content') == [exp["title"]]
        h1 = tree.cssselect(sel.title)
        assert len(h1) == 1
        labels = [text(e) for e in h1[0].cssselect(sel.title_strip)]
        title = text(h1[0])
        for label in labels:
            title = " ".join(title.replace(label, "", 1).split())
        assert title == exp["title"], url
        body = tree.cssselect(sel.body)[0]
        assert text(body.cssselect(sel.lead)[0]) == exp["lead"]
        page_text = " ".join(body.text_content().split())
        for line in exp["body"].split("\n"):
            assert line in page_text, f"{url}: body line not on the page: {line[:60]}"
        assert [text(a) for a in tree.cssselect(sel.author)] == exp["authors"], url
        assert [text(a) for a in tree.cssselect(sel.tags)] == exp["tags"], url
        imgs = tree.cssselect(sel.image) or tree.cssselect(sel.image_fallback)
        assert [i.get("src") for i in imgs] == [i["url"] for i in exp["images"]], url
        for img in exp["images"]:
            caption = [text(e) for e in tree.cssselect(sel.caption)]
            credit = [text(e) for e in tree.cssselect(sel.credit)]
            assert caption == ([img["caption"]] if img["caption"] else [])
            assert credit == ([f"Фото: {img['credit']}"] if img["credit"] else [])


def test_dates_are_consistent_and_relative_pages_have_no_json_ld() -> None:
    seen_relative = Counter()
    for url in good_urls():
        exp, tree = expected(url), page(url)
        published = datetime.fromisoformat(exp["published_at"])
        local = datetime.fromisoformat(exp["published_at_local"])
        assert exp["published_at"].endswith("+00:00") and exp["published_at_local"].endswith(
            "+02:00"
        )
        assert published == local and published <= captured()
        assert "2026-11-18" <= exp["published_at_local"][:10] <= "2026-11-20"
        if exp["modified_at"]:
            assert published <= datetime.fromisoformat(exp["modified_at"]) <= captured()
        info = text(tree.cssselect(SITE.selectors.info)[0])
        ld = tree.xpath('//script[@type="application/ld+json"]/text()')
        match = RELATIVE.search(info)
        if match:
            seen_relative[exp["language"]] += 1
            assert not ld, f"{url}: a relative-date page must carry no JSON-LD"
            day = (captured() + timedelta(hours=2)).date()
            if match[1] in ("Вчера", "Вчора"):
                day -= timedelta(days=1)
            assert local.date() == day and f"{local:%H:%M}" == f"{match[2]}:{match[3]}", url
            assert exp["modified_at"] is None
        else:
            data = json.loads(ld[0])
            assert data["datePublished"] == exp["published_at_local"], url
            assert data.get("dateModified") == (
                datetime.fromisoformat(exp["modified_at"]).astimezone(local.tzinfo).isoformat()
                if exp["modified_at"]
                else None
            )
            assert f"{local.year}, {local:%H:%M}" in info, url
    assert seen_relative["ru"] >= 2 and seen_relative["uk"] >= 2
