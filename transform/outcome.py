"""An action's outcome, read from its decision text in Finnish or Swedish.

``classify_outcome(action)`` reads the text of the action's decision sections
(päätös / beslut); without one, its proceedings (käsittely / behandling); without
either there is nothing to read and the answer is ``unknown``. Whether such an
action should carry an outcome at all is transform/derive.py's business.

How the text is read:

1. It is lower-cased (casefold) and cut into sentences. A sentence that reports a
   motion rather than a decision ("X ehdotti Y:n kannattamana, että asia jätetään
   pöydälle", "Förslaget förföll i brist på understöd") is skipped: the motion's
   words are not the outcome.
2. Each remaining sentence is cut into clauses (at ``,`` ``;`` ``:``) so that a
   pattern never joins words of two clauses ("Muutosehdotusta ei hyväksytty, joten
   hyväksyttiin esitys" holds no rejected proposal).
3. ``RULES`` is tried in order; the first rule that matches any clause (and whose
   ``unless`` pattern does not match that clause) gives the outcome. The order is
   the policy: tabling or returning the matter beats any approval in the same text
   ("Hyväksyttiin X:n ehdotus jättää asia pöydälle"), an amendment beats the
   approval of the rest ("hyväksyi ... muutettuna ... Muilta osin esitys
   hyväksyttiin"), an explicit "as proposed" beats a rejection (rejecting a claim as
   proposed, "hylkäsi oikaisuvaatimuksen esityksen mukaisesti", is an approval).

What the outcomes mean here:

- ``rejected`` is the *proposal* rejected. A decision that rejects something else
  (a claim, an application: "Oikaisuvaatimus hylättiin") says nothing about the
  proposal and stays ``unknown`` unless it also says "as proposed".
- A vote is read by what won: "Äänestyksen jälkeen hyväksyttiin päätösehdotus" is
  ``approved_as_proposed``, a counter-proposal (muutos-/vastaehdotus,
  ändrings-/motförslag) adopted is ``amended``.
- Routine items whose decision names no outcome word ("Todettiin kokous
  lailliseksi", "Till protokolljusterare valdes ...") are ``unknown``.

Known limits: a member's proposal named only by its maker ("Hyväksyttiin
Virtasen ehdotus") reads as the proposal; a word hyphenated across a PDF line
break is not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transform.schema import ContentType, Outcome

# -- building blocks (on casefolded text) ---------------------------------------


def _gap(words: int) -> str:
    """Up to ``words`` words between two parts (clauses are matched one at a time, so
    this never reaches into the next clause)."""
    return rf"(?:\S+\s+){{0,{words}}}"


# esitys, esityksen, esitystä; (päätös)ehdotus, -ehdotuksen, -ehdotusta. The word
# boundary keeps out muutosehdotus, vastaehdotus, palautusehdotus and the like.
PROPOSAL_FI = r"\b(?:päätös)?(?:esity|ehdotu)\w*"
# förslag, förslaget, beslutsförslaget; not ändringsförslag or motförslag.
PROPOSAL_SV = r"\b(?:besluts)?förslag\w*"
# A proposal made at the meeting against the presented one.
COUNTER_FI = r"\b\w*(?:muutos|vasta)ehdotu\w*"
COUNTER_SV = r"\b\w*(?:ändrings|mot)förslag\w*"
NEGATION_FI = r"\b(?:ei|eikä|eivät)\b"
NEGATION_SV = r"\b(?:inte|icke|ej)\b"
# "ei hyväksytty", "eivät hyväksyneet esitystä", "godkändes inte", "inte godkänt".
NEGATED_APPROVAL = (
    rf"{NEGATION_FI}\s+{_gap(2)}hyväksy\w*"
    rf"|\bgodkän\w*\s+{_gap(1)}{NEGATION_SV}"
    rf"|{NEGATION_SV}\s+{_gap(1)}godkän\w*"
)

# A sentence reporting a motion (made, seconded, lapsed), not a decision.
MOTION = re.compile(
    r"\b(?:ehdott(?:i|ivat)|kannattamana|kannatt(?:i|ivat)|raukesi"
    r"|kannattamattom\w*|föreslog|understöd\w*|förföll)\b"
    r"|\bei\s+kannatettu\b"
)


@dataclass(frozen=True)
class Rule:
    """One way of saying an outcome. ``unless`` vetoes a match in the same clause."""

    outcome: Outcome
    name: str
    pattern: re.Pattern
    unless: re.Pattern | None = None

    def matches(self, clause: str) -> bool:
        if not self.pattern.search(clause):
            return False
        return self.unless is None or not self.unless.search(clause)


def _rule(outcome: Outcome, name: str, patterns: tuple[str, ...], unless: str = "") -> Rule:
    pattern = re.compile("|".join(f"(?:{part})" for part in patterns))
    return Rule(outcome, name, pattern, re.compile(unless) if unless else None)


# -- the rule table: first match wins --------------------------------------------

RULES: tuple[Rule, ...] = (
    _rule(
        Outcome.TABLED,
        "tabled",
        (
            r"\bpöydälle\b",  # jätettiin pöydälle, päätti jättää asian pöydälle
            rf"\bhyväksy\w*\s+{_gap(3)}pöydällepano\w*",  # hyväksyi pöydällepanoehdotuksen
            rf"\bpöydällepano\w*\s+{_gap(2)}(?:hyväksyttiin|voitti)\b",
            r"\bbordla(?:des|gts?)\b|\bbordläggs\b|\bbordlägga\b",
            rf"\b(?:godkän|omfatta)\w*\s+{_gap(3)}\w*bordläggning\w*",
        ),
        unless=(
            rf"{NEGATION_FI}\s+{_gap(2)}(?:jätetty|jättänyt|pantu|pannut)\b"
            rf"|\bbordla\w*\s+{NEGATION_SV}|{NEGATION_SV}\s+{_gap(1)}bordla\w*"
        ),
    ),
    _rule(
        Outcome.RETURNED,
        "returned",
        (
            rf"\bpalaut\w*\s+{_gap(3)}valmistel\w*",  # palautettiin (uudelleen) valmisteluun
            r"^(?:asia\s+)?palautettiin\b",  # "Palautettiin.", "Asia palautettiin."
            rf"\bhyväksy\w*\s+{_gap(3)}palautusehdotu\w*",
            rf"\bpalautusehdotu\w*\s+{_gap(2)}(?:hyväksyttiin|voitti)\b",
            r"\båterremitter(?:ades|as|ade|a)\b|\båterremiss\b",
            rf"\b(?:godkän|omfatta)\w*\s+{_gap(3)}återremiss\w*",
        ),
        unless=(
            rf"{NEGATION_FI}\s+{_gap(2)}palautettu\b"
            rf"|\båterremitterades\s+{NEGATION_SV}|{NEGATION_SV}\s+{_gap(1)}återremi\w*"
        ),
    ),
    _rule(
        Outcome.AMENDED,
        "amended",
        (
            r"\bmuutettuna\b|\bmuutetussa\s+muodossa\b|\bmuutoksin\b|\bmuutoksella\b",
            r"\blisäyksin\b|\blisäyksellä\b|\btäydennettynä\b",
            rf"\bmuutet(?:tu|un|tuna)\s+{PROPOSAL_FI}",  # hyväksyi muutetun päätösehdotuksen
            rf"{PROPOSAL_FI}\s+{_gap(1)}muutettiin\b|\bmuutti\s+{_gap(1)}{PROPOSAL_FI}",
            rf"\bhyväksy\w*\s+{_gap(4)}{COUNTER_FI}",  # hyväksyi X:n muutosehdotuksen
            rf"{COUNTER_FI}\s+{_gap(2)}(?:hyväksyttiin|voitti)\b",
            r"\bmed\s+(?:följande\s+|den\s+|de\s+)?(?:ändring|tillägg)\w*",  # med ändringar
            r"\bändrat\s+(?:besluts)?förslag\w*|\bi\s+ändrad\s+form\b",
            r"\b(?:beslutet|förslaget|beslutsförslaget)\s+ändrades\b",
            r"\bändrades\s+efter\s+omröstning\b",
            rf"\b(?:godkän|omfatta)\w*\s+{_gap(4)}{COUNTER_SV}",
            rf"{COUNTER_SV}\s+{_gap(2)}(?:godkändes|vann|omfattades)\b",
        ),
        unless=rf"{NEGATION_FI}|{NEGATION_SV}",
    ),
    _rule(
        Outcome.APPROVED_AS_PROPOSED,
        "as proposed",
        (
            rf"{PROPOSAL_FI}\s+mukai\w*",  # esityksen mukaisesti, päätösehdotuksen mukaisena
            rf"\benligt\s+{PROPOSAL_SV}|\bi\s+enlighet\s+med\s+{PROPOSAL_SV}",
        ),
        unless=NEGATED_APPROVAL,
    ),
    _rule(
        Outcome.REJECTED,
        "rejected",
        (
            rf"{PROPOSAL_FI}\s+{_gap(3)}(?:hylättiin|hylätään|hylkäsi\w*)\b",
            rf"\b(?:hylättiin|hylkäsi\w*)\s+{_gap(3)}{PROPOSAL_FI}",
            rf"{PROPOSAL_FI}\s+{_gap(3)}{NEGATION_FI}\s+{_gap(1)}hyväksy\w*",  # esitystä ei hyv.
            rf"{NEGATION_FI}\s+hyväksy\w*\s+{_gap(2)}{PROPOSAL_FI}",  # ei hyväksynyt esitystä
            r"^(?:hylättiin|ei\s+hyväksytty)(?:\s+yksimielisesti)?$",
            rf"{PROPOSAL_SV}\s+{_gap(3)}(?:förkastades|förkastas|avslogs|avslås)\b",
            rf"\b(?:förkastade|avslog)\s+{_gap(3)}{PROPOSAL_SV}",
            rf"{PROPOSAL_SV}\s+{_gap(2)}godkän\w*\s+{NEGATION_SV}",  # förslaget godkändes inte
            rf"\bgodkän\w*\s+{_gap(1)}{NEGATION_SV}\s+{_gap(2)}{PROPOSAL_SV}",
            r"^(?:förkastades|avslogs|godkändes\s+inte)$",
        ),
    ),
    _rule(
        Outcome.NOTED,
        "noted",
        (
            rf"\bmerki(?:ttiin|tsi|tsivät|tään|tsee)\s+{_gap(4)}tiedoksi\b",
            rf"\b(?:antecknade?s?|antecknar|antecknas|togs?|tas|tar)\s+{_gap(4)}"
            r"(?:för|till)\s+kännedom\b",
            r"^antecknades$|^(?:för\s+kännedom|tiedoksi)$",
        ),
        # "Antecknades till protokollet att ..." records a remark, not the outcome.
        unless=r"\btill\s+protokollet\b",
    ),
    _rule(
        Outcome.APPROVED_AS_PROPOSED,
        "approved",
        (
            rf"\bhyväksy\w*\s+{_gap(3)}{PROPOSAL_FI}",  # hyväksyttiin (yksimielisesti) esitys
            rf"{PROPOSAL_FI}\s+{_gap(3)}(?:hyväksy\w*|voitti)\b",  # päätösehdotus hyväksyttiin
            r"^(?:yksimielisesti\s+)?hyväksyttiin\b",  # "Hyväksyttiin.", "Hyväksyttiin äänin 7-2."
            rf"\b(?:godkän|omfatta)\w*\s+{_gap(3)}{PROPOSAL_SV}",
            rf"{PROPOSAL_SV}\s+{_gap(3)}(?:godkändes|godkänns|vann|omfattades)\b",
            r"^(?:enhälligt\s+)?godkändes\b",
        ),
        unless=NEGATED_APPROVAL,
    ),
)

# -- reading an action --------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_END = re.compile(r"[,;:](?:\s+|$)")


def decision_text(action: dict) -> str | None:
    """The decision sections' text; the proceedings' when there is no decision; else None."""
    for content_type in (ContentType.DECISION, ContentType.PROCEEDINGS):
        texts = [
            content.get("text") or ""
            for content in action.get("contents") or ()
            if content.get("type") == content_type
        ]
        joined = "\n".join(text for text in texts if text.strip())
        if joined:
            return joined
    return None


def classify_outcome(action: dict) -> Outcome:
    """The outcome the action's decision text states; ``unknown`` when none is stated."""
    text = decision_text(action)
    return classify_text(text) if text else Outcome.UNKNOWN


def classify_text(text: str) -> Outcome:
    rule = matching_rule(text)
    return rule.outcome if rule else Outcome.UNKNOWN


def matching_rule(text: str) -> Rule | None:
    """The first rule of ``RULES`` that any clause of ``text`` matches (explains a result)."""
    clauses = _decision_clauses(text)
    for rule in RULES:
        if any(rule.matches(clause) for clause in clauses):
            return rule
    return None


def _decision_clauses(text: str) -> list[str]:
    clauses = []
    for sentence in _SENTENCE_END.split(text.casefold()):
        if MOTION.search(sentence):
            continue
        for clause in _CLAUSE_END.split(sentence):
            normalised = " ".join(clause.split()).strip(" .!?")
            if normalised:
                clauses.append(normalised)
    return clauses
