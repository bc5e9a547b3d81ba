"""`avoin search`: a Whoosh index over the actions, for staff and scripts.

The index lives under <data-dir>/index/ and follows the store incrementally: beside it,
``indexed.json`` remembers for every indexed action the key it was indexed under (its
content hash plus the publishing state that changes what may be shown), and an update
re-reads only actions whose key differs. Text is indexed as the publishing rules let it
out, so a search never shows what the site and the dumps withhold.

Language: each action's title and text go to fields analysed for its language by
``transform/analysis.py``, the same analysis the browser index gets (``title_fi``/
``text_fi`` or ``title_sv``/``text_sv``; an action whose language is unknown goes to
both): every word under its base forms and compound parts, a query word under its base
forms, so "veroprosentti" finds "tuloveroprosentiksi" and "detaljplan" finds
"detaljplaneändringen", while "päiväkoti" does not find "päivä … koti". ``register_id``
(diaarinumero / diarienummer) is one exact token, so "2751/10.02.03/2015" finds exactly
that case; ``section`` is the § number, so "§ 406 kaupunginhallitus" finds that item.

What is a result: a meeting's unnumbered pages (cover, signatures, appeal instructions)
are not indexed; an agenda copy ranks below the minutes that decided it, and an
organising item without a register number below a case (``result_boost``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Collection
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as whoosh_query
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, Formatter, get_text
from whoosh.qparser import MultifieldParser
from whoosh.qparser.common import QueryParserError

from transform.analysis import whoosh_analyzer
from transform.progress import Progress
from transform.publishing import PublishingPolicy, publishable
from transform.schema import DerivedType, RecordType
from transform.store import Store
from transform.topics import topic_ids

INDEX_DIR = "index"
STATE_FILE = "indexed.json"
# Bump when the schema or what goes into a document changes: the index is then rebuilt.
INDEX_VERSION = 2
LANGUAGES = ("fi", "sv")
SEARCHED_FIELDS = (
    "title_fi",
    "title_sv",
    "text_fi",
    "text_sv",
    "register_id",
    "organ",
    "section",
)
FIELD_BOOSTS = {"title_fi": 2.0, "title_sv": 2.0, "register_id": 3.0}
# Minutes (the decision) over the agenda that proposed it; a case over an organising item.
AGENDA_BOOST = 0.6
NO_REGISTER_ID_BOOST = 0.5
FILTER_FIELDS = ("municipality", "organization", "date", "outcome", "language", "id")
FORMATS = ("table", "csv", "json")
HIT_FIELDS = (
    "rank",
    "id",
    "date",
    "organ",
    "title",
    "snippet",
    "score",
    "municipality",
    "register_id",
    "outcome",
)
SNIPPET_CHARS = 240
OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")
# The writer's pool of postings, in (Whoosh's estimate of) MiB: full, it is sorted into a
# run on disk, so a full index's memory stays flat however many actions there are. 64 fills
# at about 900 actions; a full index of 1k, 10k or 30k peaks at ~255 MiB (256 was ~490 MiB
# from 4k on) in the same CPU time.
WRITER_LIMIT_MB = 64


class SearchQueryError(ValueError):
    """The query cannot be understood; the message says why and how to write it."""


@dataclass(frozen=True)
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def __str__(self) -> str:
        rebuilt = " (rebuilt)" if self.rebuilt else ""
        return (
            f"{self.added} added, {self.updated} re-indexed, {self.removed} removed, "
            f"{self.unchanged} unchanged{rebuilt}"
        )


@dataclass(frozen=True)
class Hit:
    rank: int
    id: str
    date: str | None
    organ: str | None
    title: str | None
    snippet: str
    score: float
    municipality: str | None
    register_id: str | None
    outcome: str | None


# -- the index ------------------------------------------------------------------------


def search_schema() -> Schema:
    fields = {
        "id": ID(stored=True, unique=True),
        "register_id": ID(stored=True),
        "municipality": ID(stored=True),
        "organization": ID(stored=True),
        "organ": TEXT(stored=True, analyzer=whoosh_analyzer(None), multitoken_query="or"),
        "section": ID(),
        "date": ID(stored=True, sortable=True),
        "outcome": ID(stored=True),
        "language": ID(stored=True),
        "title": STORED(),
    }
    for language in LANGUAGES:
        analyzer = whoosh_analyzer(language)
        # A query word's base forms are alternatives: any of them matches.
        fields[f"title_{language}"] = TEXT(analyzer=analyzer, multitoken_query="or")
        fields[f"text_{language}"] = TEXT(analyzer=analyzer, stored=True, multitoken_query="or")
    return Schema(**fields)


def index_key(state: dict, policy: PublishingPolicy) -> str:
    """What an action was indexed as: its content, and the publishing facts that change
    what of it may be shown without changing the content (the retention period running
    out, a takedown). An action without a date counts as past retention, as the rules
    count it when its history has no date either."""
    decided = state["date"]
    past = policy.is_past_retention(date.fromisoformat(decided[:10]) if decided else None)
    taken_down = state["id"] in policy.takedowns or state["meeting"] in policy.takedowns
    return f"{state['content_hash']}:{'past' if past else 'recent'}:{int(taken_down)}"


def update_index(store: Store, index_dir: Path, policy: PublishingPolicy) -> IndexReport:
    """Bring the index up to date with the store, re-reading only changed actions."""
    index_dir = Path(index_dir)
    wanted = {
        state["id"]: index_key(state, policy)
        for state in store.action_states()
        if not state["withdrawn_at"]
    }
    indexed, rebuilt = _open_or_create(index_dir)
    changed = sorted(
        record_id for record_id, key in wanted.items() if indexed.get(record_id) != key
    )
    removed = sorted(indexed.keys() - wanted.keys())
    report = IndexReport(
        added=sum(1 for record_id in changed if record_id not in indexed),
        updated=sum(1 for record_id in changed if record_id in indexed),
        removed=len(removed),
        unchanged=len(wanted) - len(changed),
        rebuilt=rebuilt,
    )
    if changed or removed or rebuilt:
        _write_changes(store, index_dir, policy, changed, removed, indexed)
        _save_state(index_dir, wanted)
    return report


def _open_or_create(index_dir: Path) -> tuple[dict[str, str], bool]:
    """The keys indexed so far, and whether the index had to be (re)created empty."""
    state = _load_state(index_dir)
    if state is not None and whoosh_index.exists_in(str(index_dir)):
        return state, False
    index_dir.mkdir(parents=True, exist_ok=True)
    whoosh_index.create_in(str(index_dir), search_schema())
    return {}, True


def _write_changes(
    store: Store,
    index_dir: Path,
    policy: PublishingPolicy,
    changed: list[str],
    removed: list[str],
    indexed: dict[str, str],
) -> None:
    index = whoosh_index.open_dir(str(index_dir))
    organ_names = {
        organization["id"]: organization.get("name")
        for organization in store.organizations(include_withdrawn=True)
    }
    meeting_kinds = {
        meeting["id"]: meeting.get("document_kind")
        for meeting in store.meetings(include_withdrawn=True)
    }
    writer = index.writer(limitmb=WRITER_LIMIT_MB)
    progress = Progress("staff search index", total=len(changed), unit="decisions")
    try:
        for record_id in removed:
            writer.delete_by_term("id", record_id)
        for record_id in changed:
            progress.advance()
            record = store.action(record_id)
            published = publishable(RecordType.ACTION, record, policy) if record else None
            if published is None or not is_search_result(published):
                writer.delete_by_term("id", record_id)
            elif record_id in indexed:
                writer.update_document(**action_document(published, organ_names, meeting_kinds))
            else:  # new: no old document to look for
                writer.add_document(**action_document(published, organ_names, meeting_kinds))
    except BaseException:
        writer.cancel()
        raise
    finally:
        progress.close()
    writer.commit()


def is_search_result(action: dict) -> bool:
    """False for a meeting's unnumbered pages: the cover, the signatures, the appeal
    instructions. They repeat every meeting's boilerplate and would crowd out the items.
    An officeholder decision (no meeting) is a result with or without a number."""
    return not (action.get("meeting") and not action.get("article_number"))


def result_boost(action: dict, document_kind: str | None) -> float:
    """How much a matching action counts next to others: the minutes' item (the decision)
    over the agenda's copy, a case with a register number over an organising item
    (legality and quorum, minute checkers, notifications)."""
    boost = AGENDA_BOOST if document_kind == "agenda" else 1.0
    return boost if action.get("register_id") else boost * NO_REGISTER_ID_BOOST


def action_document(
    action: dict,
    organ_names: dict[str, str | None],
    meeting_kinds: dict[str, str | None] | None = None,
) -> dict:
    """The Whoosh document of one (published) action; absent values are left out."""
    language = action.get("language")
    languages = (language,) if language in LANGUAGES else LANGUAGES
    text = "\n\n".join(
        [
            *(content["text"] for content in action.get("contents") or () if content.get("text")),
            *attachment_texts(action),
        ]
    )
    document = {
        "id": action["id"],
        "register_id": action.get("register_id"),
        "municipality": action.get("municipality"),
        "organization": action.get("organization"),
        "organ": organ_names.get(action.get("organization")),
        "date": action.get("date"),
        "outcome": action.get("outcome"),
        "language": language,
        "title": action.get("title"),
        "section": action.get("article_number"),
        "_boost": result_boost(action, (meeting_kinds or {}).get(action.get("meeting"))),
    }
    for code in languages:
        document[f"title_{code}"] = action.get("title")
        document[f"text_{code}"] = text or None
    return {key: value for key, value in document.items() if value is not None}


def attachment_texts(action: dict) -> list[str]:
    """The (published) texts of the action's public attachments: a word found only in an
    attachment finds its item."""
    return [
        attachment["text"]
        for attachment in action.get("attachments") or ()
        if attachment.get("public") is not False and attachment.get("text")
    ]


def _load_state(index_dir: Path) -> dict[str, str] | None:
    path = index_dir / STATE_FILE
    if not path.exists():
        return None
    state = json.loads(path.read_text(encoding="utf-8"))
    if state.get("version") != INDEX_VERSION:
        return None  # another layout: rebuild
    return state["keys"]


def _save_state(index_dir: Path, keys: dict[str, str]) -> None:
    # Written after the index commit and swapped in whole, so the state never claims
    # more than the index holds (at worst an action is re-indexed once more).
    path = index_dir / STATE_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"version": INDEX_VERSION, "keys": keys}), encoding="utf-8")
    os.replace(temporary, path)


# -- queries --------------------------------------------------------------------------


def parse_query(text: str) -> whoosh_query.Query:
    """The Whoosh query for ``text``, or SearchQueryError. Whoosh itself is forgiving to
    a fault (an unclosed bracket silently becomes a search word), so what it would
    misread is refused here with a reason."""
    # "§ 406": the sign is how people write a section; the number is what is indexed.
    stripped = text.replace("§", " ").strip()
    if not stripped:
        raise SearchQueryError("the query is empty")
    problem = _syntax_problem(stripped)
    if problem:
        raise SearchQueryError(f"cannot parse the query {text!r}: {problem}. {QUERY_HELP}")
    parser = MultifieldParser(list(SEARCHED_FIELDS), search_schema(), fieldboosts=FIELD_BOOSTS)
    try:
        query = parser.parse(stripped)
    except QueryParserError as error:
        raise SearchQueryError(f"cannot parse the query {text!r}: {error}. {QUERY_HELP}") from None
    if query is whoosh_query.NullQuery:
        raise SearchQueryError(f"the query {text!r} has nothing to search for. {QUERY_HELP}")
    return query


QUERY_HELP = (
    'Write words (all must match), "a phrase" in double quotes, OR / NOT between words, '
    "(groups), and field:value with a field of "
    + ", ".join(sorted({*SEARCHED_FIELDS, *FILTER_FIELDS}))
    + "; dates as date:[2024-01-01 TO 2024-12-31]"
)
_FIELD_PREFIX = re.compile(r"(?:^|[\s(])([A-Za-z_]+):(?!//)")
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _syntax_problem(text: str) -> str | None:
    if text.count('"') % 2:
        return "a double quote is not closed"
    unquoted = re.sub(r'"[^"]*"', "PHRASE", text)  # a phrase is one value; its insides are free
    problem = _bracket_problem(unquoted)
    if problem:
        return problem
    words = unquoted.split()
    if words and words[-1] in OPERATORS:
        return f"it ends with the operator {words[-1]}"
    if words and words[0] in OPERATORS and words[0] != "NOT":
        return f"it starts with the operator {words[0]}"
    known = {*SEARCHED_FIELDS, *FILTER_FIELDS}
    for name in _FIELD_PREFIX.findall(unquoted):
        if name not in known:
            return f"there is no field {name!r}"
    if re.search(r"[A-Za-z_]+:(\s|$)", unquoted):
        return "a field name is not followed by a value"
    return None


def _bracket_problem(text: str) -> str | None:
    opened: list[str] = []
    for character in text:
        if character in "([{":
            opened.append(character)
        elif character in _PAIRS:
            matches = opened and (
                opened[-1] == _PAIRS[character] or _is_range_end(opened[-1], character)
            )
            if not matches:
                return f"{character!r} closes nothing"
            opened.pop()
    if opened:
        return f"{opened[-1]!r} is not closed"
    return None


def _is_range_end(opening: str, closing: str) -> bool:
    # Whoosh ranges may mix brackets: [a TO b} is inclusive start, exclusive end.
    return opening in "[{" and closing in "]}"


def search(
    index_dir: Path,
    text: str,
    *,
    municipality: str | None = None,
    since: str | None = None,
    limit: int = 20,
    documents: Collection[str] | None = None,
) -> list[Hit]:
    """Ranked hits for ``text`` (best first), with highlighted snippets. ``documents``:
    only these action ids (a topic's documents, ``topic_documents``)."""
    query = parse_query(text)
    index = whoosh_index.open_dir(str(index_dir))
    with index.searcher() as searcher:
        results = searcher.search(
            query, filter=_filter(municipality, since, documents), limit=limit, terms=True
        )
        results.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        results.formatter = MarkFormatter()
        return [_hit(rank, hit) for rank, hit in enumerate(results, start=1)]


def topic_documents(store: Store, topic: str) -> set[str]:
    """The actions (documents) of every item tagged with ``topic``.

    Topics belong to items, which the store derives after every transform; reading them at
    search time keeps the index keyed by each action's own content."""
    return {
        document["action"]
        for item in store.derived_records(DerivedType.ITEM)
        if topic in topic_ids(item)
        for document in item["documents"]
    }


def _filter(
    municipality: str | None, since: str | None, documents: Collection[str] | None = None
) -> whoosh_query.Query | None:
    filters = []
    if documents is not None:
        filters.append(
            whoosh_query.Or([whoosh_query.Term("id", action_id) for action_id in sorted(documents)])
            if documents
            else whoosh_query.NullQuery
        )
    if municipality:
        filters.append(whoosh_query.Term("municipality", municipality))
    if since:
        # Dates are ISO text, so text order is date order.
        filters.append(whoosh_query.TermRange("date", since, None))
    return whoosh_query.And(filters) if filters else None


def _hit(rank: int, hit) -> Hit:
    stored = hit.fields()
    snippet = ""
    for field_name in ("text_fi", "text_sv"):
        if field_name in stored:
            snippet = hit.highlights(field_name) or snippet
        if snippet:
            break
    if not snippet:  # matched the title, organ or register id only: show how the text begins
        text = stored.get("text_fi") or stored.get("text_sv") or ""
        snippet = " ".join(text.split())[:SNIPPET_CHARS]
    return Hit(
        rank=rank,
        id=stored["id"],
        date=stored.get("date"),
        organ=stored.get("organ"),
        title=stored.get("title"),
        snippet=" ".join(snippet.split()),
        score=round(hit.score, 3),
        municipality=stored.get("municipality"),
        register_id=stored.get("register_id"),
        outcome=stored.get("outcome"),
    )


class MarkFormatter(Formatter):
    """Matched words as **word**: readable in a terminal, a CSV cell and JSON alike."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"**{get_text(text, token, replace)}**"


# -- output ---------------------------------------------------------------------------


def format_hits(hits: list[Hit], output_format: str) -> str:
    if output_format == "json":
        return json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2)
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HIT_FIELDS)
        for hit in hits:
            writer.writerow(["" if value is None else value for value in asdict(hit).values()])
        return buffer.getvalue().rstrip("\n")
    if output_format == "table":
        return _table(hits)
    raise ValueError(f"unknown output format {output_format!r}; one of {FORMATS}")


def _table(hits: list[Hit]) -> str:
    if not hits:
        return "no matches"
    blocks = []
    for hit in hits:
        heading = "  ".join(part for part in (hit.id, hit.date or "-", hit.organ or "-"))
        blocks.append(
            f"{hit.rank:>2}. {heading}\n    {hit.title or '(untitled)'}"
            + (f"\n    {hit.snippet}" if hit.snippet else "")
        )
    return "\n\n".join(blocks)


def index_directory(data_dir: Path) -> Path:
    return Path(data_dir) / INDEX_DIR
