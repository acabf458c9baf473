"""Every storage test runs on both backends: an SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.article import Article, Image, content_hash
from tests.pgcluster import PgCluster


@pytest.fixture(params=["sqlite", "postgresql"])
def new_location(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A factory of empty store locations of the parametrized backend."""
    if request.param == "sqlite":
        names = iter(range(1000))
        return lambda: str(tmp_path / f"store{next(names)}.sqlite")
    cluster: PgCluster = request.getfixturevalue("postgres_server")
    return cluster.new_database


@pytest.fixture
def location(new_location: Callable[[], str]) -> str:
    """One empty store location of the parametrized backend."""
    return new_location()


def make_article(n: int, body: str = "Первый абзац.\nВторой абзац.", **fields: object) -> Article:
    """A korrespondent-like article number ``n``."""
    url = f"https://korrespondent.net/world/{4600000 + n}-slug/"
    values: dict[str, object] = dict(
        url=url,
        canonical_url=url,
        source="korrespondent",
        source_article_id=str(4600000 + n),
        language="ru",
        title=f"Заголовок {n}",
        body=body,
        authors=["Иван Петров"],
        tags=["Украина"],
        images=[Image("https://kor.ill.in.ua/m/610x385/1.jpg", "Подпись", "Reuters")],
        published_at="2026-11-20T07:15:00+00:00",
        fetched_at="2026-11-20T10:30:00+00:00",
        content_hash=content_hash(body),
    )
    values.update(fields)
    if "body" in fields:
        values["content_hash"] = content_hash(str(fields["body"]))
    return Article(**values)  # type: ignore[arg-type]
