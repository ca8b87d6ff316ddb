"""Speaker turns from caption markers and from what anchors and reporters say.

Cues, in the order they are tried on each sentence:
- ``>>`` markers in the captions (a turn starts at the next word); a speaker label after
  the marker (``>> ANDERSON COOPER, CNN HOST:``, see ``speakers.py``) names the turn, and
  a transcript with labels has no other cues (every change of speaker is labelled);
- hand-overs ("let's get more analysis with journalist X who is in Cairo", "joining
  me now is X"): the guest's turn starts after the anchor's question that follows;
- sign-offs ("that's X in Cairo, many thanks", "thank you for joining us"): the
  anchor's turn starts there, and the turn before is named X if it had no name;
- questions answered ("...make a difference? Well, ..."), once the text is an
  interview: the answer is the guest's, the question block the anchor's;
- self-introductions ("I'm X", "this is X reporting") name the current turn;
- a turn no cue named that runs the programme ("let me go to the next question") is
  the anchor's;
- with a learnt model (``turn_model.py``) and no ``>>`` markers, the sentence starts
  the model scores as new speakers, away from the turns the cues found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsreel.repair.clean import core, is_marker
from newsreel.repair.document import Turn, ends_sentence
from newsreel.repair.speakers import parse_label, same_person
from newsreel.repair.turn_model import TurnModel, learnt_starts

_HANDOVER = re.compile(
    r"\b(?:let's|let us|we'll|we will|i want to|we want to|we're going to|i'd like to|now)\s+"
    r"(?:get|bring in|bring|go|cross|turn|speak|talk|join|hear|head)\b"
    r"|\b(?:joins|joining) (?:us|me)\b|\bis with us\b|\bwith us now\b|\bon the line\b"
)
# a sentence that introduces what follows: someone's report or words
_INTRODUCES = re.compile(
    r"\b(?:has|had|have) (?:the latest|more|this report|this to say|the story|the details)\b"
    r"|\bsent (?:us )?this report\b|\breports(?: now)?$|\bexplains$"
)
# titles before a name, never a name of their own ("the Prime Minister had this to say")
_TITLE_WORDS = frozenset(
    "prime minister president premier secretary chancellor governor senator mayor chief "
    "general leader king queen prince spokesman spokeswoman spokesperson".split()
)
_ROLE = re.compile(
    r"\b(correspondent|reporter|journalist|editor|analyst|colleague|professor|director|"
    r"spokesperson|spokesman|spokeswoman|expert|ambassador|minister|senator|congressman|"
    r"congresswoman|researcher|fellow|host|anchor)\b"
)
_SIGN_OFF = re.compile(
    r"^(?:(?:got it|okay|ok|all right|right|well|and)\s+)?(?:that's|that was|that is)\s+"
    r"(?:(?:a|our|the)\s+)?.{0,60}?\b(?:reporting|in|from|there|for us)\b"
    r"|^(?:many thanks|thank you|thanks)(?:\s+(?:very|so) much)?(?:\s+(?:for|indeed|to you))?\b"
)
_ACK = re.compile(r"^(?:got it|okay|ok|all right|right|thank you|thanks|indeed)$")
_ANSWER = re.compile(
    r"^(?:well|yes|yeah|no|look|absolutely|sure|indeed|of course|i think|i mean|so|"
    r"that's right|exactly|thank you|thanks)\b"
)
_ASK = re.compile(
    r"\b(?:let me|can i|could i|i want to|i'd like to)\s+(?:ask|go to|turn|move|bring)"
    r"|\bnext question\b"
)
_NAME_STOP = frozenset(
    {"who", "is", "in", "from", "at", "joins", "joining", "there", "for", "on", "live", "now"}
    | {"and", "with", "the", "a", "to", "has", "was", "will", "here", "reporting", "of"}
    | {"had", "have", "says", "said", "sent", "explains", "reports"}
    | {"bbc", "news", "dw", "cnn", "that", "this"}
)
_GUEST_ROLES = {
    "correspondent": "reporter",
    "reporter": "reporter",
    "journalist": "reporter",
    "editor": "reporter",
    "colleague": "reporter",
}


def _name_after(
    forms: Sequence[str], words: Sequence[str], start: int, *, need_capital: bool
) -> str | None:
    """One to three name words from ``start``, stopping at a function word or a mark; an
    owner before the name is skipped ("BBC's Nick Beake": Nick Beake), and a name ends
    at its own possessive ("Lindsey Foreman's"). No name is a contraction or a pronoun
    ("We're", "I'm", "I") nor a day's or month's ("Sunday's programme")."""
    name: list[str] = []
    for form, word in zip(forms[start:], words[start:], strict=False):
        if not word or word in _NAME_STOP or not word.replace("'", "").replace("-", "").isalpha():
            break
        if need_capital and not form[:1].isupper():
            break
        owner = word.endswith(("'s", "’s"))
        if word in _NO_NAME or _CONTRACTION.search(word) or word.removesuffix("'s") in _WHEN:
            break
        if owner and not name:
            continue  # "BBC's Nick Beake": the owner is not the speaker
        if owner and _place_follows(words, start + len(name) + 1):
            return None  # "St James's Park": a place named after someone
        name.append(_cased(word.removesuffix("'s").removesuffix("’s")))
        if owner or form.rstrip()[-1:] in ",.?!;:" or len(name) == 3:
            break
    return " ".join(name) if name else None


def _cased(word: str) -> str:
    """A name word with a capital at its start, after a hyphen and after "O'" only
    ("al-sharif" -> "Al-Sharif", "o'neill" -> "O'Neill"; never "Sunday'S")."""
    parts = [p[:1].upper() + p[1:] for p in word.split("-")]
    return "-".join(p[:2] + p[2:3].upper() + p[3:] if p.startswith("O'") else p for p in parts)


_CONTRACTION = re.compile(r"['’](?:re|m|ll|ve|d)$|n['’]t$")
# words that open no name: pronouns, a colleague or guest, and the days and months a
# programme is named after
_NO_NAME = frozenset(
    {"i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "my", "our"}
    | {"your", "his", "their", "its", "colleague", "colleagues", "guest", "guests"}
)
_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow "
    "yesterday january february march april may june july august september october "
    "november december".split()
)


def _handover_name(forms: Sequence[str], words: Sequence[str]) -> tuple[str | None, str]:
    """Who is handed over to, and the role the text gives them."""
    text = " ".join(words)
    role = _ROLE.search(text)
    if role:
        index = len(text[: role.end()].split())
        kind = _GUEST_ROLES.get(role.group(1), "guest")
        name = _name_after(forms, words, index, need_capital=False)
        for k in range(index - 1, min(len(words) - 1, index + 4)):  # past "my colleague,":
            if name is not None:  # "correspondent, my colleague, Yoland Nell, joins us"
                break
            if forms[k].endswith(","):
                name = _name_after(forms, words, k + 1, need_capital=True)
        return name, kind
    for i, word in enumerate(words):
        brought = word == "in" and i > 0 and words[i - 1] == "bring"  # "bring in Bradley"
        if (word in ("with", "to", "is") or brought) and i + 1 < len(words):
            name = _name_after(forms, words, i + 1, need_capital=True)
            moving = word == "to" and _MOVE.intersection(words[:i])
            if name and not (moving and (" " not in name or _a_place(name))):
                return name, "guest"  # "let's cross over to Jerusalem": a place, no one
    return None, "guest"


# verbs of going somewhere: "to" a one-word name after them is a place
_MOVE = frozenset({"cross", "go", "head", "over", "travel", "move", "turn", "get", "live"})
# the last word of a place's name: "go to Capitol Hill" hands over to no one there
_PLACE_ENDS = frozenset(
    "hill street house square city county state park road avenue bay island valley "
    "beach airport station building office capitol hall court border strip bank".split()
)


def _place_follows(words: Sequence[str], at: int) -> bool:
    """Whether word ``at`` ends a place's name ("park" in "St James's park")."""
    return at < len(words) and words[at].strip(".,?!;:").casefold() in _PLACE_ENDS


