"""Issue 16: what counts as a claim, who counts as a source, and the claims scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.entities.claims import _NOT_SUBJECT, extract, named_source
from newsreel.entities.claims_eval import read_claims_gold, score_claims
from newsreel.entities.stage import sentence_starts
from newsreel.errors import ConfigError
from newsreel.models import ClaimRow


def values(text: str, **options: bool) -> dict[float, str | None]:
    claims, _ = extract(text.split(), [0], None, **options)
    return {c.value: c.subject for c in claims}


def test_a_claim_needs_a_counted_noun_phrase() -> None:
    assert values("is it one? or two or maybe they said three") == {}
    assert values("we saw one or two boats and 40 Israeli hostages") == {40: "Israeli hostages"}


def test_durations_ages_and_rankings_are_not_counts_unless_asked() -> None:
    text = "for six months aged 33 a 36 year old in the top 10 leagues with 12 boats"
    assert values(text) == {12: "boats"}
    assert 6 in values(text, durations=True)


def test_caption_number_forms() -> None:
    assert values("a capacity of 80 000 people") == {80_000: "people"}
    assert values("more than three dozen workers") == {36: "workers"}
    assert 2_500 in values("another 2 and a half thousand or so tower blocks")
    assert values("three to four bodies arrive") == {3: "bodies arrive", 4: "bodies arrive"}


def test_attribution_is_a_named_source_or_a_known_source_phrase() -> None:
    assert named_source("the article never".split()) is None
    assert named_source(["who"]) is None
    assert named_source(["Officials"], start_of_sentence=True) is None
    assert named_source("Airport officials".split(), start_of_sentence=True) == "Airport officials"
    assert named_source(["Police"], start_of_sentence=True) == "Police"
    assert named_source("the UK government has".split()) == "the UK government"
    claims, _ = extract("the article never said 40 soldiers died".split(), [0])
    assert claims and claims[0].attribution is None


def test_a_source_that_found_something_out_and_a_sentence_that_goes_on() -> None:
    forms = (
        "The BBC has learned there are more than 500 illegal waste sites. "
        "And at least 11 sites hold 20,000 tons of waste. Then 30 lorries came in."
    ).split()
    claims, quotes = extract(forms, sentence_starts(forms))
    sources = {c.value: c.attribution for c in claims}
    assert sources == {500: "The BBC", 11: "The BBC", 20_000: "The BBC", 30: None}
    assert quotes == []  # finding out is not saying


@given(
    st.lists(
        st.sampled_from(
            "40 one two or ? they said according to the 000 and a half "
            "thousand million percent people Police years".split()
        ),
        max_size=30,
    )
)
def test_claims_stay_in_bounds_and_subjects_are_noun_phrases(words: list[str]) -> None:
    claims, quotes = extract(words, [0] if words else [])
    for c in claims:
        assert 0 <= c.start < c.end <= len(words) and c.value >= 0
        assert c.subject is None or c.subject.split()[0].lower() not in _NOT_SUBJECT
    for q in quotes:
        assert 0 <= q.speaker_start < q.speaker_end <= q.start <= q.end <= len(words)


def row(video: str, value: float, subject: str | None, source: str | None) -> ClaimRow:
    return ClaimRow(video, 0, 1, value, str(value), subject, source, "")


def test_score_claims_value_and_full_matches() -> None:
    gold = [
        {"video_id": "v", "value": 40, "subject": "Israeli hostages", "attribution": "UN"},
        {"video_id": "v", "value": 7, "subject": "boats", "attribution": None},
    ]
    found = [row("v", 40, "hostages", "the UN"), row("v", 7, "cars", None), row("v", 3, "x", None)]
    found.append(row("other", 7, "boats", None))  # a video the gold does not cover
    scores = score_claims(found, gold)
    assert scores["value"]["correct"] == 2 and scores["value"]["predicted"] == 3
    assert scores["full"]["correct"] == 1 and scores["full"]["recall"] == 0.5


def test_claims_gold_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        read_claims_gold(bad)
    bad.write_text(json.dumps({"items": [{"value": 3}]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="video_id"):
        read_claims_gold(bad)
    gold = Path(__file__).resolve().parents[2] / "bench" / "gold" / "claims_corpus.json"
    dev, test = read_claims_gold(gold, "dev"), read_claims_gold(gold, "test")
    assert len(dev) + len(test) == 194 and not {g["video_id"] for g in dev} & {
        g["video_id"] for g in test
    }
