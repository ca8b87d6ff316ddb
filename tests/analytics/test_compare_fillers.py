"""Distinctive words are what an outlet tells, not how it talks (stop 61 review)."""

from __future__ import annotations

from newsreel.analytics.compare import ngrams


def test_verbs_of_talking_to_the_viewer_are_never_counted() -> None:
    counts = ngrams("Welcome back. I want to ask you what you mean. Let me come to Qatar.")
    assert "qatar" in counts
    assert not {"welcome", "want", "ask", "mean", "let", "come"} & set(counts)
    assert not any(w in term.split() for term in counts for w in ("welcome", "ask"))
