"""The field and snippet metrics of the labelled sets on hand-computed cases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.eval import dates, fields, traf
from ingest.eval.sample import Output, Sample

WHEN = datetime(2024, 1, 1, tzinfo=UTC)


def test_bag_counts_cjk_characters_one_token_each() -> None:
    assert fields.bag("Tokyo 東京都 Abc") == {"tokyo": 1, "東": 1, "京": 1, "都": 1, "abc": 1}


def test_bag_f1_is_a_multiset_f1() -> None:
    # true {a:2, b:1}, pred {a:1, c:1}: common 1, P 1/2, R 1/3 → F1 0.4
    assert fields.bag_f1("a a b", "A c") == pytest.approx(0.4)
    assert fields.bag_f1("", "") == 1.0 and fields.bag_f1("a", "") == 0.0


def test_title_normalises_unicode_quotes_and_spaces() -> None:
    assert fields.title_exact("Mexico ‘fights’  back\xa0", "Mexico 'fights' back") == 1.0
    assert fields.title_exact("ﬁne day", "fine day") == 1.0  # NFKC
    assert fields.title_exact("Fine day", "fine day") == 0.0


def test_authors_are_a_casefolded_set_and_nobody_shared_scores_zero() -> None:
    assert fields.authors_f1(["Ann Lee", "Bo Ek"], ["ann  lee"]) == pytest.approx(2 / 3)
    assert fields.authors_f1([], []) == 0.0


def test_same_day_reads_the_day_in_the_labels_offset() -> None:
    gold = "2024-03-04 23:30:00+02:00"
    assert fields.same_day(gold, "2024-03-04T21:30:00+00:00") == 1.0  # the 4th in +02:00
    assert fields.same_day(gold, "2024-03-05T00:10:00+02:00") == 0.0
    assert fields.same_day(gold, "2024-03-04") == 1.0
    assert fields.same_day(gold, None) == 0.0


def test_same_instant_allows_a_minute() -> None:
    gold = "2024-03-04 23:30:00+02:00"
    assert fields.same_instant(gold, "2024-03-04T21:30:59+00:00") == 1.0
    assert fields.same_instant(gold, "2024-03-04T21:31:01+00:00") == 0.0
    assert fields.same_instant(gold, "2024-03-04T21:30:00+0000") == 1.0


def test_language_is_right_when_it_is_one_of_the_publishers() -> None:
    assert fields.language_right(["de", "en"], "en-GB") == 1.0
    assert fields.language_right(["de"], "") == 0.0


def _traf(with_: tuple[str, ...], without: tuple[str, ...]) -> Sample:
    return Sample("p", "", b"", WHEN, (with_, without))


def test_snippets_are_pooled_over_pages() -> None:
    samples = [_traf(("one two", "three"), ("ad",)), _traf(("four",), ("menu", "footer"))]
    outputs = [Output(text="one\ntwo ad"), Output(text="")]
    # page 1: TP 1 (one two, across a newline), FN 1, FP 1; page 2: FN 1, TN 2
    got = traf.figures(samples, outputs)
    assert got["precision"] == pytest.approx(1 / 2)
    assert got["recall"] == pytest.approx(1 / 3)
    assert got["f1"] == pytest.approx(0.4)
    assert got["refused"] == 1


def test_a_page_with_no_date_counts_as_wrong() -> None:
    samples = [Sample(str(i), "", b"", WHEN, "2024-03-04") for i in range(3)]
    outputs = [
        Output(published="2024-03-04T23:50:00+01:00"),
        Output(),
        Output(published="2024-03-05"),
    ]
    assert dates.figures(samples, outputs) == {"day_exact": pytest.approx(1 / 3), "no_date": 1}
