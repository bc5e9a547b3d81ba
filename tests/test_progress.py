"""Long work shows progress: a bar on a terminal, a plain line every few seconds in logs."""

from __future__ import annotations

import io

from transform.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_logs_get_one_plain_line_per_interval(monkeypatch):
    monkeypatch.delenv("AVOIN_PROGRESS", raising=False)
    log = io.StringIO()
    with Progress("transform", total=3, unit="documents", stream=log, interval=0) as progress:
        progress.advance(detail="vaasa")
        progress.advance(2)
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and "\r" not in log.getvalue()
    assert lines[0].startswith("transform: 1/3 documents, ") and lines[0].endswith("(vaasa)")
    assert lines[1].startswith("transform: 3/3 documents, ")


def test_a_quiet_interval_prints_nothing(monkeypatch):
    monkeypatch.delenv("AVOIN_PROGRESS", raising=False)
    log = io.StringIO()
    with Progress("build", stream=log, interval=3600) as progress:
        progress.advance(500)
    assert log.getvalue() == ""


def test_a_terminal_gets_a_bar_with_counts(monkeypatch):
    monkeypatch.delenv("AVOIN_PROGRESS", raising=False)
    terminal = Terminal()
    with Progress("harvest", total=10, unit="responses", stream=terminal) as progress:
        progress.update_to(4, 10)
        assert progress.bar is not None and progress.bar.n == 4
    assert "harvest" in terminal.getvalue() and "/10" in terminal.getvalue()


def test_it_can_be_silenced(monkeypatch):
    monkeypatch.setenv("AVOIN_PROGRESS", "off")
    log = Terminal()
    with Progress("transform", total=2, stream=log, interval=0) as progress:
        progress.advance(2)
    assert log.getvalue() == ""
