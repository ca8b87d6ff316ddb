"""An office said alone ("the prime minister said") as the one person a video names with it."""

from __future__ import annotations

import pytest

from newsreel.entities.roles import office_holder, office_of


def _people(forms: list[str], names: dict[str, tuple[int, int]]) -> list[tuple[int, int, str]]:
    return [(s, e, name) for name, (s, e) in names.items()]


@pytest.mark.parametrize(
    ("speaker", "office"),
    [
        ("the prime minister", ("prime minister", ())),
        ("The Prime Minister", ("prime minister", ())),
        ("the Israeli prime minister", ("prime minister", ("israeli",))),
        ("US Secretary of State", ("secretary of state", ("us",))),
        ("the president", ("president", ())),
        ("the former prime minister", None),  # another's office
        ("the deputy mayor", None),
        ("the vice president", None),
        ("the government", None),
        ("the president's spokesman", None),
    ],
)
def test_an_office_and_its_qualifiers(
    speaker: str, office: tuple[str, tuple[str, ...]] | None
) -> None:
    assert office_of(speaker) == office


@pytest.mark.parametrize(
    ("text", "names", "speaker", "holder"),
    [
        # a title before the name, or the office before a comma, or after the name
        (
            "Prime Minister Keir Starmer flew in .",
            {"Keir Starmer": (2, 4)},
            "the prime minister",
            "Keir Starmer",
        ),
        (
            "We met the prime minister, Keir Starmer .",
            {"Keir Starmer": (5, 7)},
            "the prime minister",
            "Keir Starmer",
        ),
        (
            "We met Keir Starmer, the prime minister .",
            {"Keir Starmer": (2, 4)},
            "the prime minister",
            "Keir Starmer",
        ),
        # the same qualifier on both
        (
            "Trump hosted the Israeli Prime Minister Benjamin Netanyahu .",
            {"Benjamin Netanyahu": (6, 8)},
            "the Israeli prime minister",
            "Benjamin Netanyahu",
        ),
        # another country's office is no "the prime minister"
        (
            "Trump hosted the Israeli Prime Minister Benjamin Netanyahu .",
            {"Benjamin Netanyahu": (6, 8)},
            "the prime minister",
            None,
        ),
        # a former holder holds it no more
        (
            "Former Prime Minister Gordon Brown spoke .",
            {"Gordon Brown": (3, 5)},
            "the prime minister",
            None,
        ),
        # two presidents: no telling which
        (
            "President Trump met President Zelensky .",
            {"Donald Trump": (1, 2), "Volodymyr Zelensky": (4, 5)},
            "the president",
            None,
        ),
        # a list whose "and" the captions lost: "with the prime minister Kemi Badenoch"
        (
            "It was tense with the prime minister Kemi Badenoch and others .",
            {"Kemi Badenoch": (7, 9)},
            "the prime minister",
            None,
        ),
        # named, never with the office
        ("Keir Starmer flew in .", {"Keir Starmer": (0, 2)}, "the prime minister", None),
    ],
)
def test_the_one_person_a_video_names_with_the_office(
    text: str, names: dict[str, tuple[int, int]], speaker: str, holder: str | None
) -> None:
    forms = text.split()
    office = office_of(speaker)
    assert office is not None
    assert office_holder(*office, forms, _people(forms, names)) == holder


def test_enrich_credits_the_prime_minister_to_the_one_so_named() -> None:
    from newsreel.entities import ner
    from newsreel.entities.linking import Linker
    from newsreel.entities.stage import enrich_tokens

    def quoted(text: str) -> list[tuple[str, tuple[str, str] | None]]:
        tokens = text.split()
        return [
            (q[2], q[3])
            for q in enrich_tokens(tokens, ner.mentions([tokens])[0], Linker({}, {})).quotes
        ]

    said = "Later the prime minister said that the talks with China had gone well for everyone."
    assert quoted("Prime Minister Keir Starmer visited Beijing today. " + said) == [
        ("Keir Starmer", ("Keir Starmer", "PER"))
    ]
    assert quoted("Keir Starmer visited Beijing today. " + said) == [("the prime minister", None)]
