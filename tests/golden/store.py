"""The small fixed store the site tests and the golden site are built from.

Hand-written records: two municipalities (Finnish- and Swedish-speaking), a board with an
agenda and its minutes, an officeholder, a changed action with an earlier version, an
action with a Swedish translation, and hostile input (script in titles, unsafe ids and URLs).
``FakeStore`` has the read methods, orderings and withdrawn filtering of
transform.store.Store.
"""

from __future__ import annotations

import copy

from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    Outcome,
    RecordType,
    make_id,
)

PROVENANCE = {
    "fetched_at": "2017-03-22T02:00:00+00:00",
    "raw_sha256": "0" * 64,
    "parser_version": "1",
    "first_seen": "2017-03-14T02:00:00+00:00",
    "last_seen": "2017-03-22T02:00:00+00:00",
    "withdrawn_at": None,
}
HOSTILE_ORIGIN_IDS = ("../../etc", "a/b", "%2e%2e")


def action_record(municipality: str, origin_id: str, **fields) -> dict:
    return {
        "id": make_id(municipality, RecordType.ACTION, origin_id),
        "municipality": municipality,
        "origin_id": origin_id,
        "source_url": f"https://example.org/{municipality}/item",
        "contents": [],
        "attachments": [],
        **PROVENANCE,
        **fields,
    }


