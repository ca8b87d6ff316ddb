"""What a video is about, as weighted terms: its title and its lead. Pure.

News puts the story in the headline and the first sentences, so a video is represented
by its title (weighted x3) and its first ``LEAD`` words, not the whole transcript (on
the sportswashing events whole transcripts grouped worse: bench/RESULTS.md). Terms are
the index's folded tokens without stop words, caption tags or numbers; weights are
sublinear tf x idf, the vector L2-normalised and cut to its ``KEEP`` heaviest terms.
Where entities were linked (``newsreel enrich``), each is one more term, ``@ID``, so
captions' different spellings of a name are one shared term.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from newsreel.text import ENTITY_PREFIX, STOPWORDS, tokens

LEAD = 200
TITLE_WEIGHT = 3
KEEP = 100
ENTITY_WEIGHT = 2
CAPTION_NOISE = frozenset(
    "uh um er ah oh yeah okay ok music applause laughter foreign inaudible crosstalk "
    "gonna wanna got get just like know think say said says going really thing things "
    "people news video watch subscribe channel made make show find found take give see "
    "keep put back call part".split()
)
STOP = STOPWORDS | CAPTION_NOISE
Vector = dict[str, float]
# "... | BBC News", "... • FRANCE 24 English": the channel or programme a title ends with
_TITLE_TAIL = re.compile(r"\s+[|•]\s+((?:[A-Z0-9][\w'’.&-]*\s*){1,6})$")


def headline(title: str) -> str:
    """A title without the outlet or programme name it ends with ("| BBC News")."""
    return _TITLE_TAIL.sub("", title).strip() or title


def terms(title: str | None, text: str) -> Counter[str]:
    """Term counts of a video: title words x3 and the first ``LEAD`` words."""
    counts: Counter[str] = Counter()
    for word in tokens(headline(title or "")):
        if _keep(word):
            counts[word] += TITLE_WEIGHT
    for word in tokens(" ".join(text.split()[:LEAD])):
        if _keep(word):
            counts[word] += 1
    return counts


def with_entities(counts: Counter[str], entities: Mapping[int, int]) -> Counter[str]:
    """Add the video's linked entities as terms ``@ID`` (however the captions spelled
    them, one canonical entity is one term), weighted like title words."""
    out = Counter(counts)
    for entity_id, mentions in entities.items():
        out[f"{ENTITY_PREFIX}{entity_id}"] = ENTITY_WEIGHT * mentions
    return out


def _keep(word: str) -> bool:
    return len(word) > 2 and word not in STOP and not word.isdigit()


def idf_from(documents: int, doc_freq: Mapping[str, int]) -> Callable[[str], float]:
    """Inverse document frequency (smoothed): rare terms weigh more."""

    def idf(term: str) -> float:
        return math.log((documents + 1) / (doc_freq.get(term, 0) + 1)) + 1.0

    return idf


def vector(counts: Mapping[str, int], idf: Callable[[str], float], keep: int = KEEP) -> Vector:
    """Sublinear tf x idf, L2-normalised, its ``keep`` heaviest terms."""
    weights = {t: (1 + math.log(n)) * idf(t) for t, n in counts.items() if n > 0}
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (either may be unnormalised)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


def add(
    total: Mapping[str, float], part: Mapping[str, float], keep: int, sign: float = 1.0
) -> dict[str, float]:
    """``total + part`` (or minus, with ``sign`` -1), cut to its ``keep`` heaviest
    terms (a story's centroid); terms that fall to zero are dropped."""
    out = dict(total)
    for term, weight in part.items():
        value = out.get(term, 0.0) + sign * weight
        if value > 1e-9:
            out[term] = value
        else:
            out.pop(term, None)
    if len(out) > keep:
        out = dict(sorted(out.items(), key=lambda item: (-item[1], item[0]))[:keep])
    return out


def document_frequencies(documents: Iterable[Counter[str]]) -> Counter[str]:
    """In how many documents each term occurs."""
    df: Counter[str] = Counter()
    for counts in documents:
        df.update(counts.keys())
    return df
