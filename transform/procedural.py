"""Procedural items: the parts of a meeting that decide nothing about a matter.

Opening the meeting, stating it lawful, choosing the minute checkers, approving the agenda,
cover and signature pages, appeal-instruction pages. They are real sections of the minutes
and stay on the meeting page, but lists of decisions leave them out and their outcome is
``procedural`` rather than ``unknown`` (transform/derive.py), so ``unknown`` counts only
decisions whose wording no rule reads.

Read from the title alone (Finnish and Swedish, casefolded): such items have no register
number, and their titles are the same in every town.
"""

from __future__ import annotations

import re

_PROCEDURAL_TITLES = re.compile(
    r"^(?:"
    # the meeting itself
    r"kokouksen\s+(?:avaus|avaaminen|laillisuus|päättäminen)\b"
    r"|laillisuus\s+ja\s+päätösvaltaisuus$"
    r"|sammanträdets\s+(?:öppnande|laglighet|avslutande)\b"
    r"|mötets\s+(?:öppnande|laglighet|avslutande)\b"
    r"|laglighet\s+och\s+beslutförhet$"
    # minute checkers, agenda approval
    r"|pöytäkirjan\s+tarkastajien\s+valinta|pöytäkirjantarkastajien\s+valinta"
    r"|pöytäkirjan\s+tarkastaminen|pöytäkirjan\s+tarkastus"
    r"|val\s+av\s+protokolljusterare|protokolljustering"
    r"|(?:esityslistan|työjärjestyksen)\s+hyväksyminen|godkännande\s+av\s+föredragningslista"
    # cover, signature and appeal pages
    r"|(?:esityslistan|pöytäkirjan)\s+kansilehti|(?:föredragningslistans|protokollets)\s+pärm"
    r"|muutoksenhakukielto|oikaisuvaatimusohje|valitusosoitus|muutoksenhakuohje"
    r"|besvärsanvisning|anvisning\s+om\s+rättelseyrkande|besvärsförbud"
    r")"
)
# "Kaupunginhallitus 26.10.2026": the minutes' signature page, titled by organ and date.
_ORGAN_AND_DATE = re.compile(r"^\D+\s\d{1,2}\.\d{1,2}\.\d{4}$")


def is_procedural(action: dict) -> bool:
    """True for an item that runs the meeting rather than decides a matter."""
    if action.get("register_id"):
        return False
    title = " ".join((action.get("title") or "").casefold().split())
    return bool(_PROCEDURAL_TITLES.match(title) or _ORGAN_AND_DATE.match(title))
