"""The cover of a whole-meeting document -> the meeting's facts.

Covers list, label beside value or label above the values: time ("Aika", "Tid"), place
("Paikka", "Plats"), attendance in groups ("Saapuvilla olleet jäsenet", "Muut saapuvilla
olleet", "Poissa"; "Beslutande", "Ordinarie", "Ersättare", "Övriga närvarande",
"Frånvarande"), one person a line as "Name, role, role", sometimes with a [X] or [ ] mark
for present or absent; the signatures and the day the minutes were published
("Pöytäkirjan nähtävänäolo", "Protokollet framlagt"). The organ's name is often only in the
running header (dropped as page furniture), so the file name is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from harvest.pdftext import VisualLine
from harvest.platforms.sections import (
    DATE_TIME,
    classify_organ,
    document_kind_in,
    label_key,
    parse_start,
)
from transform.schema import Classification, DocumentKind

_TIME_LABELS = {"aika", "kokousaika", "tid", "sammanträdestid", "tidpunkt"}
_PLACE_LABELS = {"paikka", "kokouspaikka", "plats", "sammanträdesplats"}
_PRESENT_GROUPS = {
    "saapuvilla olleet jäsenet", "saapuvilla", "läsnä", "läsnä olleet", "jäsenet", "osallistujat",
    "varajäsenet", "muut saapuvilla olleet", "muut läsnäolijat", "muut läsnä olleet",
    "beslutande", "ordinarie", "ersättare", "närvarande", "övriga närvarande", "övriga",
    "ledamöter",
}  # fmt: skip
_ABSENT_GROUPS = {"poissa", "poissa olleet", "poissaolevat", "frånvarande"}
# Labels that end the attendance lists.
_END_GROUPS = {
    "allekirjoitukset", "underskrifter", "pöytäkirjan tarkastus", "pöytäkirjantarkastajat",
    "protokolljustering", "justering", "käsitellyt asiat", "käsiteltävät asiat",
    "behandlade ärenden", "ärenden", "pöytäkirjan nähtävänäolo", "nähtävänäolo",
    "protokollet framlagt", "framläggande", "anslagen", "kokouksen laillisuus",
}  # fmt: skip
_PUBLISHED_LABELS = (
    "nähtävänäolo", "nähtävillä", "framlagt", "framläggande", "anslagen", "anslaget",
)  # fmt: skip
_CHAIR_ROLES = {"puheenjohtaja", "pj", "ordförande", "ordf"}
_SECRETARY_ROLES = {"sihteeri", "pöytäkirjanpitäjä", "sekreterare", "protokollförare"}
_MARK = re.compile(r"^\[\s*(?P<mark>[xX✓]?)\s*\]\s*|^(?P<cross>[xX])\s+(?=[A-ZÅÄÖ])")
_FILE_DATE = re.compile(r"\s*[-–,]?\s*\d{1,2}\.\d{1,2}\.\d{4}.*$")
_MAX_ORGAN_CHARS = 70


@dataclass
class MeetingCover:
    organ: str | None = None
    document_kind: DocumentKind | None = None
    start: str | None = None
    place: str | None = None
    attendance: list[dict] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    published: str | None = None  # the day the minutes were made public

    def meeting_fields(self) -> dict:
        """Schema fields of the meeting (None where the cover does not say)."""
        return {
            "start": self.start,
            "document_kind": self.document_kind,
            "place": self.place,
            "attendance": self.attendance or None,
            "chair": self.chair,
            "secretary": self.secretary,
            "published": self.published,
        }


def read_cover(lines: list[VisualLine], file_name: str = "") -> MeetingCover:
    cover = MeetingCover()
    cover.start = _labelled_value(lines, _TIME_LABELS, _start_of)
    cover.place = _labelled_value(lines, _PLACE_LABELS, str.strip)
    cover.attendance = attendance_of(lines)
    cover.chair = _person_with_role(cover.attendance, _CHAIR_ROLES)
    cover.secretary = _person_with_role(cover.attendance, _SECRETARY_ROLES)
    cover.published = _published(lines)
    texts = [line.text for line in lines]
    cover.document_kind = _first_kind([*texts, file_name])
    cover.organ = _organ_in(texts) or organ_in_file_name(file_name)
    if cover.start is None:
        cover.start = next(filter(None, map(_start_of, texts[:8])), None)
        cover.start = cover.start or _start_of(file_name.replace("_", ":"))
    return cover


def _start_of(text: str) -> str | None:
    # "16.09.2025, klo 17:26 - 18:52": the comma would hide the time from parse_start.
    return parse_start(text.replace(",", " "))


def _labelled_value(lines: list[VisualLine], labels: set[str], read) -> str | None:
    for line in lines:
        first = line.fragments[0].text
        if label_key(first) in labels and len(line.fragments) > 1:
            return read(" ".join(fragment.text for fragment in line.fragments[1:]))
        head, _, rest = line.text.partition(":")
        if rest.strip() and label_key(head) in labels:
            return read(rest)
    return None


# --- Attendance ----------------------------------------------------------------------------


def attendance_of(lines: list[VisualLine]) -> list[dict]:
    """People of the attendance groups: {name, role, group, present}."""
    people, group, present = [], None, True
    for line in lines:
        first = line.fragments[0].text
        key = label_key(first)
        if key in _END_GROUPS or label_key(line.text) in _END_GROUPS:
            group = None
            continue
        if key in _PRESENT_GROUPS or key in _ABSENT_GROUPS:
            group, present = label_key(first) and first.strip(" :"), key in _PRESENT_GROUPS
            rest = " ".join(fragment.text for fragment in line.fragments[1:])
            if rest:
                people.append(_person(rest, group, present))
            continue
        if group and _looks_like_person_line(line.text):
            people.append(_person(line.text, group, present))
    return people


def _person(text: str, group: str, present: bool) -> dict:
    mark = _MARK.match(text)
    if mark:
        present = present and bool(mark.group("mark") or mark.group("cross"))
        text = text[mark.end() :]
    name, _, role = (part.strip() for part in text.partition(","))
    return {"name": name, "role": role or None, "group": group, "present": present}


def _looks_like_person_line(text: str) -> bool:
    name = _MARK.sub("", text).split(",", 1)[0].strip()
    words = name.split()
    return 2 <= len(words) <= 5 and all(word[:1].isupper() for word in words[:2])


def _person_with_role(people: list[dict], roles: set[str]) -> str | None:
    for person in people:
        parts = {label_key(part) for part in (person["role"] or "").split(",")}
        if parts & roles and person["present"]:
            return person["name"]
    return None


# --- Publication, organ, kind --------------------------------------------------------------


def _published(lines: list[VisualLine]) -> str | None:
    """The first date on or after a publication label ("Pöytäkirjan nähtävänäolo")."""
    for index, line in enumerate(lines):
        if any(label in line.text.lower() for label in _PUBLISHED_LABELS):
            for following in lines[index : index + 4]:
                match = DATE_TIME.search(following.text)
                if match:
                    return parse_start(match.group().split()[0])
    return None


def _first_kind(texts: list[str]) -> DocumentKind | None:
    return next(filter(None, map(document_kind_in, texts)), None)


def _organ_in(texts: list[str]) -> str | None:
    """A short cover line that names an organ ("Tekninen lautakunta", "Stadsstyrelsen")."""
    for text in texts[:12]:
        name = " ".join(text.split())
        short = len(name) <= _MAX_ORGAN_CHARS and not any(ch.isdigit() for ch in name)
        if short and classify_organ(name) is not Classification.OTHER:
            return name
    return None


def organ_in_file_name(file_name: str) -> str | None:
    """ "Pöytäkirja-Tekninen lautakunta - 16.09.2025, klo 17_26.pdf" -> "Tekninen lautakunta"."""
    stem = re.sub(r"\.\w{2,4}$", "", file_name.rsplit("/", 1)[-1])
    stem = _FILE_DATE.sub("", stem)
    for kind in ("pöytäkirja", "esityslista", "protokoll", "föredragningslista", "kallelse"):
        stem = re.sub(rf"^{kind}\s*[-–_]?\s*", "", stem, flags=re.I)
    stem = " ".join(stem.replace("_", " ").split()).strip(" -–")
    return stem or None
