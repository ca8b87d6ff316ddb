from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreel.search.passages import best_passage, slot_groups, title_matches, youtube_url
from newsreel.search.query import parse_query
from newsreel.search.soundalike import Heard
from newsreel.text import MARK_END, MARK_START

TEXT = (
    "Israel agreed last Friday to send representatives from mosad and shim bit "
    "intelligence services to Cairo to take part in these negotiations"
)
HEARD = Heard(
    {"shin": ["shim"], "mossad": ["mosad"]},
    {"shin": ["shim"], "bet": ["bit"], "mossad": ["mosad"]},
)


def test_a_heard_phrase_is_one_match_with_its_typed_label() -> None:
    groups = slot_groups(parse_query("Shin Bet").node, HEARD)
    passage = best_passage(TEXT, None, groups)
    assert passage.matched_terms == ("shim bit",)
    assert passage.heard_as == (("Shin Bet", "shim bit"),)
    assert f"{MARK_START}shim{MARK_END} {MARK_START}bit{MARK_END}" in passage.snippet


def test_a_phrase_only_variant_does_not_match_alone() -> None:
    groups = slot_groups(parse_query("Bet").node, HEARD)
    assert best_passage(TEXT, None, groups).matched_terms == ()


def test_timed_transcripts_give_the_passage_start_and_a_link() -> None:
    words = TEXT.split(" ")
    times = [(10.0 + i, 10.5 + i) for i in range(len(words))]
    passage = best_passage(TEXT, times, slot_groups(parse_query("Cairo").node, HEARD))
    assert passage.start_seconds == 10.0 + words.index("Cairo")
    assert youtube_url("wyqHuhmsA28", passage.start_seconds) == (
        "https://www.youtube.com/watch?v=wyqHuhmsA28&t=25s"
    )
    assert youtube_url("wyqHuhmsA28", None) == "https://www.youtube.com/watch?v=wyqHuhmsA28"
    assert youtube_url("b0000000001-not-youtube", 3.0) is None


def test_title_matches_are_reported() -> None:
    groups = slot_groups(parse_query("Rafah").node, Heard({"rafah": ["rafa"]}, {}))
    assert title_matches("Israel reopens Rafah crossing", groups)[0] == ("Rafah",)


@given(
    st.lists(st.sampled_from(["shim", "bit", "Cairo", "the", "a", "mosad", "news"]), max_size=90),
    st.sampled_from(["Shin Bet", "Cairo", "Mossad", '"Shin Bet" Cairo', "news*"]),
)
def test_snippet_is_a_faithful_window_of_the_text(words: list[str], query: str) -> None:
    text = " ".join(words)
    passage = best_passage(text, None, slot_groups(parse_query(query).node, HEARD))
    shown = passage.snippet.replace(MARK_START, "").replace(MARK_END, "").strip("…")
    assert shown in text
    assert len(shown.split()) <= 40
    for term in passage.matched_terms:
        assert term in text


def test_repaired_text_keeps_punctuation_outside_marks_and_heard_words() -> None:
    repaired = "Netanyahu sent representatives from Mosad and Shim, bit intelligence to (Cairo)."
    groups = slot_groups(parse_query('"Shin Bet" Cairo').node, HEARD)
    passage = best_passage(repaired, None, groups)
    assert f"({MARK_START}Cairo{MARK_END})." in passage.snippet
    assert ("Shin Bet", "Shim bit") in passage.heard_as


def test_a_snippet_shows_no_speaker_change_marks() -> None:
    """Regression (review): snippets showed ">> Welcome to AI Decoded" that `show` and the
    video page turn into a new speaker's turn."""
    text = "thank you >> welcome to AI decoded &gt;&gt; this week we look at cancer"
    passage = best_passage(text, None, slot_groups(parse_query("decoded").node, Heard()))
    assert ">>" not in passage.snippet and "&gt;" not in passage.snippet
    assert f"welcome to AI {MARK_START}decoded{MARK_END} this week" in passage.snippet


def test_a_prefix_match_is_no_misheard_word() -> None:
    """Regression (review): 'Qat*' reported "heard 'Qatar' for 'Qat'" and suggested a
    -heard: that dropped nothing."""
    from newsreel.search.passages import surfaces

    words = "in Qatar and pro-qatar rallies , Rafa".split()
    matched, heard = surfaces(words, [(1, 1, "Qat*"), (3, 3, "Qat*"), (6, 6, "Rafah")])
    assert "Qatar" in matched and heard == (("Rafah", "Rafa"),)


def test_a_quoted_phrase_passage_is_where_the_phrase_is_said() -> None:
    """ "border crossing" is not the first "border" and a later "crossing"."""
    text = "the border was closed and the crossing stayed shut " + "calm " * 60
    text += "later the border crossing reopened"
    words = text.split(" ")
    times = [(float(n), float(n) + 0.5) for n in range(len(words))]
    groups = slot_groups(parse_query('"border crossing"').node, Heard({}, {}))
    passage = best_passage(text, times, groups)
    at = words.index("reopened") - 2
    assert passage.start_seconds == float(at)
    assert passage.matched_terms == ("border crossing",)
    plain = best_passage(text, times, slot_groups(parse_query("border").node, Heard({}, {})))
    assert plain.start_seconds == 1.0


