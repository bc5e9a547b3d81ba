"""Fields the store computes from a merged record rather than reads from a page.

``derive_fields`` runs on every merged record before it is validated and hashed
(Store._merge_record), so a derived field always follows the record's current
contents: when the minutes replace an item's text, its outcome is read again.

An action's ``outcome``:

- with decision (or, failing that, proceedings) text: ``procedural`` for the items that
  run the meeting (transform/procedural.py), else what transform/outcome.py reads from
  it; when no rule matches, ``decided`` for an officeholder decision (a decision maker
  and no meeting: one person decided, there was no proposal to approve) and
  ``unknown`` otherwise;
- with contents but no decision text (an agenda item not yet decided, a cover page,
  appeal instructions): absent. Nothing was decided there, and ``unknown`` would
  count such pages among the decisions whose wording we could not read;
- without contents (an action seen only in a list): left as the parser gave it,
  usually absent; a platform that states the outcome in its lists may give it.
"""

from __future__ import annotations

from transform.outcome import classify_outcome, decision_text
from transform.procedural import is_procedural
from transform.schema import FIELDS_BY_TYPE, Outcome, RecordType


def derive_fields(record_type: RecordType, record: dict) -> dict:
    """``record`` with its derived fields recomputed (a new dict; the input is kept)."""
    if record_type is RecordType.ACTION:
        return _with_outcome(record)
    return record


def _with_outcome(action: dict) -> dict:
    if not action.get("contents"):
        return action
    derived = dict(action)
    if decision_text(action) is None:
        derived.pop("outcome", None)
    else:
        derived["outcome"] = _decided_outcome(action).value
    return _in_schema_order(RecordType.ACTION, derived)


def _decided_outcome(action: dict) -> Outcome:
    """What the decision text says; procedural items and officeholder decisions named."""
    if is_procedural(action):
        return Outcome.PROCEDURAL
    outcome = classify_outcome(action)
    if outcome is Outcome.UNKNOWN and action.get("decision_maker") and not action.get("meeting"):
        # One person decided ("Päätän...", "Hyväksyn..."): no proposal to compare with.
        return Outcome.DECIDED
    return outcome


def _in_schema_order(record_type: RecordType, record: dict) -> dict:
    """Keys in schema order, as the store writes them (a new key would land last)."""
    order = FIELDS_BY_TYPE[record_type]
    known = {key: record[key] for key in order if key in record}
    return {**known, **{key: value for key, value in record.items() if key not in known}}