def _a_place(name: str) -> bool:
    """Whether a name of words handed over to is a place ("Capitol Hill", "the White
    House", "Downing Street"), by its last word."""
    return name.split()[-1].casefold() in _PLACE_ENDS


def _sign_off_name(forms: Sequence[str], words: Sequence[str]) -> str | None:
    """The name in "that's X in Cairo" / "that's journalist X from Cairo"."""
    text = " ".join(words)
    role = _ROLE.search(text)
    if role:
        return _name_after(forms, words, len(text[: role.end()].split()), need_capital=False)
    for i, word in enumerate(words):
        if word in ("that's", "is", "was") and i + 1 < len(words):
            j = i + 1 + (words[i + 1] in ("a", "our", "the"))
            return _name_after(forms, words, j, need_capital=True)
    return None


_ACK_TAILS = (("got", "it"), ("okay",), ("ok",), ("all", "right"), ("thank", "you"), ("thanks",))


def _ack_tail(spoken: Sequence[int], words: Sequence[str]) -> int | None:
    """Where "... got it" / "... okay" ends a sentence: the anchor cutting in."""
    for tail in _ACK_TAILS:
        n = len(tail)
        if len(spoken) > n and tuple(words[i] for i in spoken[-n:]) == tail:
            return spoken[-n]
    return None


