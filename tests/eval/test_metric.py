"""The benchmark metric on hand-computed cases."""

from __future__ import annotations

import pytest

from ingest.eval.metric import PageScore, score_page, shingles, summarize


def test_shingles_are_four_token_multisets() -> None:
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }


def test_tokens_are_unicode_words_and_case_sensitive() -> None:
    assert shingles("Привет, мир! — x_1 y") == {("Привет", "мир", "x_1", "y"): 1}
    assert shingles("A b c d") != shingles("a b c d")


def test_short_text_is_one_short_shingle_and_empty_is_none() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("  ,.; ") == {}


def test_page_counts_are_normalized_by_their_sum() -> None:
    # true: 1 2 3 4 5 → (1234)(2345); pred: 1 2 3 4 9 → (1234)(2349): TP 1, FP 1, FN 1.
    score = score_page("1 2 3 4 5", "1 2 3 4 9")
    assert (score.tp, score.fp, score.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)


def test_repeated_shingles_count_as_a_multiset() -> None:
    # pred has 5 shingles, (a b c d) twice; true has it once: TP 1, FP 4 (the repeat and three
    # seams), FN 0, each divided by 5.
    score = score_page("a b c d", "a b c d a b c d")
    assert (score.tp, score.fp, score.fn) == pytest.approx((0.2, 0.8, 0.0))


def test_empty_output_scores_zero_recall_and_is_left_out_of_precision() -> None:
    scores = [score_page("a b c d", ""), score_page("a b c d", "a b c d")]
    summary = summarize(scores, ["", "a b c d"])
    assert summary.precision == 1.0  # only the page with output counts
    assert summary.recall == pytest.approx(0.5)
    assert summary.f1 == pytest.approx(2 * 0.5 / 1.5)
    assert summary.empty == 1
    assert summary.mean_page_f1 == pytest.approx(0.5)


def test_precision_and_recall_are_means_over_pages() -> None:
    scores = [PageScore(0.5, 0.5, 0.0), PageScore(0.25, 0.0, 0.75)]
    summary = summarize(scores, ["x", "y"])
    assert summary.precision == pytest.approx((0.5 + 1.0) / 2)
    assert summary.recall == pytest.approx((1.0 + 0.25) / 2)
    assert summary.f1 == pytest.approx(2 * 0.75 * 0.625 / (0.75 + 0.625))


def test_both_empty_page_counts_for_neither_mean() -> None:
    summary = summarize([score_page("", ""), score_page("a b c d", "a b c d")], ["", "a b c d"])
    assert (summary.precision, summary.recall) == (1.0, 1.0)
