"""The people a video's title names, heard otherwise in its captions (title_people)."""

from __future__ import annotations

from newsreel.entities import ner
from newsreel.entities.linking import Linker
from newsreel.entities.listed import people
from newsreel.entities.stage import enrich_tokens
from newsreel.entities.title_people import heard_as_titled, listed_in_title, said_in_title

BADENOCH = "Badenoch says Tory defectors to Reform are 'drama queens' having a 'tantrum'"


def _linked(text: str, title: str | None) -> dict[str, str]:
    tokens = text.split()
    found = enrich_tokens(tokens, ner.mentions([tokens])[0], Linker({}, {}), title=title)
    return {" ".join(tokens[m[0] : m[1]]).rstrip(".,"): m[3] for m in found.mentions}


def test_a_title_names_listed_people_in_full_or_by_a_surname_known_alone() -> None:
    listed = people()
    assert listed_in_title(BADENOCH, listed) == {"kemi badenoch": "Kemi Badenoch"}
    assert listed_in_title("Keir Starmer's speech, and Trump's reply", listed) == {
        "keir starmer": "Keir Starmer",
        "donald trump": "Donald Trump",
    }
    assert listed_in_title("Storm warning for the weekend", listed) == {}
    assert listed_in_title(None, listed) == {}


def test_the_captions_misheard_forms_of_a_title_person_are_theirs() -> None:
    # the BBC Newscast's captions (fresh10), excerpted
    text = (
        "Chem Bedonox said it. Later Kevin Bagnog was asked and Chem Bednog replied. "
        "Kevin Brennan, an MP, disagreed."
    )
    linked = _linked(text, BADENOCH)
    assert linked["Chem Bedonox"] == linked["Kevin Bagnog"] == "Kemi Badenoch"
    assert linked["Chem Bednog"] == "Kemi Badenoch"
    assert linked["Kevin Brennan"] == "Kevin Brennan"  # another surname, unlike hers
    untitled = _linked(text, "Tory defectors are drama queens")
    assert untitled["Chem Bedonox"] != "Kemi Badenoch"  # the title is the evidence


def test_an_unlisted_person_the_title_names_takes_the_captions_other_spellings() -> None:
    title = "Catherine O'Hara, star of Schitt's Creek and Home Alone, dies aged 71"
    text = "Katherine O'Hara was a star, and Katherine Hair was loved."
    linked = _linked(text, title)
    assert linked["Katherine Hair"] == "Katherine O'Hara"
    assert _linked(text, "A star dies")["Katherine Hair"] == "Katherine Hair"


def test_names_unlike_or_already_a_listed_persons_keep_their_links() -> None:
    mentions = [
        ner.Mention(0, 2, "LOC", "Kemi Bay"),  # a surname unlike hers (ratio 36)
        ner.Mention(3, 5, "PER", "Kemi Badenock"),  # already linked to a listed person
        ner.Mention(6, 8, "ORG", "Chem Bednok"),  # any type the NER gave
    ]
    linked = [("Kemi Bay", "LOC"), ("Keir Starmer", "PER"), ("Chem Bednok", "ORG")]
    titled = {"kemi badenoch": "Kemi Badenoch"}
    out = heard_as_titled(mentions, linked, titled, people(), frozenset())
    assert out == [linked[0], linked[1], ("Kemi Badenoch", "PER")]
    assert said_in_title("Kemi Badenoch speaks", mentions[1:2], [("Kemi Badenoch", "PER")]) == {
        "kemi badenock": "Kemi Badenoch"
    }
    assert said_in_title("Storm warning", mentions[1:2], [("Kemi Badenoch", "PER")]) == {}


def test_of_two_title_people_alike_the_closer_takes_the_name() -> None:
    """ "Kim Badenock" is alike to both title people's first and last names; it is the
    closer one's, whatever order the title names them in."""
    mentions = [ner.Mention(0, 2, "PER", "Kim Badenock")]
    linked = [("Kim Badenock", "PER")]
    both = {"kemi badenoch": "Kemi Badenoch", "kim baddeley": "Kim Baddeley"}
    out = heard_as_titled(mentions, linked, both, people(), frozenset())
    assert out == [("Kemi Badenoch", "PER")]
    # alike to both, closer to the one the alphabet puts second
    mentions = [ner.Mention(0, 2, "PER", "Kem Baddely")]
    out = heard_as_titled(mentions, [("Kem Baddely", "PER")], both, people(), frozenset())
    assert out == [("Kim Baddeley", "PER")]
