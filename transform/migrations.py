"""The store's tables, as numbered migrations (applied in order by transform/store.py).

A migration never changes once released: to alter a table, append a new number.
Every record table has the same layout: ``id``, a few key columns copied from
the record for querying, ``data`` (the full schema record as JSON, the single
source of truth), ``content_hash`` (over the schema fields only) and the
provenance columns of transform/schema.py PROVENANCE_FIELDS plus ``updated_at``
(wall clock of the last content change, for "what changed in this run").
"""

from __future__ import annotations

_INITIAL = """
CREATE TABLE municipalities (
    id TEXT PRIMARY KEY,
    code TEXT,
    platform TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_url TEXT,
    fetched_at TEXT,
    raw_sha256 TEXT,
    parser_version TEXT,
    first_seen TEXT,
    last_seen TEXT,
    withdrawn_at TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    name TEXT,
    classification TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_url TEXT,
    fetched_at TEXT,
    raw_sha256 TEXT,
    parser_version TEXT,
    first_seen TEXT,
    last_seen TEXT,
    withdrawn_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX organizations_by_municipality ON organizations (municipality);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    organization TEXT,
    start TEXT,
    number TEXT,
    document_kind TEXT,
    language TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_url TEXT,
    fetched_at TEXT,
    raw_sha256 TEXT,
    parser_version TEXT,
    first_seen TEXT,
    last_seen TEXT,
    withdrawn_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_by_municipality ON meetings (municipality, start);
CREATE INDEX meetings_by_organization ON meetings (organization, start);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    organization TEXT,
    meeting TEXT,
    date TEXT,
    article_number TEXT,
    ordering INTEGER,
    language TEXT,
    outcome TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_url TEXT,
    fetched_at TEXT,
    raw_sha256 TEXT,
    parser_version TEXT,
    first_seen TEXT,
    last_seen TEXT,
    withdrawn_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_by_municipality ON actions (municipality, date);
CREATE INDEX actions_by_organization ON actions (organization, date);
CREATE INDEX actions_by_meeting ON actions (meeting, ordering);

-- Earlier versions of an action; valid_from/valid_to are the fetch times of the pages
-- that brought the version in and replaced it (data time, not wall clock).
CREATE TABLE action_versions (
    action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_url TEXT,
    fetched_at TEXT,
    raw_sha256 TEXT,
    parser_version TEXT,
    valid_from TEXT,
    valid_to TEXT NOT NULL,
    PRIMARY KEY (action_id, version)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    report TEXT
);

-- One row per request, success or failure. request_body is '' for none so that
-- (url, method, request_body) compares with plain '=' in any SQL dialect.
CREATE TABLE harvest_log (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs (id),
    municipality TEXT NOT NULL,
    platform TEXT NOT NULL,
    page_kind TEXT NOT NULL,
    url TEXT NOT NULL,
    method TEXT NOT NULL,
    request_body TEXT NOT NULL,
    context TEXT NOT NULL,
    status INTEGER,
    sha256 TEXT,
    media_type TEXT,
    error TEXT,
    fetched_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    bytes INTEGER
);
CREATE INDEX harvest_log_by_request ON harvest_log (url, method, request_body, fetched_at);
CREATE INDEX harvest_log_by_run ON harvest_log (run_id);

-- Which snapshot was parsed by which parser version (error is NULL on success).
CREATE TABLE parse_log (
    sha256 TEXT NOT NULL,
    url TEXT NOT NULL,
    page_kind TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    parsed_at TEXT NOT NULL,
    error TEXT,
    PRIMARY KEY (sha256, url, page_kind, parser_version)
);
"""

# The change log (issue 5): one row per record change as merge_page / mark_withdrawn make
# it; the export folds them into one line per record and run (changes/YYYY-MM-DD.jsonl).
# run_id is the transform run that was open on the connection (NULL outside a run);
# old_hash/new_hash let the export drop a record changed and changed back within a run.
_CHANGES = """
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs (id),
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    change TEXT NOT NULL,
    fields TEXT NOT NULL,
    old_hash TEXT,
    new_hash TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX changes_by_record ON changes (record_id, id);
"""

# What the publishing rules made of each record (transform/published_forms.py), so a
# night re-runs them only on records that changed. Not public: the public copy drops it.
_PUBLISHED_FORMS = """
CREATE TABLE published_forms (
    record_type TEXT NOT NULL,
    id TEXT NOT NULL,
    input_key TEXT NOT NULL,
    data TEXT,
    counts TEXT NOT NULL,
    PRIMARY KEY (record_type, id)
);
"""

# Items and matters (issue 14), derived from the actions after every transform run
# (transform/items.py): whole records as JSON beside key columns, like the record tables,
# without provenance of their own (their documents carry it).
_ITEMS_AND_MATTERS = """
CREATE TABLE items (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    organization TEXT,
    date TEXT,
    matter TEXT,
    status TEXT,
    outcome TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX items_by_municipality ON items (municipality, date);
CREATE INDEX items_by_matter ON items (matter, date);

CREATE TABLE matters (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    register_id TEXT,
    first_date TEXT,
    last_date TEXT,
    data TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX matters_by_municipality ON matters (municipality, last_date);
"""

# Files staff imported (avoin import, issue 19): a file is imported once, known by its hash;
# the actions it added or merged into (their item-level twins) are listed for provenance.
_IMPORTED_FILES = """
CREATE TABLE imported_files (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    meeting TEXT,
    actions TEXT NOT NULL,
    twins TEXT NOT NULL
);
"""

# Attachment files (issue 18): one row per fetched url, what reading it gave. The text is
# unredacted (the publishing rules run on the actions it is filled into): never public.
_ATTACHMENT_FILES = """
CREATE TABLE attachment_files (
    url TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    sha256 TEXT,
    media_type TEXT,
    pages INTEGER,
    extraction TEXT NOT NULL,
    extraction_note TEXT,
    text TEXT,
    fetched_at TEXT,
    source_gone_at TEXT
);
"""

# The topics' keyword tags of each text (transform/topics.py KeywordMemo), so deriving
# items analyses only texts that changed. Keyed by a digest of the text, which may be
# unredacted: not public, the public copy drops it. At most two keys per action are kept
# (the site and the dumps tag the published text, the store's items the stored one).
_KEYWORD_TAGS = """
CREATE TABLE keyword_tags (
    id TEXT NOT NULL,
    input_key TEXT NOT NULL,
    tags TEXT NOT NULL,
    PRIMARY KEY (id, input_key)
);
"""

# Word analyses (transform/analysis.py remembered_analyses): a word's forms, so a fresh
# process need not analyse the archive's vocabulary again (Swedish through spylls is slow,
# its dictionary slow to read). Words come from unredacted texts: not public, the public
# copy drops the table. Rows of another ``signature`` (analysis code, dictionaries) are
# stale and deleted when new ones are saved.
_WORD_ANALYSES = """
CREATE TABLE word_analyses (
    word TEXT NOT NULL,
    language TEXT NOT NULL,
    parts INTEGER NOT NULL,
    forms TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (word, language, parts)
);
"""

MIGRATIONS: list[tuple[int, str]] = [
    (1, _INITIAL),
    (2, _CHANGES),
    (3, _PUBLISHED_FORMS),
    (4, _ITEMS_AND_MATTERS),
    (5, _IMPORTED_FILES),
    (6, _ATTACHMENT_FILES),
    (7, _KEYWORD_TAGS),
    (8, _WORD_ANALYSES),
]
