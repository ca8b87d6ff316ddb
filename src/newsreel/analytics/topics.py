"""Topics over time per outlet: coarse themes of the archive, counted per outlet and
period and normalised by the outlet's videos in that period.

scikit-learn's NMF on tf-idf of each video's title and lead (the terms story grouping
uses) finds the themes; it is fitted on a sample (all videos up to ``sample``) and every
video is then given its strongest theme. A theme is named by its heaviest words.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from newsreel.errors import ConfigError
from newsreel.rows import Topic, Topics, TopicShare
from newsreel.stories.features import terms

CHUNK = 5000


@dataclass(frozen=True, slots=True)
class Lead:
    """What topic modelling reads of a video."""

    title: str | None
    lead: str
    channel: str | None
    day: date | None


def _period(day: date | None, per: str) -> str:
    if day is None:
        return "(undated)"
    if per == "month":
        return day.isoformat()[:7]
    if per == "year":
        return str(day.year)
    if per == "week":
        return date.fromordinal(day.toordinal() - day.weekday()).isoformat()
    return day.isoformat()


def topics_over_time(
    leads: Iterable[Lead],
    *,
    topics: int = 12,
    per: str = "month",
    sample: int = 20_000,
    words: int = 6,
    seed: int = 0,
) -> Topics:
    """Themes (``topics``: id, label, terms, videos), videos given none (``unassigned``)
    and ``rows`` (topic, channel, period, videos, total_videos, pct_videos)."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    if per not in ("day", "week", "month", "year"):
        raise ConfigError(f"per must be day, week, month or year, not {per!r}")
    items = list(leads)
    if len(items) < 4:  # two topics of two videos at the least
        raise ConfigError(
            f"{len(items)} video{'s' if len(items) != 1 else ''} (with the filters given) "
            "cannot be sorted into topics: 4 or more are needed ('newsreel ingest' more, "
            "or widen the filters)"
        )
    if len(items) < topics * 2:
        raise ConfigError(
            f"{len(items)} videos are too few for {topics} topics; ask for fewer (--topics)"
        )
    bags = [terms(i.title, i.lead) for i in items]
    vectorizer = TfidfVectorizer(
        analyzer=lambda bag: [t for t, n in bag.items() for _ in range(n)],
        min_df=2,
        max_df=0.5,
        sublinear_tf=True,
        max_features=30_000,
    )
    chosen = random.Random(seed).sample(range(len(items)), min(sample, len(items)))
    fitted = vectorizer.fit_transform([bags[i] for i in chosen])
    model = NMF(n_components=topics, init="nndsvda", random_state=seed, max_iter=400)
    model.fit(fitted)
    vocabulary = vectorizer.get_feature_names_out()
    heaviest = [
        [str(vocabulary[j]) for j in row.argsort()[::-1][:words]] for row in model.components_
    ]
    assigned: list[int] = []
    for start in range(0, len(items), CHUNK):
        weights = model.transform(vectorizer.transform(bags[start : start + CHUNK]))
        for row in weights:
            assigned.append(int(row.argmax()) if row.max() > 0 else -1)
    totals: Counter[tuple[str, str]] = Counter()
    counts: Counter[tuple[int, str, str]] = Counter()
    for item, topic in zip(items, assigned, strict=True):
        slot = (item.channel or "(unknown)", _period(item.day, per))
        totals[slot] += 1
        counts[(topic, *slot)] += 1
    sizes = Counter(assigned)
    return Topics(
        topics=tuple(
            Topic(t, " · ".join(heaviest[t][:3]), tuple(heaviest[t]), sizes.get(t, 0))
            for t in range(topics)
        ),
        unassigned=sizes.get(-1, 0),
        rows=tuple(
            TopicShare(t, c, p, n, totals[(c, p)], round(100 * n / totals[(c, p)], 2))
            for (t, c, p), n in sorted(
                counts.items(), key=lambda kv: (kv[0][2], kv[0][1], kv[0][0])
            )
            if t >= 0
        ),
    )
