"""Acronyms of the news, put in capitals wherever captions write them in lower case.

Written from general knowledge (not from any evaluation set). Acronyms that are also
everyday words or other words when lower case ("us", "who", "ice", "aids", "sec",
"pm", "am", "it", "la", "car", "cat", "nor", "ok") are left out: the model decides them.
"""

from __future__ import annotations

ACRONYMS = frozenset(
    """
    nato un uk usa eu bbc cnn nbc cbs msnbc npr pbs itv rte fbi cia nsa dhs doj epa cdc
    fda nih faa fema nypd lapd imf wto opec oecd gdp cpi vat ceo cfo mp mps msp msps ai
    lgbt lgbtq nasa esa dna rna hiv covid uefa fifa pga liv nfl nba mlb nhl mls psg pif
    ioc icc icj idf irgc unrwa unicef unesco unhcr isis isil brics g7 g20 hmrc raf sas
    kgb fsb gchq mi5 mi6 dup snp sdlp anc pkk ypg sdf rsf asean ngo ngos uae drc ussr
    tv cctv var atp wta f1 ufc wwe co2 uv nyc gps usb iq gcse nhs obe mbe cbe kc qc
    bbc's nfl's fifa's uefa's nato's
    """.split()
)
