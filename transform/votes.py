"""Votes and dissenting opinions, read from an action's proceedings and decision text.

Minutes report a vote in a few set phrases, Finnish and Swedish:

- "Äänestyksessä annettiin 23 JAA-ääntä ja 28 EI-ääntä (1 tyhjä, 2 poissa)",
  "Vid omröstningen avgavs 12 JA-röster och 15 NEJ-röster": yes and no counts;
- "kaupunginhallituksen esitystä kannattavat äänestävät JAA ja valtuutettu Niemen
  muutosehdotusta kannattavat äänestävät EI", "De som understöder stadsstyrelsens
  förslag röstar JA och de som understöder Backmans förslag röstar NEJ": what yes and no
  stood for;
- "hylättiin esitys äänin 5-4", "ändrades efter omröstning (24–11)": only the winning
  and losing counts (``majority``, ``minority``);
- "JAA: Niemi, Kallio", "NEJ: ...", "Frånvarande: ..." on lines of their own: who voted
  how (``yes_names`` ...), where the minutes list the names.

A dissent is a sentence that says someone left a dissenting opinion ("jätti eriävän
mielipiteen", "anmälde reservation"). Names are kept as the sentence writes them.
"""

from __future__ import annotations

import re

from transform.schema import VOTE_FIELDS, ContentType

_NUMBER = r"(\d{1,3})"
_YES_NO = re.compile(
    rf"{_NUMBER}\s+jaa-ään\w*\s+ja\s+{_NUMBER}\s+ei-ään\w*"
    rf"|{_NUMBER}\s+ja-röst\w*\s+och\s+{_NUMBER}\s+nej-röst\w*",
    re.IGNORECASE,
)
_BLANK = re.compile(rf"{_NUMBER}\s+(?:tyhj\w*|blank\w*)", re.IGNORECASE)
_ABSENT = re.compile(rf"{_NUMBER}\s+(?:poissa\w*|frånvarande)", re.IGNORECASE)
_SCORE = re.compile(
    rf"(?:äänin|äänestyksen\s+jälkeen|omröstning|rösterna)\s*\(?\s*{_NUMBER}\s*[–-]\s*{_NUMBER}",
    re.IGNORECASE,
)
_PROPOSALS = re.compile(
    r"(?P<yes>[^.]+?)\s+kannattavat\s+äänestävät\s+jaa\s+ja\s+"
    r"(?P<no>[^.]+?)\s+kannattavat\s+äänestävät\s+ei\b"
    r"|de\s+som\s+understöder\s+(?P<yes_sv>[^.]+?)\s+röstar\s+ja\s+och\s+de\s+som\s+"
    r"understöder\s+(?P<no_sv>[^.]+?)\s+röstar\s+nej\b",
    re.IGNORECASE,
)
# Words _PROPOSALS cannot match without: its lazy runs try every start in a text, so a
# text without them (most) is not searched.
_PROPOSAL_WORDS = re.compile(r"kannattavat|understöder", re.IGNORECASE)
# "JAA: Niemi, Kallio" / "Ja (3): ..." / "Frånvarande: ..." on a line of its own.
_NAME_LINES = {
    "yes_names": re.compile(
        r"^(?:jaa|ja)(?:-ään\w*|-röst\w*)?\s*(?:\(\d+\))?\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
    ),
    "no_names": re.compile(
        r"^(?:ei|nej)(?:-ään\w*|-röst\w*)?\s*(?:\(\d+\))?\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
    ),
    "blank_names": re.compile(
        r"^(?:tyhjää|tyhjä|blankt?|blanka)\s*(?:\(\d+\))?\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
    ),
    "absent_names": re.compile(
        r"^(?:poissa|frånvarande)\s*(?:\(\d+\))?\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
    ),
}
_DISSENT = re.compile(
    r"eriävä\w*\s+mielipite\w*|\breservation\b|\breserverade\s+sig\b", re.IGNORECASE
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def proceedings_text(action: dict) -> str:
    """Proceedings and decision text, where votes are reported."""
    return "\n".join(
        content.get("text") or ""
        for content in action.get("contents") or ()
        if content.get("type") in (ContentType.PROCEEDINGS, ContentType.DECISION)
    )


def extract_votes(action: dict) -> list[dict]:
    """The votes reported in the action, one dict of VOTE_FIELDS each (a text reporting the
    same vote twice, in the proceedings and the decision, gives it once)."""
    text = proceedings_text(action)
    votes = _counted_votes(text) or _scored_votes(text)
    proposals = _PROPOSALS.search(text) if _PROPOSAL_WORDS.search(text) else None
    if votes:
        votes[0].update(_names(text))
    if votes and proposals:
        votes[0]["yes_proposal"] = _clean(proposals.group("yes") or proposals.group("yes_sv"))
        votes[0]["no_proposal"] = _clean(proposals.group("no") or proposals.group("no_sv"))
    return [{key: vote.get(key) for key in VOTE_FIELDS} for vote in votes]


def extract_dissents(action: dict) -> list[str]:
    """Sentences reporting a dissenting opinion, as written."""
    sentences = _SENTENCES.split(proceedings_text(action))
    return [" ".join(sentence.split()) for sentence in sentences if _DISSENT.search(sentence)]


def _counted_votes(text: str) -> list[dict]:
    votes = []
    for sentence in _SENTENCES.split(text):
        match = _YES_NO.search(sentence)
        if not match:
            continue
        yes, no = (int(value) for value in match.groups() if value is not None)
        vote = {
            "yes": yes,
            "no": no,
            "majority": max(yes, no),
            "minority": min(yes, no),
            "text": " ".join(sentence.split()),
        }
        for field, pattern in (("blank", _BLANK), ("absent", _ABSENT)):
            found = pattern.search(sentence)
            vote[field] = int(found.group(1)) if found else None
        votes.append(vote)
    return votes


def _scored_votes(text: str) -> list[dict]:
    """ "äänin 5-4" style: the same score written twice is one vote."""
    votes: dict[tuple[int, int], dict] = {}
    for sentence in _SENTENCES.split(text):
        match = _SCORE.search(sentence)
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            votes.setdefault(
                (first, second),
                {
                    "majority": max(first, second),
                    "minority": min(first, second),
                    "text": " ".join(sentence.split()),
                },
            )
    return list(votes.values())


def _names(text: str) -> dict[str, list[str]]:
    """Who voted how, where the minutes list the names (the first vote's)."""
    names = {}
    for field, pattern in _NAME_LINES.items():
        found = pattern.search(text)
        if found:
            names[field] = [
                name.strip() for name in re.split(r"[,;]", found.group(1)) if name.strip()
            ]
    return names


def _clean(phrase: str | None) -> str | None:
    """The proposal's words: what follows "siten, että" (Finnish puts it first)."""
    if not phrase:
        return None
    phrase = re.split(r"\bettä\s+", phrase)[-1]
    return " ".join(phrase.split()).strip(" ,")
