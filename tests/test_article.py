"""The record's plain form: ``to_dict`` is what ``dataclasses.asdict`` gives, in new containers."""

from __future__ import annotations

import dataclasses

from ingest.article import Article, Image, content_hash


def _full() -> Article:
    body = "Первый абзац.\nВторой абзац."
    return Article(
        url="https://korrespondent.net/world/4600001-slug/",
        canonical_url="https://korrespondent.net/world/4600001-slug/",
        source="korrespondent",
        title="Заголовок",
        body=body,
        authors=["Иван Петров", "Ольга Сидоренко"],
        published_at="2026-11-20T07:15:00+00:00",
        tags=["Украина"],
        images=[
            Image("https://kor.ill.in.ua/m/1.jpg", "Подпись", "Reuters"),
            Image("https://kor.ill.in.ua/m/2.jpg"),
        ],
        content_hash=content_hash(body),
        translations=["https://ua.korrespondent.net/world/4600001-slug/"],
        duplicate_of=None,
    )


def test_to_dict_equals_asdict_field_for_field_and_in_order() -> None:
    for article in (_full(), Article(url="https://korrespondent.net/a/")):
        got, want = article.to_dict(), dataclasses.asdict(article)
        assert got == want
        assert list(got) == list(want)
        assert Article.from_dict(got) == article


def test_to_dict_shares_no_list_or_image_with_the_article() -> None:
    article = _full()
    data = article.to_dict()
    data["authors"].append("X")
    data["images"][0]["caption"] = "changed"
    data["translations"].clear()
    assert article.authors == ["Иван Петров", "Ольга Сидоренко"]
    assert article.images[0].caption == "Подпись"
    assert article.translations
