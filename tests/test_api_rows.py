"""The public API returns typed rows: no ``dict[str, Any]`` in an ``Archive`` signature
but at the documented JSON/export edge, and every row's ``to_dict()`` is plain JSON."""

from __future__ import annotations

import inspect
import json
import typing
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from newsreel import api
from newsreel.api import Archive
from newsreel.rows import (
    ClaimRow,
    Comparison,
    DistinctiveTerm,
    EntityProfile,
    EntityRow,
    OutletClaim,
    OutletCoverage,
    StoryRow,
    StoryVideo,
    VideoRef,
)

# The JSON/export edge: ``table`` yields one flat export row per video (columns vary with
# the archive's extra metadata), which ``export`` and ``to_pandas`` write as they are;
# ``table_rows`` the flat export rows of an enrichment table (nested values as JSON text),
# which ``export_table`` and ``/api/v1/export?table=`` write.
EDGE = {"table", "table_rows"}
# pandas is imported for type checking only; a stand-in lets its annotations resolve.
NAMESPACE = {"pd": SimpleNamespace(DataFrame=object)}


def _mentions_any_dict(hint: Any) -> bool:
    if typing.get_origin(hint) is dict and typing.get_args(hint) == (str, Any):
        return True
    return any(_mentions_any_dict(arg) for arg in typing.get_args(hint))


def _public_functions() -> list[tuple[str, Any]]:
    methods = [
        (f"Archive.{name}", fn)
        for name, fn in inspect.getmembers(Archive, inspect.isfunction)
        if not name.startswith("_") and name not in EDGE
    ]
    functions = [
        (name, fn)
        for name, fn in inspect.getmembers(api, inspect.isfunction)
        if not name.startswith("_") and fn.__module__ == api.__name__
    ]
    return methods + functions


def test_no_public_api_signature_has_an_untyped_dict() -> None:
    found = _public_functions()
    assert len(found) > 30  # the walk sees the whole API
    offenders = [
        f"{name} {inspect.signature(fn)}"
        for name, fn in found
        if any(
            _mentions_any_dict(hint)
            for hint in typing.get_type_hints(fn, localns=NAMESPACE).values()
        )
    ]
    assert offenders == []


def test_the_check_catches_an_untyped_dict() -> None:
    def rows() -> tuple[int, list[dict[str, Any]]]:
        raise NotImplementedError

    assert _mentions_any_dict(typing.get_type_hints(rows)["return"])
    assert not _mentions_any_dict(dict[str, list[tuple[str, int]]])


def test_edge_is_the_documented_export_rows() -> None:
    hints = typing.get_type_hints(Archive.table)
    assert _mentions_any_dict(hints["return"])  # drop it from EDGE once it is typed


def test_rows_give_plain_json_in_field_order() -> None:
    item = StoryVideo("v1", None, "DW", date(2024, 5, 1), 0.5)
    story = StoryRow(
        7, "floods", date(2024, 5, 1), None, 1, ("DW",), {"DW": 1}, ("v1",), (item,), ("t",)
    )
    listed = story.to_dict()
    assert list(listed) == [
        "story_id",
        "label",
        "start",
        "end",
        "videos",
        "channels",
        "channel_videos",
        "video_ids",
        "items",
        "terms",
        "undated",
    ]
    assert listed["start"] == "2024-05-01" and listed["channels"] == ["DW"]
    assert listed["items"] == [
        {
            "video_id": "v1",
            "title": None,
            "channel": "DW",
            "publish_date": "2024-05-01",
            "similarity": 0.5,
        }
    ]
    assert "items" not in story.to_dict(with_items=False)
    one = replace(story, first_by_outlet=(item,))
    assert one.to_dict()["first_by_outlet"] == listed["items"]
    assert json.loads(json.dumps(listed)) == listed


def test_nested_rows_keep_the_json_shape() -> None:
    entity = EntityRow(3, "Rafah", "LOC", {"Rafah": 2, "Rafa": 1}, 3)
    profile = EntityProfile(3, "Rafah", "LOC", {"Rafah": 2, "Rafa": 1}, 3, (), (), (), ())
    assert profile.to_dict() == {
        **entity.to_dict(),
        "per_outlet_month": [],
        "co_mentioned": [],
        "videos": [],
        "quotes": [],
    }
    claim = OutletClaim("DW", date(2024, 5, 1), "v1", 40.0, "40", "people", None)
    outlet = OutletCoverage(
        "DW", 1, VideoRef("v1", "T", date(2024, 5, 1)), (claim,), (DistinctiveTerm("x", 2.5, 3),)
    )
    data = Comparison("query x", 1, (outlet,)).to_dict()
    assert data["outlets"][0] == {
        "channel": "DW",
        "videos": 1,
        "first": {"video_id": "v1", "title": "T", "publish_date": "2024-05-01"},
        "numbers": [
            {
                "channel": "DW",
                "publish_date": "2024-05-01",
                "video_id": "v1",
                "value": 40.0,
                "text": "40",
                "subject": "people",
                "attribution": None,
                "qualifier": None,
                "said": "40",
            }
        ],
        "distinctive": [{"term": "x", "z": 2.5, "count": 3}],
        "undated": 0,
    }
    assert list(ClaimRow("v", 1, 2, 3.0, "3", None, None, "s").to_dict()) == [
        "video_id",
        "first_word",
        "end_word",
        "value",
        "text",
        "subject",
        "attribution",
        "sentence",
        "channel",
        "publish_date",
        "unit",
        "qualifier",
        "said",  # the number as said (review: only the text output had it)
    ]


