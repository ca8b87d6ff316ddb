"""Issue 16: the BBC story gold, time support, drift and labels."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsreel.cli import main
from newsreel.errors import ConfigError
from newsreel.stories.evaluate import eval_stories, read_gold
from newsreel.stories.features import headline
from newsreel.stories.grouping import Grouper, Item, Story
from newsreel.stories.stage import label_names, label_of

GOLD = Path(__file__).resolve().parents[2] / "bench" / "gold" / "stories_bbc.json"


def test_the_bbc_story_gold_reads_with_dates_and_splits() -> None:
    items = read_gold(GOLD)
    assert len(items) == 203 and {i.split for i in items} == {"dev", "test"}
    assert all(i.day is not None and not i.has_text for i in items)


def test_story_list_without_texts_or_with_bad_fields_fails(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--corpus"):
        eval_stories(GOLD, split="dev")
    bad = tmp_path / "g.json"
    bad.write_text(json.dumps({"items": [{"video_id": "a"}]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="'story'"):
        read_gold(bad)
    bad.write_text(json.dumps({"items": [{"video_id": "a", "story": "s", "date": "May"}]}))
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        read_gold(bad)
    with pytest.raises(ConfigError, match="split 'nope'"):
        eval_stories(GOLD, split="nope")
    with pytest.raises(ConfigError, match="no transcript found"):
        eval_stories(GOLD, split="dev", texts=lambda ids: {})


def test_eval_stories_cli_bad_input() -> None:
    result = CliRunner().invoke(main, ["eval", "stories", "--gold", str(GOLD)])
    assert result.exit_code == 1 and "--corpus" in result.stderr


def test_gold_items_alone_with_texts() -> None:
    items = [i for i in read_gold(GOLD) if i.split == "dev"]
    texts = {i.key: i.title for i in items}
    scores = eval_stories(GOLD, split="dev", texts=lambda ids: texts)
    assert scores["items"] == 112  # every dev item, its title standing in for the text


def test_undated_videos_never_date_a_story_and_dated_ones_need_time() -> None:
    grouper = Grouper()
    vec = {"rafah": 0.8, "crossing": 0.6}
    undated, _ = grouper.place(Item(1, vec, None, None))
    dated, _ = grouper.place(Item(2, vec, date(2024, 5, 1), None))
    assert dated != undated and grouper.stories[undated].start is None
    later, _ = grouper.place(Item(3, vec, date(2024, 5, 3), None))
    far, _ = grouper.place(Item(4, vec, date(2025, 5, 3), None))
    assert later == dated and far != dated
    assert Story(9, {}).takes(date(2024, 1, 1), grouper.window)


def test_labels_have_no_duplicate_names_or_caption_clock_junk() -> None:
    assert label_names(["Jeff Jeffrey Epstein", "Epstein", "Keir Starmer"]) == [
        "Jeffrey Epstein",
        "Keir Starmer",
    ]
    assert label_of(["Jeffrey Epstein"], ["00pm", "edt", "files", "release"]) == (
        "Jeffrey Epstein · files · release"
    )
    assert headline("UK and France unveil new deal | BBC News") == "UK and France unveil new deal"


def test_labels_do_not_repeat_their_names_in_part_or_kin() -> None:
    label = label_of(["TikTok", "Britain"], ["tik", "tok", "british", "ban", "app"])
    assert label == "TikTok · Britain · ban · app"
    assert label_names(["Russia", "Russian", "Volodymyr Zelensky"]) == [
        "Russia",
        "Volodymyr Zelensky",
    ]
    assert label_names(["Iranians", "Iran"]) == ["Iranians"]  # the first one stays
    assert label_names(["Britain", "British", "Jim Ratcliffe"]) == ["Britain", "Jim Ratcliffe"]
    assert label_names(["Russia", "Russell Brand"]) == ["Russia", "Russell Brand"]


def test_a_label_term_of_an_entity_stands_as_its_name() -> None:
    entities = ["Jeffrey Epstein", "Keir Starmer", "Peter Mandelson", "Morgan McSweeney"]
    label = label_of(
        ["Jeffrey Epstein", "Keir Starmer"], ["mandelson", "peter", "emails"], entities
    )
    assert label == "Jeffrey Epstein · Keir Starmer · Peter Mandelson · emails"
    # a term that is part of a name shown is no term of its own
    label = label_of(["American", "Chinese"], ["tiktok", "tok", "app"], ["TikTok"])
    assert label == "American · Chinese · TikTok · app"
    # a first word is no surname: "gaza" is no "Gaza City"
    assert label_of(["Cairo"], ["gaza", "key"], ["Cairo", "Gaza City"]) == "Cairo · Gaza · key"
    # a term of no entity stays a term
    assert (
        label_of(["Iran"], ["nuclear", "talks", "oman"], ["Iran"])
        == "Iran · nuclear · talks · oman"
    )


def test_a_label_says_a_name_once_and_not_as_misheard() -> None:
    # the longer name of a shown one stands in its place, not beside it
    entities = ["Saudi Arabia", "Newcastle", "Newcastle United"]
    label = label_of(["Saudi Arabia", "Newcastle"], ["united", "takeover", "club"], entities)
    assert label == "Saudi Arabia · Newcastle United · takeover · club"
    label = label_of(["Palestine"], ["ban", "action", "court"], ["Palestine", "Palestine Action"])
    assert label == "Palestine Action · ban · court"
    # a term that is a shown name as captions mishear it is no term of its own
    label = label_of(["Andy Burnham", "UK"], ["bernham", "election", "mayor"], ["Andy Burnham"])
    assert label == "Andy Burnham · UK · election · mayor"
    # a word like a name but not heard as it stays ("iraq" beside "Iran")
    assert label_of(["Iran"], ["iraq", "talks"], ["Iran"]) == "Iran · iraq · talks"
    # two names that share a word but neither holds the other both stand
    label = label_of(["Manchester United"], ["newcastle", "takeover"], ["Newcastle United"])
    assert label == "Manchester United · Newcastle · takeover"
    label = label_of(["Manchester United", "Newcastle United"], ["takeover"], [])
    assert label == "Manchester United · Newcastle United · takeover"
    entities = ["Prince of Wales", "Bank of England"]
    assert "Bank of England" in label_of(["Prince of Wales"], ["england", "rates"], entities)
    # of two spellings of one word, the first shown stays
    assert label_of(["Iran"], ["burnham", "bernham", "talks"], []) == "Iran · burnham · talks"


def test_two_names_that_share_a_word_both_name_a_story() -> None:
    """Review: a name sharing any word with an earlier one was dropped ("Newcastle
    United" beside "Manchester United")."""
    names = ["Manchester United", "Newcastle United", "Premier League"]
    assert label_names(names) == names
    assert label_names(["Jeffrey Epstein", "Epstein"]) == ["Jeffrey Epstein"]  # one inside


def test_a_label_has_no_number_words_and_keeps_a_phrase_whole() -> None:
    """Review (stop 69): "China · UK · minister · prime", "Canada · Mark Carney · killed ·
    nine", "Bangladesh · ... · first · BNP"."""
    assert label_of(["China", "UK"], ["minister", "prime", "visit"]) == (
        "China · UK · prime minister · visit"
    )
    assert label_of(["Canada", "Mark Carney"], ["killed", "nine", "shooting"]) == (
        "Canada · Mark Carney · killed · shooting"
    )
    assert label_of(["Bangladesh"], ["first", "election", "bnp"]) == "Bangladesh · election · bnp"
    label = label_of(["Keir Starmer"], ["minister", "cabinet"])
    assert label == "Keir Starmer · minister · cabinet"
    # review (stop 69): "first minister" whole, a number word beside a month kept, and a
    # name's "prime" leaves "minister" a term of its own
    label = label_of(["Scotland", "SNP"], ["first", "minister", "swinney", "budget"])
    assert label == "Scotland · SNP · first minister · swinney"
    assert (
        label_of(["Israel"], ["seven", "october", "attack"]) == "Israel · seven · october · attack"
    )
    assert label_of(["Amazon Prime"], ["prime", "minister", "tv"]) == "Amazon Prime · minister · tv"