@dataclass
class _Scan:
    """One transcript's sentences and the turns its cues have found so far."""

    forms: Sequence[str]
    words: list[str]
    sentences: Sequence[tuple[int, int]]
    spoken: list[list[int]]  # per sentence, its tokens that are said (no markers, tags, fillers)
    texts: list[str]  # per sentence, its spoken words
    turns: dict[int, Turn] = field(default_factory=dict)
    interview: bool = False
    guest: str | None = None
    guest_role: str = "guest"

    def tokens(self, k: int) -> tuple[list[str], list[str]]:
        """The forms and words spoken in sentence ``k``."""
        return [self.forms[i] for i in self.spoken[k]], [self.words[i] for i in self.spoken[k]]

    def asks(self, k: int) -> bool:
        """Whether sentence ``k`` ends with a question mark."""
        return self.forms[self.sentences[k][1] - 1].endswith("?")


def detect(
    forms: Sequence[str],
    kinds: Sequence[str],
    sentences: Sequence[tuple[int, int]],
    model: TurnModel | None = None,
) -> list[Turn]:
    """Turns of a repaired transcript (empty when nothing signals a change of speaker);
    ``model`` adds the turns it learnt to see where no cue names them."""
    scan, labelled = _cued(forms, kinds, sentences)
    if labelled:  # a labelled transcript names every turn itself
        return _aligned(scan.turns, kinds, sentences)
    if model is not None and not any(t.cue == ">>" for t in scan.turns.values()):
        cues = {t: turn.cue for t, turn in scan.turns.items()}
        for start in learnt_starts(model, *sentence_view(scan), cues):
            scan.turns[start] = Turn(start, cue="learnt")
            scan.turns.setdefault(0, Turn(0, cue="opening"))
    _name_from_intros(scan.turns, forms, scan.words, sentences)
    _anchor_talk(scan)
    return _aligned(scan.turns, kinds, sentences)


def learnt_inputs(
    forms: Sequence[str], kinds: Sequence[str], sentences: Sequence[tuple[int, int]]
) -> tuple[list[list[str]], list[str], list[int], dict[int, str]]:
    """What the turn model reads of a transcript: per sentence its spoken words, mark
    and first token, and the cue of each turn the rules found (for its training)."""
    scan, _ = _cued(forms, kinds, sentences)
    return (*sentence_view(scan), {t: turn.cue for t, turn in scan.turns.items()})