def site_records() -> dict[str, list[dict]]:
    municipalities = [
        {
            "id": "vaasa",
            "name": {"fi": "Vaasa", "sv": "Vasa"},
            "code": "905",
            "languages": ["fi", "sv"],
            "platform": "ktweb",
            "base_url": "https://example.org/v/",
        },
        {
            "id": "kristinestad",
            "name": {"fi": "Kristiinankaupunki", "sv": "Kristinestad"},
            "code": "287",
            "languages": ["sv", "fi"],
            "platform": "ktweb",
            "base_url": "",
        },
    ]
    organizations = [
        {
            "id": "vaasa:org:kh",
            "municipality": "vaasa",
            "name": "Kaupunginhallitus",
            "classification": Classification.BOARD,
            "origin_id": "kh",
        },
        {
            "id": "vaasa:org:rvj",
            "municipality": "vaasa",
            "name": "Rakennusvalvontajohtaja",
            "classification": Classification.OFFICEHOLDER,
            "origin_id": "rvj",
        },
        {
            "id": "kristinestad:org:sty",
            "municipality": "kristinestad",
            "name": "Stadsstyrelsen",
            "classification": Classification.BOARD,
            "origin_id": "sty",
        },
    ]
    meetings = [
        {
            "id": "vaasa:meeting:2017-5",
            "municipality": "vaasa",
            "organization": "vaasa:org:kh",
            "number": "5/2017",
            "start": "2017-03-20T16:00:00+02:00",
            "document_kind": DocumentKind.MINUTES,
            "language": "fi",
            "origin_id": "2017-5",
            "source_url": "https://example.org/v/meeting/5",
            "pdf_url": "https://example.org/v/5.pdf",
            **PROVENANCE,
        },
        # The agenda of the same meeting (KTweb publishes agenda and minutes separately) and
        # the Swedish minutes of it (bilingual Vaasa publishes both languages).
        {
            "id": "vaasa:meeting:2017-5-agenda",
            "municipality": "vaasa",
            "organization": "vaasa:org:kh",
            "number": "5/2017",
            "start": "2017-03-20T16:00:00+02:00",
            "document_kind": DocumentKind.AGENDA,
            "language": "fi",
            "origin_id": "2017-5-agenda",
            "source_url": "https://example.org/v/agenda/5",
            "pdf_url": None,
            **PROVENANCE,
        },
        {
            "id": "vaasa:meeting:2017-5-sv",
            "municipality": "vaasa",
            "organization": "vaasa:org:kh",
            "number": "5/2017",
            "start": "2017-03-20T16:00:00+02:00",
            "document_kind": DocumentKind.MINUTES,
            "language": "sv",
            "origin_id": "2017-5-sv",
            "source_url": "https://example.org/v/meeting/5/sv",
            "pdf_url": None,
            **PROVENANCE,
        },
        # An earlier handling of the same matter (register number), with a vote.
        {
            "id": "vaasa:meeting:2017-3",
            "municipality": "vaasa",
            "organization": "vaasa:org:kh",
            "number": "3/2017",
            "start": "2017-03-06T16:00:00+02:00",
            "document_kind": DocumentKind.MINUTES,
            "language": "fi",
            "origin_id": "2017-3",
            "source_url": "https://example.org/v/meeting/3",
            "pdf_url": None,
            **PROVENANCE,
        },
        {
            "id": "vaasa:meeting:../../etc",
            "municipality": "vaasa",
            "organization": "vaasa:org:kh",
            "number": "4/2016",
            "start": "2016-11-07T16:00:00+02:00",
            "document_kind": DocumentKind.AGENDA,
            "language": "fi",
            "origin_id": "../../etc",
            "source_url": "javascript:alert(1)",
            "pdf_url": None,
            **PROVENANCE,
        },
        {
            "id": "kristinestad:meeting:77",
            "municipality": "kristinestad",
            "organization": "kristinestad:org:sty",
            "number": "3/2017",
            "start": "2017-03-21T18:00:00+02:00",
            "document_kind": DocumentKind.MINUTES,
            "language": "sv",
            "origin_id": "77",
            "source_url": "https://example.org/k/77",
            "pdf_url": None,
            **PROVENANCE,
        },
    ]
    actions = [
        action_record(
            "vaasa",
            "123",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:2017-5",
            article_number="12",
            ordering=1,
            title="Talousarviomuutos 2017",
            register_id="VD/1545/00.04.00/2017",
            function_code="00.04.00",
            language="fi",
            presenter="kaupunginjohtaja Tomas Häyry",
            preparers=["Talousjohtaja"],
            outcome=Outcome.APPROVED_AS_PROPOSED,
            date="2017-03-20",
            pdf_url="https://example.org/v/123.pdf",
            translations=[{"language": "sv", "id": "vaasa:action:123-sv"}],
            history=[{"organization": "vaasa:org:kh", "date": "2017-03-06", "article_number": "3"}],
            contents=[
                {
                    "type": ContentType.PRESENTATION,
                    "label": "Perustelut",
                    "text": "Ensimmäinen kappale.\n\nToinen kappale\njatkuu.",
                    "html": None,
                },
                {
                    "type": ContentType.PROPOSAL,
                    "label": "Päätösehdotus",
                    "text": "Kaupunginhallitus hyväksyy muutoksen.",
                    "html": None,
                },
                {
                    "type": ContentType.DECISION,
                    "label": "Päätös",
                    "text": "Ehdotus hyväksyttiin.",
                    "html": "<p>Ehdotus <strong>hyväksyttiin</strong>.</p>",
                },
            ],
            attachments=[
                {
                    "name": "Talousarvio.pdf",
                    "url": "https://example.org/v/a1.pdf",
                    "public": True,
                    "media_type": "application/pdf",
                    "sha256": "c" * 64,
                    "pages": 2,
                    "extraction": "extracted",
                    "text": "Talousarviomuutos 2017\nKohde\tEuroa\n\nLiikuntahalli\t120000",
                },
                {
                    "name": "Hankintahinnat",
                    "url": None,
                    "public": False,
                    "confidentiality_reason": "JulkL 24 § 1 mom. 20 k.",
                },
                # Kept after the source dropped it; and a scan we could not read.
                {
                    "name": "Selvitys.pdf",
                    "url": "https://example.org/v/a3.pdf",
                    "public": True,
                    "media_type": "application/pdf",
                    "pages": 1,
                    "extraction": "extracted",
                    "text": "Selvityksen teksti.",
                    "source_gone_at": "2017-03-21T01:00:00+00:00",
                },
                {
                    "name": "Kartta.pdf",
                    "url": "https://example.org/v/a4.pdf",
                    "public": True,
                    "media_type": "application/pdf",
                    "pages": 1,
                    "extraction": "no_text_layer",
                    "extraction_note": "a scanned PDF without a text layer (no OCR)",
                },
            ],
        ),
        action_record(
            "vaasa",
            "124",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:2017-5",
            article_number="13",
            ordering=2,
            language="fi",
            date="2017-03-20",
            title='Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>',
            source_url="javascript:alert(document.cookie)",
            contents=[
                {
                    "type": ContentType.PROPOSAL,
                    "label": "Ehdotus<script>alert(2)</script>",
                    "text": "ignored when html is usable",
                    "html": (
                        '<p style="background:url(javascript:alert(3))" '
                        'onclick="alert(4)">Hyväksytään'
                        '<script>alert(5)</script><img src="x" onerror="alert(6)">'
                        '<a href="javascript:alert(7)">linkki</a><iframe src="https://evil.example">'
                        "</iframe><svg "
                        'onload="alert(8)"></svg><style>body{display:none}</style></p>'
                        '<table><tr><td colspan="2" onmouseover="alert(9)">solu</td></tr>'
                        "<tr><td>a</td><td>b</td></tr></table>"
                    ),
                }
            ],
            attachments=[
                {"name": "<img src=x>.pdf", "url": "javascript:alert(10)", "public": True}
            ],
        ),
        action_record(
            "vaasa",
            "123-agenda",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:2017-5-agenda",
            article_number="12",
            ordering=1,
            title="Talousarviomuutos 2017",
            register_id="VD/1545/00.04.00/2017",
            language="fi",
            date="2017-03-20",
            outcome=None,
            contents=[
                {
                    "type": ContentType.PROPOSAL,
                    "label": "Päätösehdotus",
                    "text": "Kaupunginhallitus hyväksyy muutoksen.",
                    "html": None,
                }
            ],
        ),
        action_record(
            "vaasa",
            "123-sv",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:2017-5-sv",
            article_number="12",
            ordering=1,
            title="Ändring av budgeten 2017",
            register_id="VD/1545/00.04.00/2017",
            language="sv",
            date="2017-03-20",
            outcome=Outcome.APPROVED_AS_PROPOSED,
            translations=[{"language": "fi", "id": "vaasa:action:123"}],
            contents=[
                {
                    "type": ContentType.DECISION,
                    "label": "Beslut",
                    "text": "Förslaget godkändes.",
                    "html": None,
                }
            ],
        ),
        action_record(
            "vaasa",
            "110",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:2017-3",
            article_number="3",
            ordering=1,
            title="Talousarviomuutos 2017",
            register_id="VD/1545/00.04.00/2017",
            language="fi",
            date="2017-03-06",
            outcome=Outcome.RETURNED,
            contents=[
                {
                    "type": ContentType.PROPOSAL,
                    "label": "Päätösehdotus",
                    "text": "Kaupunginhallitus hyväksyy muutoksen.",
                    "html": None,
                },
                {
                    "type": ContentType.PROCEEDINGS,
                    "label": "Käsittely",
                    "text": "Puheenjohtaja esitti äänestettäväksi siten, että esitystä kannattavat "
                    "äänestävät JAA ja palautusehdotusta kannattavat äänestävät EI. "
                    "Äänestyksessä annettiin 4 JAA-ääntä ja 7 EI-ääntä (1 tyhjä). "
                    "Jäsen Aho jätti päätöksestä eriävän mielipiteen.",
                    "html": None,
                },
                {
                    "type": ContentType.DECISION,
                    "label": "Päätös",
                    "text": "Asia palautettiin valmisteluun.",
                    "html": None,
                },
            ],
        ),
        action_record(
            "vaasa",
            "a/b",
            organization="vaasa:org:kh",
            meeting="vaasa:meeting:../../etc",
            article_number="40",
            ordering=1,
            title="Ilmoitusasiat",
            language="fi",
            date="2016-11-07",
            outcome=Outcome.NOTED,
        ),
        action_record(
            "vaasa",
            "%2e%2e",
            organization="vaasa:org:rvj",
            meeting=None,
            title="Rakennuslupa, Kauppapuistikko 1",
            decision_maker="Rakennusvalvontajohtaja",
            language="fi",
            date="2017-02-01",
            outcome=Outcome.APPROVED_AS_PROPOSED,
        ),
        action_record(
            "kristinestad",
            "900",
            organization="kristinestad:org:sty",
            meeting="kristinestad:meeting:77",
            article_number="45",
            ordering=1,
            title="Budgetändring 2017",
            register_id="KRS/88/02.02.02/2017",
            language="sv",
            outcome=Outcome.TABLED,
            date="2017-03-21",
            contents=[
                {
                    "type": ContentType.PROPOSAL,
                    "label": "Beslutsförslag",
                    "text": "Stadsstyrelsen godkänner ändringen.",
                    "html": None,
                },
                {
                    "type": ContentType.DECISION,
                    "label": "Beslut",
                    "text": "Ärendet bordlades.",
                    "html": None,
                },
            ],
        ),
    ]
    # As the store gives them: oldest first, ending with the current record.
    agenda_version = {
        **copy.deepcopy(actions[0]),
        "outcome": None,
        "fetched_at": "2017-03-14T02:00:00+00:00",
        "contents": actions[0]["contents"][:2],
        "version": 1,
        "valid_from": "2017-03-14T02:00:00+00:00",
        "valid_to": "2017-03-22T02:00:00+00:00",
    }
    current_version = {
        **copy.deepcopy(actions[0]),
        "version": 2,
        "valid_from": actions[0]["fetched_at"],
        "valid_to": None,
    }
    return {
        "municipalities": municipalities,
        "organizations": organizations,
        "meetings": meetings,
        "actions": actions,
        "versions": {actions[0]["id"]: [agenda_version, current_version]},
    }