def test_common_words_heard_side_by_side_are_no_phrase_match() -> None:
    """ "guys stop" is no "Gaza Strip" (two common words, neither as typed); "shim bit"
    is Shin Bet; a phrase never runs across a sentence's end."""
    heard = Heard({}, {"gaza": ["guys", "cause"], "strip": ["stop", "story"]})
    groups = slot_groups(parse_query('"Gaza Strip"').node, heard)
    assert best_passage("the guys stop here", None, groups).matched_terms == ()
    assert best_passage("Just cause. Story tellers", None, groups).matched_terms == ()
    assert best_passage("in the Gaza stop now", None, groups).matched_terms == ("Gaza stop",)
    shin = slot_groups(parse_query('"Shin Bet"').node, HEARD)
    assert best_passage(TEXT, None, shin).matched_terms == ("shim bit",)


def test_a_word_found_inside_a_written_word_is_no_heard_variant() -> None:
    """Regression (review): "50%" (exact) found "12:50" and reported it as heard for 50."""
    from newsreel.search.passages import surfaces

    words = "at 12:50 local time a Gaza-based group said".split()
    matched, heard = surfaces(words, [(1, 1, "50"), (5, 5, "Gaza")])
    assert matched == ("12:50", "Gaza-based") and heard == ()
    assert surfaces(["Rafa"], [(0, 0, "Rafah")])[1] == (("Rafah", "Rafa"),)  # heard


def test_words_the_index_splits_are_found_where_said() -> None:
    """Regression (review): "22,000", "cease-fire", "U.S." and "President Trump's peace
    plan" were found but not located: no highlight, no start time, no passage."""
    text = (
        "calm " * 30 + "more than 22,000 people fled as a cease-fire neared and the U.S. said "
        "President Trump's peace plan was ready"
    )
    words = text.split(" ")
    times = [(float(n), float(n) + 0.5) for n in range(len(words))]
    for query, found in [
        ("22,000", ("22,000",)),
        ('"2,000 people"', ()),
        ("cease-fire", ("cease-fire",)),
        ("U.S.", ("U.S",)),
        ('"President Trump\'s peace plan"', ("President Trump's peace plan",)),
        ('"Trump\'s peace"', ("Trump's peace",)),
    ]:
        passage = best_passage(text, times, slot_groups(parse_query(query).node, Heard({}, {})))
        assert passage.matched_terms == found, query
        if found:
            assert passage.start_seconds is not None and passage.start_seconds >= 30.0, query


def test_a_query_of_stopwords_only_is_highlighted_where_said() -> None:
    """Regression (review): "the of" matched almost every video and highlighted none."""
    text = "most of them left and the rest stayed"
    passage = best_passage(text, None, slot_groups(parse_query("the of").node, Heard({}, {})))
    assert set(passage.matched_terms) == {"the", "of"}
    mixed = best_passage(text, None, slot_groups(parse_query("the rest").node, Heard({}, {})))
    assert mixed.matched_terms == ("the rest",)


def test_stopwords_side_by_side_are_no_match_of_a_query_with_content_words() -> None:
    """Regression (review): "people killed at a hospital" highlighted "[at] [a]" in
    "look at a different way"."""
    text = "they look at a different way and people were killed near a hospital"
    groups = slot_groups(parse_query("people killed at a hospital").node, Heard({}, {}))
    passage = best_passage(text, None, groups)
    assert "at a" not in passage.matched_terms
    assert {"people", "killed", "a hospital"} <= set(passage.matched_terms)


def test_a_long_quoted_phrase_is_found_across_a_sentence_end() -> None:
    """Regression (review): '"a year ago. Six months ago"' found its video with no
    highlight, time or passage: a phrase may run across a sentence end that repair
    put in; only two words may not ("Just cause. Story tellers" is no "cause story")."""
    text = "He was at 53 percent, a year ago. Six months ago, he was at 52 percent."
    groups = slot_groups(parse_query('"a year ago Six months ago"').node, Heard({}, {}))
    assert best_passage(text, None, groups).matched_terms == ("a year ago Six months ago",)
    two = slot_groups(parse_query('"ago Six"').node, Heard({}, {}))
    assert best_passage(text, None, two).matched_terms == ()


def test_a_possessive_typed_in_a_phrase_is_no_heard_match() -> None:
    """Regression (review): '"Denmark's prime minister"' said it heard "Denmark's prime
    minister" for 'Denmark s prime minister', even with --exact."""
    text = "calm before Denmark's prime minister spoke"
    groups = slot_groups(parse_query('"Denmark\'s prime minister"').node, Heard({}, {}))
    passage = best_passage(text, None, groups)
    assert passage.matched_terms == ("Denmark's prime minister",) and passage.heard_as == ()
