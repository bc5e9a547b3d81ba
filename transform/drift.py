"""Template drift: how well a source's item documents matched the label vocabulary.

Each parsed item document reports the labels it did not know and the share of its text
that landed in known sections (harvest/documents/layout.py). Per source we add them up, so
staff see new labels as they appear, and a source whose documents suddenly read as mostly
``other`` is flagged as a problem instead of being published as if nothing were wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# A document with less than this share of its text in known sections is "mostly other".
MOSTLY_OTHER_BELOW = 0.5
# Flag a source when at least this many documents were read and most are mostly other.
FLAG_MIN_DOCUMENTS = 3
FLAG_SHARE_OF_DOCUMENTS = 0.5
_TOP_LABELS = 20


@dataclass
class SourceDrift:
    documents: int = 0
    known_share_sum: float = 0.0
    mostly_other: int = 0
    unknown_labels: Counter = field(default_factory=Counter)
    formats: Counter = field(default_factory=Counter)

    def add(self, document: dict) -> None:
        share = float(document.get("known_share", 1.0))
        self.documents += 1
        self.known_share_sum += share
        self.mostly_other += share < MOSTLY_OTHER_BELOW
        self.unknown_labels.update(document.get("unknown_labels") or ())
        self.formats[document.get("format") or "unknown"] += 1

    @property
    def known_share(self) -> float:
        return self.known_share_sum / self.documents if self.documents else 1.0

    @property
    def flagged(self) -> bool:
        return (
            self.documents >= FLAG_MIN_DOCUMENTS
            and self.mostly_other / self.documents > FLAG_SHARE_OF_DOCUMENTS
        )

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "known_share": round(self.known_share, 3),
            "mostly_other": self.mostly_other,
            "flagged": self.flagged,
            "unknown_labels": dict(self.unknown_labels.most_common(_TOP_LABELS)),
            "formats": dict(self.formats),
        }

    def summary(self, source: str) -> str:
        flag = "  FLAGGED: most documents read as 'other'" if self.flagged else ""
        labels = ", ".join(f"{label!r} ({n})" for label, n in self.unknown_labels.most_common(8))
        return (
            f"  documents {source}: {self.documents} read, {self.known_share:.0%} of text in"
            f" known sections, {self.mostly_other} mostly other"
            f"{'; unknown labels: ' + labels if labels else ''}{flag}"
        )


def drift_problems(drift: dict[str, SourceDrift]) -> list[str]:
    return [
        f"{source}: {d.mostly_other} of {d.documents} item documents read as mostly 'other'"
        " (template changed?); unknown labels: "
        + (", ".join(label for label, _ in d.unknown_labels.most_common(5)) or "none")
        for source, d in sorted(drift.items())
        if d.flagged
    ]