class FakeStore:
    """Same read methods, orderings and withdrawn filtering as transform.store.Store;
    records are deep-copied out so a build cannot change the fixture."""

    def __init__(self, records: dict):
        self.records = records
        self.remembered_forms: dict = {}  # Store's published_forms table, in memory
        self.remembered_tags: dict = {}  # Store's keyword_tags table, in memory
        self.remembered_analyses: dict = {}  # Store's word_analyses table: signature -> rows

    def published_forms(self, record_type) -> dict:
        return dict(self.remembered_forms.get(record_type, {}))

    def save_published_forms(self, record_type, rows) -> None:
        self.remembered_forms.setdefault(record_type, {}).update(
            (row[0], tuple(row[1:])) for row in rows
        )

    def keyword_tags(self) -> dict:
        return dict(self.remembered_tags)

    def save_keyword_tags(self, rows) -> None:
        self.remembered_tags.update((input_key, tags) for _, input_key, tags in rows)

    def word_analyses(self, signature: str) -> list[tuple]:
        return list(self.remembered_analyses.get(signature, {}).values())

    def save_word_analyses(self, signature: str, rows) -> None:
        # As the store: analyses made under any other signature are dropped.
        kept = self.remembered_analyses.get(signature, {})
        kept.update(
            ((word, language), (word, language, parts, forms))
            for word, language, parts, forms in rows
        )
        self.remembered_analyses = {signature: kept}

    def municipalities(self, include_withdrawn=False) -> list[dict]:
        return copy.deepcopy(self.records["municipalities"])

    def organizations(self, municipality=None, include_withdrawn=False) -> list[dict]:
        return self._select("organizations", include_withdrawn, municipality=municipality)

    def meetings(self, municipality=None, organization=None, include_withdrawn=False):
        found = self._select(
            "meetings", include_withdrawn, municipality=municipality, organization=organization
        )
        return sorted(found, key=lambda meeting: meeting["start"], reverse=True)

    def actions(
        self, municipality=None, meeting=None, organization=None, include_withdrawn=False
    ) -> list[dict]:
        found = self._select(
            "actions",
            include_withdrawn,
            municipality=municipality,
            meeting=meeting,
            organization=organization,
        )
        found.sort(key=lambda action: action.get("ordering") or 0)
        found.sort(key=lambda action: action["date"], reverse=True)
        return found

    def action_versions(self, action_id: str) -> list[dict]:
        current = [a for a in self.records["actions"] if a["id"] == action_id]
        if not current or current[0]["withdrawn_at"]:
            return []
        return copy.deepcopy(self.records["versions"].get(action_id, current))

    def _select(self, kind: str, include_withdrawn: bool, **criteria) -> list[dict]:
        return copy.deepcopy(
            [
                record
                for record in self.records[kind]
                if (include_withdrawn or not record.get("withdrawn_at"))
                and all(
                    value is None or record.get(key) == value for key, value in criteria.items()
                )
            ]
        )
