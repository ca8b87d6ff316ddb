from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from newsreel.repair.rolling import Cue, merge_cues, unrepeated_text

VOCAB = [f"w{i}" for i in range(400)]


def _rolling(words: list[str], sizes: list[int]) -> list[Cue]:
    """Two-line rolling cues: each repeats the line the previous cue added."""
    cues: list[Cue] = []
    prev_line: tuple[str, ...] = ()
    pos, t = 0, 0.0
    for size in sizes:
        line = tuple(words[pos : pos + size])
        if not line:
            break
        text = " ".join(prev_line + line)
        cues.append(Cue.from_text(t, t + 2.0, text))
        pos, prev_line, t = pos + size, line, t + 2.0
    if pos < len(words):
        cues.append(Cue.from_text(t, t + 2.0, " ".join(prev_line + tuple(words[pos:]))))
    return cues


@given(
    st.lists(st.sampled_from(VOCAB), min_size=30, max_size=120),
    st.lists(st.integers(1, 9), min_size=3, max_size=40),
)
def test_rolling_cues_give_back_exactly_what_was_said(words: list[str], sizes: list[int]) -> None:
    cues = _rolling(words, sizes)
    assume(len(cues) >= 3)  # two cues that overlap say nothing of rolling: a phrase said again
    merged = merge_cues(cues)
    assert [w.text for w in merged] == words


@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=8), min_size=1, max_size=30))
def test_plain_cues_are_never_shortened(lines: list[list[str]]) -> None:
    cues = [Cue.from_text(i * 2.0, i * 2.0 + 2.0, " ".join(line)) for i, line in enumerate(lines)]
    merged = [w.text for w in merge_cues(cues)]
    expected = [w for line in lines for w in line]
    # Nothing spoken is lost: every word survives in order, unless the cues roll.
    if len(merged) != len(expected):
        assert set(merged) == set(expected)


@given(
    st.lists(st.sampled_from(VOCAB), min_size=2, max_size=80),
    st.lists(st.integers(1, 6), min_size=1, max_size=30),
)
def test_times_never_go_backwards(words: list[str], sizes: list[int]) -> None:
    merged = merge_cues(_rolling(words, sizes))
    starts = [w.start for w in merged]
    assert starts == sorted(starts)
    assert all(w.start <= w.end for w in merged)


def test_genuine_stutter_survives_when_not_rolling() -> None:
    cues = [Cue.from_text(0, 1, "they want to"), Cue.from_text(1, 2, "to negotiate now")]
    assert [w.text for w in merge_cues(cues)] == ["they", "want", "to", "to", "negotiate", "now"]


def test_exact_duplicate_cues_are_dropped() -> None:
    cue = Cue.from_text(0, 1, "hello world")
    assert [w.text for w in merge_cues([cue, cue])] == ["hello", "world"]


def _doubled(words: list[str], sizes: list[int]) -> list[Cue]:
    """Segments that write each caption line twice in a row, then roll on."""
    cues, pos, t = [], 0, 0.0
    for size in sizes:
        line = words[pos : pos + size]
        if not line:
            break
        cues.append(Cue.from_text(t, t + 2.0, " ".join(line + line)))
        pos, t = pos + size, t + 2.0
    return cues


