"""No identity code leaves the archive in any disguise, in any output (issue 13, 1).

Hypothesis draws valid codes in disguises a reader sees through (look-alike dashes and
letters, invisible characters, fullwidth digits, markup and entities between the parts)
and puts them into every text field of records and into the run report. Then the whole
publication is made, as a night makes it: the dumps (CSV, Excel CSV, JSONL, Parquet,
SQLite), the site in three languages (pages, feeds, sitemaps, status page, status.json)
and the Pagefind index. Every file is read back the way its reader would read it
(decompressed, decoded, HTML flattened) and must hold none of the codes.
"""

from __future__ import annotations

import copy
import gzip
import json
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nightly import NightlyReport, public_report
from site_builder import build_site
from site_builder.search import index_site
from tests.golden.build import STATUS
from tests.golden.store import FakeStore, action_record, site_records
from tests.test_privacy import disguised_codes
from transform.export import export_dumps
from transform.privacy import find_hetus
from transform.publishing import PublishingPolicy
from transform.reader_view import html_view
from transform.store import Store

POLICY = PublishingPolicy(today=date(2017, 3, 22))  # within retention: only codes go
PROVENANCE = {
    "source_url": "https://example.org/v/item",
    "raw_sha256": "0" * 64,
    "fetched_at": "2017-03-22T02:00:00+00:00",
    "parser_version": "1",
}


def _records_with(codes: list[str]) -> dict:
    """The golden store's records, with codes in every text field a reader can see."""
    records = site_records()
    codes = iter(codes * 3)
    for index in range(2):
        records["actions"].append(
            action_record(
                "vaasa",
                f"hetu-{index}",
                organization="vaasa:org:kh",
                meeting="vaasa:meeting:2017-5",
                date="2017-03-20",
                language="fi",
                ordering=90 + index,
                article_number=str(90 + index),
                title=f"Oikaisuvaatimus {next(codes)}",
                register_id=f"VAA/{next(codes)}",
                contents=[
                    {
                        "type": "decision",
                        "label": "Päätös",
                        "text": f"Hakija {next(codes)}, toinen {next(codes)}.",
                        "html": f"<p>Hakija {next(codes)}</p><p>ja <b>{next(codes)}</b></p>",
                    }
                ],
                attachments=[
                    {
                        "name": f"Liite {next(codes)}",
                        "url": "https://example.org/v/a.pdf",
                        "text": next(codes),
                    }
                ],
                history=[{"date": "2017-03-01", "organization": f"Hakemus {next(codes)}"}],
                preparers=[f"hakija {next(codes)}"],
            )
        )
    records["organizations"][0]["name"] = f"Kaupunginhallitus {next(codes)}"
    return records


def _report_with(codes: list[str]) -> dict:
    report = NightlyReport(**{k: v for k, v in copy.deepcopy(STATUS).items()})
    report.problems.append(f"parse error: starts {codes[0]!r}")
    report.transform["errors"].append({"url": f"https://x/?h={codes[1]}", "error": codes[2]})
    report.sources["vaasa"]["error_samples"].append(f"http_404: https://x/{codes[0]}")
    return public_report(report)


def _store_with(records: dict, path: Path) -> Store:
    store = Store(path)
    for municipality in records["municipalities"]:
        store.upsert_municipality(municipality)
    page = {
        "page": "action",
        "organizations": records["organizations"],
        "meetings": records["meetings"],
        "actions": records["actions"],
    }
    store.merge_page(copy.deepcopy(page), PROVENANCE)
    return store


def _readable_texts(path: Path):
    """What a reader of this file gets out of it, as strings."""
    body = path.read_bytes()
    if body[:2] == b"\x1f\x8b":  # Pagefind's fragments and indexes
        body = gzip.decompress(body)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
        yield "\n".join(str(cell) for cell in frame.to_numpy().ravel())
    elif path.suffix == ".sqlite":
        with sqlite3.connect(path) as db:
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'"):
                for row in db.execute(f'SELECT * FROM "{table}"'):
                    yield "\n".join(str(cell) for cell in row)
    else:
        text = body.decode("utf-8", errors="replace")
        yield text
        if path.suffix in (".json", ".jsonl"):  # "\u2011" escapes are what a reader decodes
            for line in text.splitlines() if path.suffix == ".jsonl" else [text]:
                yield json.dumps(json.loads(line), ensure_ascii=False)


def _codes_left(root: Path, codes: list[str]) -> list[str]:
    """The written codes that an output still holds, in any disguise (find_hetus folds
    them back). Only those: a sha256 in a checksum or fingerprint file is sometimes shaped
    like a valid code ("270676e1911") without being anybody's."""
    wanted = {code.upper() for code in codes}
    left = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        for text in _readable_texts(path):
            seen = html_view(text).text
            found = [code for code in find_hetus(text) if code.upper() in wanted]
            found += [code for code in codes if code in seen]
            left += [f"{path.relative_to(root)}: {code}" for code in found]
    return left


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(disguised_codes(), min_size=20, max_size=20))
def test_no_output_holds_an_identity_code_in_any_disguise(disguised):
    codes = [code for code, _ in disguised]
    written = [text for _, text in disguised]
    work = Path(tempfile.mkdtemp(prefix="avoin-hetu-"))
    try:
        records = _records_with(written)
        site = work / "site"
        with _store_with(records, work / "avoin.sqlite") as store:
            assert store.actions(meeting="vaasa:meeting:2017-5")
            export_dumps(store, site, policy=POLICY)
        report = build_site(FakeStore(records), site, policy=POLICY, status=_report_with(written))
        (site / "status.json").write_text(json.dumps(_report_with(written)), encoding="utf-8")
        index_site(site)
        assert report.redactions["hetu"] >= 20
        assert (site / "pagefind").is_dir() and (site / "sitemap.xml").is_file()
        assert list(site.rglob("feed.atom")) and (site / "data" / "actions.parquet").is_file()
        assert _codes_left(site, codes) == []
    finally:
        shutil.rmtree(work)


def test_the_check_itself_finds_a_disguised_code_in_every_format(tmp_path):
    """The reader functions above must see a code where one is, or the test proves nothing."""
    code, written = "150372-958K", "150372<i>\u2011</i>958K"
    (tmp_path / "page.html").write_text(f"<p>{written}</p>", encoding="utf-8")
    (tmp_path / "x.json").write_text(json.dumps({"t": "150372\u2011958K"}), encoding="utf-8")
    (tmp_path / "f.pf_fragment").write_bytes(gzip.compress(written.encode()))
    pd.DataFrame({"t": [written]}).to_parquet(tmp_path / "t.parquet")
    with sqlite3.connect(tmp_path / "s.sqlite") as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (?)", (written,))
    left = _codes_left(tmp_path, [code])
    assert {entry.split(":")[0] for entry in left} == {
        "page.html",
        "x.json",
        "f.pf_fragment",
        "t.parquet",
        "s.sqlite",
    }
