"""Template drift in the run report: unknown labels per source, the share of text in
known sections, and a flag when a source's documents suddenly read as mostly 'other'."""

from __future__ import annotations

from harvest.platforms import parse_page
from tests import document_templates as t
from transform.drift import SourceDrift
from transform.run import TransformReport

PROXY = "https://tweb.esimerkkila.fi/ktwebbin/ktproxy2.dll?doctype=3&docid="


def _documents(item: t.Item) -> list[dict]:
    body = t.table_docx(item)
    return parse_page("ktweb", None, body, PROXY + "1", "esimerkkila", {})["documents"]


def _renamed_template(item: t.Item) -> t.Item:
    """The same item after a template change: every label renamed to words we do not know."""
    for number, block in enumerate(item.blocks):
        block.label = f"Kohta {number + 1}"
    return item


def test_report_lists_unknown_labels_per_source_with_counts():
    report = TransformReport()
    for _ in range(2):
        report.record_documents("exempelby", _documents(t.swedish_table_item()))
    report.record_documents("esimerkkila", _documents(t.oulu_like_item()))
    templates = report.as_dict()["templates"]
    assert templates["exempelby"]["unknown_labels"] == {"Konsekvenser": 2}
    assert templates["exempelby"]["documents"] == 2
    assert 0.8 < templates["exempelby"]["known_share"] < 1.0
    assert templates["esimerkkila"]["unknown_labels"] == {}
    assert templates["esimerkkila"]["known_share"] == 1.0
    assert report.problems == []
    assert "unknown labels: 'Konsekvenser' (2)" in report.summary()


def test_a_source_whose_documents_read_as_mostly_other_is_flagged():
    report = TransformReport()
    for _ in range(3):
        report.record_documents("esimerkkila", _documents(_renamed_template(t.oulu_like_item())))
    drift = report.as_dict()["templates"]["esimerkkila"]
    assert drift["flagged"] and drift["mostly_other"] == 3
    assert drift["known_share"] < 0.5
    (problem,) = report.as_dict()["problems"]
    assert problem.startswith("esimerkkila: 3 of 3 item documents read as mostly 'other'")
    assert "FLAGGED" in report.summary()


def test_one_odd_document_is_not_a_flag():
    drift = SourceDrift()
    for share in (1.0, 0.2, 0.95, 0.9):
        drift.add({"known_share": share, "format": "pdf", "unknown_labels": []})
    assert not drift.flagged and drift.mostly_other == 1


def test_nightly_status_json_shows_drift_and_a_flag_makes_exit_1(tmp_path):
    import json

    from pipeline.nightly import NightlySteps, run_nightly
    from tests.test_nightly import NOW, source

    drifting = TransformReport()
    for _ in range(3):
        drifting.record_documents("vaasa", _documents(_renamed_template(t.oulu_like_item())))

    def build(release, status):
        (release / "index.html").write_text("site", encoding="utf-8")
        return {"pages": 1}

    steps = NightlySteps(harvest=lambda: [source("vaasa")], transform=lambda: drifting,
                         build=build)  # fmt: skip
    report = run_nightly(steps, data_dir=tmp_path / "data", out=tmp_path / "public",
                         now=lambda: NOW)  # fmt: skip
    assert report.published and report.exit_status == 1
    status = json.loads((tmp_path / "public" / "status.json").read_text())
    assert status["transform"]["templates"]["vaasa"]["flagged"] is True
    assert status["transform"]["templates"]["vaasa"]["unknown_labels"]["Kohta 1"] == 3
    assert any("read as mostly 'other'" in problem for problem in status["problems"])
    assert any("FLAGGED" in line for line in report.summary_lines())
