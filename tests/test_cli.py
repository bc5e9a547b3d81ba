"""The `avoin` command: documented, helpful, and clear on bad input."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name):
    assert f"`avoin {name}" in README


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_sources_prints_the_table_with_unconfirmed_marks():
    result = CliRunner().invoke(main, ["sources"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    kristinestad = next(line for line in lines if line.startswith("kristinestad"))
    assert "UNCONFIRMED: base_url" in kristinestad
    assert "Hämeenlinna / Tavastehus" in result.output


def test_sources_with_a_bad_file_names_the_line(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text(
        '[harvester]\ncontact = "x"\n[[municipality]]\nid = "Bad Id"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["sources", "--sources", str(bad)])
    assert result.exit_code != 0
    assert "line 3" in result.output or "line 4" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage\xff" * 50, b"%PDF-1.4\n1 0 obj <<"])
def test_parse_broken_input_is_one_line_and_exit_2(tmp_path, content):
    path = tmp_path / "broken.bin"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["parse", str(path), "--platform", "ktweb"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("depth", [100, 100_000])
def test_parse_deeply_nested_json_is_one_line_and_exit_2(tmp_path, depth):
    """100,000 levels was a RecursionError traceback and exit 1 (issue 13, 6)."""
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"value": ' + b"[" * depth + b"]" * depth + b"}")
    result = CliRunner().invoke(
        main, ["parse", str(path), "--platform", "cloudnc", "--kind", "organizations"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().endswith("JSON nested more than 64 levels deep")
    assert len(result.stderr.strip().splitlines()) == 1


def test_parse_missing_file_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "nope.pdf"), "--platform", "ktweb"])
    assert result.exit_code == 2


def test_parse_prints_schema_json_for_a_sample_meeting_page():
    site = Path(__file__).parents[1] / "sample_sites" / "ktweb" / "hameenlinna"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["entries"] if e["path"].endswith("pk_asil_tweb.htm"))
    url = f"http://127.0.0.1{entry['path']}?{entry['query']}"
    result = CliRunner().invoke(
        main,
        [
            "parse",
            str(site / entry["file"]),
            "--platform",
            "ktweb",
            "--municipality",
            "hameenlinna",
            "--url",
            url,
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.output)
    assert data["page"] == "meeting"
    assert len(data["meetings"]) == 1
    assert data["actions"]
    assert all(a["id"].startswith("hameenlinna:action:") for a in data["actions"])


READ_ONLY_COMMANDS = [["build"], ["export"], ["search", "kaava"], ["status"]]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: c[0])
def test_read_only_commands_refuse_a_data_dir_without_a_store(tmp_path, monkeypatch, command):
    missing, workdir = tmp_path / "mistyped", tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(main, [*command, "--data-dir", str(missing)])
    created = sorted(p.name for p in workdir.iterdir())
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"avoin {command[0]}: no store at {missing / 'avoin.sqlite'}" in result.stderr
    assert not missing.exists() and created == []  # no store, no half-built release


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: c[0])
def test_the_data_dir_comes_from_the_environment(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command, env={"AVOIN_DATA_DIR": "elsewhere"})
    assert result.exit_code == 2
    assert "no store at elsewhere/avoin.sqlite" in result.stderr


def test_build_refuses_an_empty_store_and_leaves_no_release(tmp_path, monkeypatch):
    from transform.store import Store

    monkeypatch.chdir(tmp_path)
    Store(tmp_path / "data" / "avoin.sqlite").close()
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert "holds no decisions yet" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_transform_refuses_a_data_dir_without_snapshots(tmp_path):
    result = CliRunner().invoke(main, ["transform", "--data-dir", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "no snapshots in" in result.stderr
    assert not (tmp_path / "nothing").exists()


def test_serve_refuses_a_directory_without_a_site(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("avoin serve: no built site in")


def test_an_unknown_municipality_is_the_same_error_everywhere(tmp_path):
    from transform.store import Store

    Store(tmp_path / "avoin.sqlite").close()  # an empty store: search knows no town
    harvest = CliRunner().invoke(main, ["harvest", "-m", "nosuchtown", "--data-dir", str(tmp_path)])
    search = CliRunner().invoke(
        main, ["search", "kaava", "-m", "nosuchtown", "--data-dir", str(tmp_path)]
    )
    assert (harvest.exit_code, search.exit_code) == (2, 2)
    assert "unknown municipality 'nosuchtown'; known: hameenlinna," in harvest.stderr
    assert "unknown municipality 'nosuchtown'; known: " in search.stderr
