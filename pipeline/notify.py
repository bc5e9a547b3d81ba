"""Telling someone when a night went wrong: a command and/or a webhook from configuration.

Configured in data/sources.toml:

    [notify]
    command = "/usr/local/bin/avoin-alert"   # gets the JSON run report on stdin
    webhook = "https://chat.example.invalid/hooks/avoin"   # gets it as a JSON POST

A notification that fails is reported in the run report; it never hides the run's own
exit status.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class NotifyConfig:
    command: str = ""
    webhook: str = ""

    @classmethod
    def load(cls, sources_path: Path) -> NotifyConfig:
        with open(sources_path, "rb") as handle:
            section = tomllib.load(handle).get("notify", {})
        return cls(command=str(section.get("command", "")), webhook=str(section.get("webhook", "")))


def notify(config: NotifyConfig, report: dict) -> str | None:
    """Send the report; returns a one-line problem, or None when all went out."""
    payload = json.dumps(report, ensure_ascii=False).encode("utf-8")
    problems = []
    if config.command:
        problems.append(_run_command(config.command, payload))
    if config.webhook:
        problems.append(_post_webhook(config.webhook, payload))
    problems = [p for p in problems if p]
    return "; ".join(problems) or None


def _run_command(command: str, payload: bytes) -> str | None:
    try:
        done = subprocess.run(
            shlex.split(command), input=payload, capture_output=True, timeout=TIMEOUT_SECONDS
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"notify command failed: {error}"
    return None if done.returncode == 0 else f"notify command exited {done.returncode}"


def _post_webhook(url: str, payload: bytes) -> str | None:
    request = urllib.request.Request(
        url, data=payload, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            status = response.status
    except (urllib.error.URLError, OSError) as error:
        return f"notify webhook failed: {error}"
    return None if 200 <= status < 300 else f"notify webhook answered {status}"