def _cued(
    forms: Sequence[str], kinds: Sequence[str], sentences: Sequence[tuple[int, int]]
) -> tuple[_Scan, bool]:
    """The transcript's sentences with the turns the cue rules find; whether speaker
    labels name them all."""
    words = [core(f) for f in forms]
    spoken = [
        [i for i in range(s, e) if kinds[i] not in ("marker", "tag", "filler")]
        for s, e in sentences
    ]
    texts = [" ".join(words[i] for i in idx) for idx in spoken]
    scan = _Scan(forms, words, sentences, spoken, texts)
    if _marker_turns(scan, kinds):
        return scan, True
    for k, text in enumerate(texts):
        if not text:
            continue
        if _signs_off(texts, k) and k > 0 and scan.interview:
            _sign_off(scan, k)
        elif scan.interview and k > 0 and _RUNS_IT.search(text.replace(",", "")):
            _runs_it(scan, k)
        elif _HANDOVER.search(text):
            _hand_over(scan, k)
        elif _INTRODUCES.search(text):
            _introduce(scan, k)
        elif scan.interview and k > 0 and _ANSWER.match(text) and scan.asks(k - 1):
            _answer(scan, k)
    return scan, False


def sentence_mark(form: str) -> str:
    """The mark a sentence's last form ends it with: ``?``, ``.`` or ``none``."""
    if not ends_sentence(form):
        return "none"
    return "?" if "?" in form[-3:] else "."


def sentence_view(scan: _Scan) -> tuple[list[list[str]], list[str], list[int]]:
    """Per sentence: its spoken words, its closing mark and its first token."""
    texts = [[scan.words[i] for i in idx] for idx in scan.spoken]
    marks = [sentence_mark(scan.forms[e - 1]) for _, e in scan.sentences]
    return texts, marks, [s for s, _ in scan.sentences]


def _marker_turns(scan: _Scan, kinds: Sequence[str]) -> bool:
    """A ``>>`` marker starts a turn at the next word, and makes the text an interview;
    a speaker label after it names the turn. Return whether any label did."""
    named: list[tuple[str, str | None]] = []  # full names labelled so far, with roles
    for i, kind in enumerate(kinds):
        bare = i == 0 or kinds[i - 1] != "marker"  # a label with no ">>" before it
        if kind != "marker" or not (is_marker(scan.forms[i]) or bare):
            continue  # a label's own tokens are markers too
        first = i + 1 if is_marker(scan.forms[i]) else i
        end = first
        while end < len(kinds) and kinds[end] == "marker" and not is_marker(scan.forms[end]):
            end += 1
        nxt = next((j for j in range(end, len(kinds)) if kinds[j] == "word"), None)
        if nxt is None:
            continue
        if end > first:
            scan.turns[nxt] = _labelled(nxt, scan.forms[first:end], named)
        else:
            scan.turns[nxt] = Turn(nxt, cue=">>")
        scan.interview = True
    return bool(named)


def _labelled(start: int, label: Sequence[str], named: list[tuple[str, str | None]]) -> Turn:
    """The turn a speaker label starts; a short label ("COOPER:") takes the full name and
    role of the person an earlier label named ("ANDERSON COOPER, CNN HOST:")."""
    speaker, role = parse_label(label)
    for full, full_role in reversed(named):
        if same_person(speaker, full):
            speaker, role = full, role or full_role
            break
    else:
        named.append((speaker, role))
    return Turn(start, speaker=speaker, role=role, cue="label")


def _signs_off(texts: Sequence[str], k: int) -> bool:
    """Whether sentence ``k`` signs a guest off, alone or with the short sentence after
    it that the punctuation cut from it ("That's a journalist aim. Alwari from Cairo")."""
    text = texts[k]
    if _SIGN_OFF.search(text):
        return True
    after = texts[k + 1] if k + 1 < len(texts) else ""
    short = len(text.split()) <= _CUT_SIGN_OFF and len(after.split()) <= _CUT_SIGN_OFF
    return short and text.startswith(_THAT_IS) and bool(_SIGN_OFF.search(f"{text} {after}"))


_CUT_SIGN_OFF = 6  # words of each half of a sign-off the punctuation cut in two
_THAT_IS = ("that's ", "that is ", "that was ")


def _runs_it(scan: _Scan, k: int) -> None:
    """Sentence ``k``, inside someone else's turn of an interview, runs the programme
    ("Let me, let me go to the next question"): the anchor's turn starts there."""
    start = scan.sentences[k][0]
    current = max((t for t in scan.turns if t <= start), default=None)
    if current is not None and scan.turns[current].role != "anchor":
        scan.turns.setdefault(start, Turn(start, role="anchor", cue="runs"))