@given(st.permutations(VOCAB[:200]), st.lists(st.integers(4, 12), min_size=3, max_size=15))
def test_lines_written_twice_are_said_once(words: list[str], sizes: list[int]) -> None:
    """Regression (review): JSON segments joined from two-line captions wrote each line
    twice ("address immigration with a new plan and address immigration with a new plan
    and"); the repeats reached search, quotes and the page."""
    cues = _doubled(list(words), sizes)
    assume(len(cues) >= 3)
    said = [w for cue in cues for w in cue.words[: len(cue.words) // 2]]
    assert [w.text for w in merge_cues(cues)] == said


def test_a_phrase_said_twice_in_plain_captions_stays() -> None:
    cues = [
        Cue.from_text(0, 2, "we will fight them we will fight them on the beaches"),
        Cue.from_text(2, 4, "and in the fields and in the streets today"),
        Cue.from_text(4, 6, "never surrender says the prime minister here"),
    ]
    words = [w.text for w in merge_cues(cues)]
    assert words[:8] == "we will fight them we will fight them".split()  # one cue of three


@given(
    st.permutations(VOCAB[:300]),
    st.lists(st.integers(3, 12), min_size=4, max_size=20),
    st.lists(st.integers(2, 4), min_size=20, max_size=20),
)
def test_lines_written_out_again_and_again_are_said_once(
    words: list[str], sizes: list[int], times: list[int]
) -> None:
    """Regression (review): plain CSV text whose caption lines were saved four times each
    ("What happened in Qatar two years after" x 4, RIJC9WzD7tc) kept every copy."""
    lines, pos = [], 0
    for size in sizes:
        lines.append(words[pos : pos + size])
        pos += size
    written = [
        w for line, n in zip(lines, times, strict=False) for w in line * max(n, 3 - len(line) // 4)
    ]
    said = [w for line in lines for w in line]
    assert unrepeated_text(" ".join(written)).split() == said


@given(st.lists(st.sampled_from([*VOCAB[:30], "no", "no", "we", "will"]), max_size=300))
def test_only_copies_are_dropped_and_only_once(words: list[str]) -> None:
    """What is kept is the text, or its words in order with a third or more dropped;
    a second pass drops nothing more."""
    text = " ".join(words)
    kept = unrepeated_text(text)
    rest = iter(words)
    assert all(word in rest for word in kept.split())  # a subsequence, in order
    assert kept == text or len(kept.split()) <= len(words) * 2 / 3
    assert unrepeated_text(kept) == kept or kept == text


def test_speech_that_says_things_again_is_kept() -> None:
    said = (
        "no no no he said we will fight them we will fight them on the beaches "
        "and the crowd chanted out out out out before the minister said it again "
        "we will fight them we will fight them said the speaker to the hall"
    )
    assert unrepeated_text(said) == said


def test_a_chant_said_over_and_over_is_kept_whole() -> None:
    """Regression (review): a 601-word transcript of "thank you" said again and again
    came out as 4 words; captions write a line out four times at most."""
    from newsreel.repair.rolling import unrepeated_text

    chant = " ".join(["thank", "you"] * 300)
    assert unrepeated_text(chant) == chant
    copies = " ".join(["messi immortalised himself"] * 4 + ["in qatar tonight as the crowd sang"])
    assert (
        unrepeated_text(copies) == "messi immortalised himself in qatar tonight as the crowd sang"
    )


@given(
    st.lists(
        st.tuples(st.floats(0, 100), st.floats(0, 20), st.integers(1, 6)), min_size=1, max_size=20
    )
)
def test_every_word_keeps_a_time_within_its_own_cue(spec: list[tuple[float, float, int]]) -> None:
    """Regression (review): a cue that overlapped a longer one before it had its words
    pushed past its own end; now each word starts and ends within its cue."""
    cues, bounds = [], {}
    for n, (start, length, size) in enumerate(spec):
        words = [f"c{n}w{k}" for k in range(size)]  # distinct words: never rolling
        cues.append(Cue.from_text(start, start + length, " ".join(words)))
        bounds.update(dict.fromkeys(words, (start, start + length)))
    merged = merge_cues(cues, rolling=False)
    for word in merged:
        low, high = bounds[word.text]
        assert low <= word.start <= word.end <= high
    starts = [w.start for w in merged]
    assert starts == sorted(starts)


def test_a_cue_inside_a_longer_one_keeps_its_own_times() -> None:
    long = Cue.from_text(0.0, 10.0, "the minister said that talks would go on")
    inside = Cue.from_text(3.0, 4.0, "APPLAUSE")
    merged = merge_cues([long, inside], rolling=False)
    applause = next(w for w in merged if w.text == "APPLAUSE")
    assert (applause.start, applause.end) == (3.0, 4.0)
    assert (merged[0].text, merged[0].start) == ("the", 0.0)
