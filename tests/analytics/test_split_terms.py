"""Trend terms from one comma-separated string."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreel.analytics.trends import split_terms

WORDS = st.text(alphabet=st.sampled_from("abc ,:"), max_size=30)


@given(WORDS)
def test_without_quotes_every_comma_splits(text: str) -> None:
    assert split_terms(text) == [t.strip() for t in text.split(",") if t.strip()]


def test_a_comma_inside_quotes_is_part_of_its_term() -> None:
    """Regression (review): an entity renamed "Washington, D.C." could not be trended:
    its link was split into 'entity:Washington' and 'D.C.'."""
    assert split_terms('entity:"Washington, D.C.", Gaza') == ['entity:"Washington, D.C."', "Gaza"]
    assert split_terms('"Gaza, Strip", Rafah') == ['"Gaza, Strip"', "Rafah"]
    assert split_terms('"unclosed, x') == ['"unclosed, x']  # the query parser says why