def _sign_off(scan: _Scan, k: int) -> None:
    """Sentence ``k`` signs a guest off: the anchor's turn starts there (or at the
    acknowledgement before it), and the turn before takes the name the sign-off says."""
    turns, text = scan.turns, scan.texts[k]
    if _ACK.match(scan.texts[k - 1]):
        begin = scan.sentences[k - 1][0]
    else:
        begin = _ack_tail(scan.spoken[k - 1], scan.words) or scan.sentences[k][0]
    if text.startswith(("that", "got", "okay", "ok", "all", "right", "well", "and")):
        name = _sign_off_name(*scan.tokens(k))
        previous = max((t for t in turns if t < begin), default=None)
        if name and previous is not None and turns[previous].speaker is None:
            turns[previous] = replace(turns[previous], speaker=name)
    current = max((t for t in turns if t <= begin), default=None)
    if begin not in turns and (current is None or turns[current].role != "anchor"):
        turns[begin] = Turn(begin, role="anchor", cue="sign-off")


def _introduce(scan: _Scan, k: int) -> None:
    """Sentence ``k`` introduces a report or a clip ("our correspondent Peter Bose has
    the latest", "Premier David Eby had this to say"): the turn a cue starts at the next
    sentence is theirs."""
    forms, words = scan.tokens(k)
    name = _handover_name(forms, words)[0]
    if name is None:
        name = _name_before(forms, words, _INTRODUCES.search(" ".join(words)))
    at = scan.sentences[k + 1][0] if k + 1 < len(scan.sentences) else None
    if name is not None and at in scan.turns:  # names a turn a cue ("&gt;&gt;") starts;
        scan.turns[at] = replace(scan.turns[at], speaker=scan.turns[at].speaker or name)
    # where none does, the report may be the anchor's own words: no turn is made


def _name_before(
    forms: Sequence[str], words: Sequence[str], found: re.Match[str] | None
) -> str | None:
    """The name of two or three capitalised words right before an introducing phrase,
    not a title ("David Eby had this to say"; "The Prime Minister had" names no one)."""
    if found is None:
        return None
    at = len(" ".join(words)[: found.start()].split())
    name: list[str] = []
    for i in range(at - 1, max(-1, at - 4), -1):
        form = forms[i].rstrip(",")
        if not form[:1].isupper() or words[i] in _NAME_STOP or words[i] in _TITLE_WORDS:
            break
        name.insert(0, _cased(words[i].rstrip(",")))
    return " ".join(name) if len(name) >= 2 else None


def _hand_over(scan: _Scan, k: int) -> None:
    """Sentence ``k`` hands over to a guest, whose turn starts after the anchor's
    question that follows (within the next three sentences)."""
    name, role = _handover_name(*scan.tokens(k))
    if name is None and not _ROLE.search(scan.texts[k]):
        return
    after = k + 1
    for j in range(k, min(len(scan.sentences), k + 4)):
        if scan.asks(j):
            after = j + 1
    if after >= len(scan.sentences):
        return
    at = scan.sentences[after][0]
    marked = scan.turns.get(at)
    scan.turns[at] = (
        replace(marked, speaker=marked.speaker or name, role=role)
        if marked
        else Turn(at, speaker=name, role=role, cue="hand-over")
    )
    scan.turns.setdefault(0, Turn(0, role="anchor", cue="opening"))
    scan.interview, scan.guest, scan.guest_role = True, name, role


def _answer(scan: _Scan, k: int) -> None:
    """Sentence ``k`` answers the question before it: the guest's turn starts there and
    the anchor's at the start of the question block (up to two sentences back)."""
    turns, start = scan.turns, scan.sentences[k][0]
    if start not in turns:
        turns[start] = Turn(start, speaker=scan.guest, role=scan.guest_role, cue="answer")
    ask = k - 1
    while ask > 0 and k - ask < 3 and (scan.asks(ask - 1) or _ASK.search(scan.texts[ask - 1])):
        ask -= 1
    at = scan.sentences[ask][0]
    before = max((t for t in turns if t < start), default=None)
    if before is not None and before < at and turns[before].role != "anchor":
        turns[at] = Turn(at, role="anchor", cue="question")


