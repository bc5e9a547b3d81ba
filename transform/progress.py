"""Progress of long work, so no phase is silent: a tqdm bar with counts and rate on a
terminal, and in logs and cron (no terminal) one plain line every few seconds.

    with Progress("transform", total=len(rows), unit="documents") as progress:
        for row in rows:
            ...
            progress.advance()

``AVOIN_PROGRESS=off`` silences it (tests that compare output); ``=lines`` forces the log
form on a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from tqdm import tqdm

PROGRESS_VARIABLE = "AVOIN_PROGRESS"
LOG_INTERVAL_SECONDS = 5.0


class Progress:
    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        unit: str = "items",
        stream: TextIO | None = None,
        interval: float = LOG_INTERVAL_SECONDS,
        position: int | None = None,
    ):
        self.label, self.total, self.unit = label, total, unit
        self.done = 0
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = self.last_line = time.monotonic()
        self.detail = ""
        mode = os.environ.get(PROGRESS_VARIABLE, "")
        self.silent = mode == "off"
        self.bar = None
        if not self.silent and mode != "lines" and _is_terminal(self.stream):
            self.bar = tqdm(
                total=total,
                desc=label,
                unit=f" {unit}",
                file=self.stream,
                leave=False,
                dynamic_ncols=True,
                position=position,
            )

    def advance(self, count: int = 1, detail: str = "") -> None:
        self.done += count
        if detail:
            self.detail = detail
        if self.bar is not None:
            self.bar.update(count)
            if detail:
                self.bar.set_postfix_str(detail, refresh=False)
        elif not self.silent and time.monotonic() - self.last_line >= self.interval:
            self.last_line = time.monotonic()
            print(self.line(), file=self.stream, flush=True)

    def update_to(self, done: int, total: int | None = None) -> None:
        """For callbacks that report ``(done, total)`` rather than steps."""
        if total is not None and total != self.total:
            self.total = total
            if self.bar is not None:
                self.bar.total = total
        self.advance(done - self.done)

    def line(self) -> str:
        """``transform: 1200/5000 documents, 240/s (vaasa)``."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        count = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.label}: {count} {self.unit}, {self.done / elapsed:.0f}/s{detail}"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