@pytest.mark.parametrize(
    ("text", "sentence", "qualifier"),
    [
        ("500", "More than 500 illegal waste dumps were found.", "more than"),
        ("11", "at least 11 people died", "at least"),
        ("10 million", "nearly 10 million viewers", "nearly"),
        ("£150,000", "he lost over £150,000 to gambling", "over"),
        ("1,500", "In 2015 it was just over 1,500.", "just over"),
        ("305 billion", "worth a reported 305 billion pounds", "a reported"),
        ("500", "in 1500 there were 500 people", None),  # not the 500 in 1500
        ("500", "500 people", None),
        ("40", "the 40 hostages", None),
        ("7", "a moreover 7", None),  # a word ending in "over" is no "over"
        ("3", "", None),
    ],
)
def test_a_claim_keeps_the_words_that_bound_its_number(
    text: str, sentence: str, qualifier: str | None
) -> None:
    """Regression (fact-checker review): "more than 500" was stored as 500, "at least
    11" as 11, so a number could not be cited as said; claims now carry a qualifier."""
    from newsreel.rows import claim_qualifier

    assert claim_qualifier(text, sentence) == qualifier
    digits = text.strip("£").replace(",", "")
    value = float(digits) if digits.isdigit() else 305e9  # the number the text says
    row = ClaimRow("v", 1, 2, value, text, None, None, sentence, qualifier=qualifier)
    assert row.said == (f"{qualifier} {text}" if qualifier else text)


def test_a_range_s_first_end_shows_the_scale_said_once_after_the_second() -> None:
    """Regression (user review): "30 to 40,000 US troops" showed "30 US troops" in a
    story's numbers although the claim's value is 30,000."""
    sentence = "there are between 30 to 40,000 US troops in the region"
    row = ClaimRow("v", 3, 4, 30_000.0, "30", "US troops", None, sentence)
    assert row.said == "30 (30,000)"
    priced = ClaimRow("v", 1, 2, 2_500_000.0, "£2.5", None, None, "£2.5 to 3 million")
    assert priced.said == "£2.5 (£2,500,000)"
    assert ClaimRow("v", 1, 2, -5.0, "5", "degrees", None, "minus 5 degrees").said == "5"
    assert ClaimRow("v", 1, 2, 40_000.0, "40,000", None, None, sentence).said == "40,000"
    assert ClaimRow("v", 1, 2, 1.5, "1.5", None, None, "1.5 goals").said == "1.5"


def test_a_claim_says_what_unit_its_number_is_in() -> None:
    """Regression (review): 129 claims had the subject "pounds" or "dollars" and "300
    million | takeover" did not say which; claims now carry a ``unit``."""
    from newsreel.rows import claim_unit

    assert claim_unit("£305 million", "takeover") == "GBP"
    assert claim_unit("1.5 million", "dollars each") == "USD"
    assert claim_unit("80 percent", "of the club") == "percent"
    assert claim_unit("3.5 per cent", None) == "percent"
    assert claim_unit("40", "Israeli hostages") is None
    assert claim_unit("20 billion", "fans who paid dollars") is None  # not next to it


def test_a_claim_s_unit_is_what_follows_it_in_its_sentence() -> None:
    """Regression (review): "for 91 million pounds" with the subject "percent stake in
    Ferrari" was in percent, and "half a million pounds" had no unit."""
    from newsreel.rows import claim_unit

    sentence = "He bought a 10 percent stake in Ferrari for 91 million pounds."
    assert claim_unit("91 million", "percent stake in Ferrari", sentence) == "GBP"
    assert claim_unit("half a million", "pounds to put", "It costs half a million pounds.") == (
        "GBP"
    )
    assert claim_unit("636 million", "revenue", "revenue of 636 million euros.") == "EUR"
    assert claim_unit("40", "hostages", "40 hostages, not 40 dollars") is None
    # a text the sentence does not hold falls back on the subject
    assert claim_unit("1.5 million", "dollars each", "another wording") == "USD"


def test_a_range_s_first_number_is_in_its_last_number_s_unit() -> None:
    """Regression (review): "about 60 to 70%" stored 60 with no unit, "upwards of two to
    three billion dollars" 2 billion with none, "300 million US dollars" none."""
    from newsreel.rows import claim_unit

    said = "the hotel occupancy rate in April was about 60 to 70% My sources"
    assert claim_unit("60", "hotel occupancy rate", said) == "percent"
    said = "upwards of two to three billion dollars from the fund"
    assert claim_unit("two", "from the fund", said) == "USD"
    assert claim_unit("300 million", None, "worth about 300 million US dollars.") == "USD"
    # a range of things counted, or a number and a word after it, has none
    assert claim_unit("5", "people", "between 5 to 10 people died") is None
    assert claim_unit("2", "vote", "the 2 to 1 vote and 50% of them") is None
    assert claim_unit("50", None, "he lost 50 to 60 pounds last year") is None  # weight


def test_pounds_of_weight_are_no_money() -> None:
    """Regression (review): "still lost 50 pounds" and "lose one to two pounds per
    week" were claims in GBP."""
    from newsreel.rows import claim_unit

    assert claim_unit("50", "lost", "He still lost 50 pounds in a year.") is None
    assert claim_unit("seven", "pounds", "A baby weighing seven pounds was born.") is None
    assert claim_unit("two", "pounds", "You can lose one to two pounds per week.") is None
    assert claim_unit("50 million", "lost", "The club lost 50 million pounds.") == "GBP"
    assert claim_unit("50", "pounds", "A ticket costs 50 pounds.") == "GBP"