def _aligned(
    turns: dict[int, Turn], kinds: Sequence[str], sentences: Sequence[tuple[int, int]]
) -> list[Turn]:
    """The turns in order, each after leading markers moved to the start of its sentence,
    else to the stammer or filler it opens with ("A. >> 0 0.": the turn starts at the
    first "0", as it does where a sentence starts there); none when there is only one."""
    starts = [s for s, _ in sentences]
    aligned: dict[int, Turn] = {}
    for start in sorted(turns):
        first = sentences[bisect_right(starts, start) - 1][0]
        if all(kinds[i] != "word" for i in range(first, start)):
            aligned.setdefault(first, replace(turns[start], start=first))
            continue
        opens = start
        while opens - 1 > first and kinds[opens - 1] in ("stutter", "filler"):
            opens -= 1
        aligned.setdefault(opens, replace(turns[start], start=opens))
    return [aligned[t] for t in sorted(aligned)] if len(aligned) > 1 else []


# what only the one who runs the programme says: "let me go to the next question"
_RUNS_IT = re.compile(
    r"^(?:(?:so|ok|okay|well|and|now)\s+)*(?:let me,?\s+)+(?:go|turn|move|come)\s+(?:on\s+)?to\b"
    r"|\bnext question\b|\blet me ask you\b"
)


def _anchor_talk(scan: _Scan) -> None:
    """A turn no cue named whose first sentence runs the programme ("Let me, let me go to
    the next question") is the anchor's."""
    firsts = {s: k for k, (s, _) in enumerate(scan.sentences)}
    starts = sorted(scan.turns)
    for n, start in enumerate(starts):
        turn, k = scan.turns.get(start), firsts.get(start)
        if turn is None or turn.role or turn.speaker or k is None:
            continue
        if _RUNS_IT.search(scan.texts[k].replace(",", "")):
            scan.turns[start] = replace(turn, role="anchor")
            after = scan.turns.get(starts[n + 1]) if n + 1 < len(starts) else None
            if after and after.role == "anchor" and not after.speaker and after.cue != ">>":
                del scan.turns[starts[n + 1]]  # the anchor goes on: no change of speaker


# the first word of a place's name ("Lake Maracaibo"), and words after a place that
# say where it is ("This is Lake Marbo on Venezuela's north coast")
_PLACE_FIRST = frozenset("lake mount river port fort cape bay gulf sea".split())
_WHERE = frozenset("on near off along where".split())  # "This is Jeremy Bowen in Gaza" signs off


def _place_shown(name: str, words: Sequence[str], at: int) -> bool:
    """Whether the name after "this is" at token ``at`` is a place, not the speaker:
    it starts like a place's name or a word of where follows it."""
    after = at + len(name.split())
    return name.split()[0].lower() in _PLACE_FIRST or (
        after < len(words) and words[after] in _WHERE
    )


def _name_from_intros(
    turns: dict[int, Turn],
    forms: Sequence[str],
    words: Sequence[str],
    sentences: Sequence[tuple[int, int]],
) -> None:
    """Name an unnamed turn whose first sentences say "I'm X" / "this is X"."""
    starts = sorted(turns)
    for n, start in enumerate(starts):
        if turns[start].speaker:
            continue
        end = starts[n + 1] if n + 1 < len(starts) else len(forms)
        for s, e in sentences:
            if s < start or s >= min(end, start + 60):
                continue
            for i in range(s, e - 1):
                if words[i] in ("i'm", "am", "is") and (
                    words[i] != "is" or words[i - 1 : i] == ["this"]
                ):
                    name = _name_after(forms, words, i + 1, need_capital=True)
                    if name and len(name.split()) >= 2 and not _place_shown(name, words, i + 1):
                        turns[start] = replace(turns[start], speaker=name)
                        break
            if turns[start].speaker:
                break
