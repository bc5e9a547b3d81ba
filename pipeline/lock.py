"""One run at a time: a lock file holding the owner's pid, with stale-lock detection.

cron may start a run while yesterday's is still going; two runs writing the same store
and swapping the same site would race. A lock left by a process that died (SIGKILL,
power cut) is recognised because its pid no longer runs, and is taken over.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path


class LockBusy(RuntimeError):
    """Another live run holds the lock."""


class RunLock:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.stale_taken_over: dict | None = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            if self._create():
                return
            holder = self.holder()
            if holder is not None and _alive(holder):
                raise LockBusy(f"another run (pid {holder['pid']} since {holder['since']}) "
                               f"holds {self.path}")
            # Dead owner or unreadable lock: remove it and try once more.
            self.stale_taken_over = holder or {"pid": None}
            self.path.unlink(missing_ok=True)
        raise LockBusy(f"could not take {self.path}: another run took it first")

    def release(self) -> None:
        holder = self.holder()
        if holder is not None and holder.get("pid") == os.getpid():
            self.path.unlink(missing_ok=True)

    def holder(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def _create(self) -> bool:
        # O_EXCL makes creation atomic: of two runs starting together, one wins.
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        owner = {"pid": os.getpid(), "host": socket.gethostname(),
                 "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(owner, handle)
        return True


def _alive(holder: dict) -> bool:
    pid = holder.get("pid")
    if not isinstance(pid, int) or holder.get("host") not in (None, socket.gethostname()):
        return isinstance(pid, int)  # another host's lock: assume alive, never steal it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
