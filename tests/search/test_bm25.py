"""Term frequencies read back from the index's BM25 scores equal the counts in the
text, for words and phrases, short and long transcripts (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.analytics.counting import matcher, occurrences
from newsreel.models import IndexedVideo
from newsreel.search.bm25 import field_lengths, invert
from newsreel.search.fulltext import FullText

WORDS = ["gaza", "rafah", "talks", "the", "hostage", "said", "cairo", "strip"]


def _video(tid: int, text: str) -> IndexedVideo:
    return IndexedVideo(tid, f"v{tid:010d}", "title", text, None, None, None, None, True)


def test_field_lengths_follow_tantivys_steps() -> None:
    table = field_lengths()
    assert len(table) == 256 and list(table[:41]) == list(range(41))
    assert list(table[41:50]) == [42, 44, 46, 48, 50, 52, 54, 56, 60]
    assert table[-1] == 2_013_265_944  # the longest length tantivy scores
    assert np.all(np.diff(table) > 0)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=60),
            st.integers(0, 3000),  # filler words: lengths over the table's coarse steps
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([("gaza",), ("the",), ("gaza", "strip"), ("rafah", "talks")]),
)
def test_frequencies_from_scores_equal_counts_in_the_text(
    docs: list[tuple[list[str], int]], pattern: tuple[str, ...]
) -> None:
    texts = [" ".join(words + ["filler"] * filler) for words, filler in docs]
    index = FullText(None)
    index.add(_video(n + 1, text) for n, text in enumerate(texts))
    ids, scores, idf, avgdl = index.scored(pattern)
    counts = {n + 1: occurrences(t, matcher([(pattern, False)])) for n, t in enumerate(texts)}
    assert sorted(ids) == sorted(t for t, c in counts.items() if c)
    lengths = np.array([len(texts[t - 1].split()) for t in ids], dtype=np.float64)
    tf, resolved = invert(np.array(scores), lengths, idf, avgdl)
    for tid, freq, ok in zip(ids, tf.tolist(), resolved.tolist(), strict=True):
        if ok:
            assert freq == counts[tid]


def test_most_transcripts_of_realistic_length_are_resolved() -> None:
    """Transcripts of hundreds to thousands of words: nearly all read back exactly
    (the unresolved few are counted in their text by the caller)."""
    rng = np.random.default_rng(7)
    texts = []
    for _ in range(300):
        words = list(
            rng.choice(["said", "talks", "the", "filler", "cairo"], rng.integers(400, 4000))
        )
        words += ["gaza"] * int(rng.integers(1, 60))
        rng.shuffle(words)
        texts.append(" ".join(words))
    index = FullText(None)
    index.add(_video(n + 1, text) for n, text in enumerate(texts))
    for pattern in [("gaza",), ("the",)]:
        ids, scores, idf, avgdl = index.scored(pattern)
        lengths = np.array([len(texts[t - 1].split()) for t in ids], dtype=np.float64)
        tf, resolved = invert(np.array(scores), lengths, idf, avgdl)
        counts = [texts[t - 1].split().count(pattern[0]) for t in ids]
        assert resolved.mean() >= 0.9
        assert all(f == c for f, c, ok in zip(tf, counts, resolved, strict=True) if ok)
