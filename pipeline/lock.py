"""One run at a time: an OS lock (``flock``) on ``data/avoin.lock``, held for the run.

cron may start a run while yesterday's is still going; two runs writing the same store
and swapping the same site would race. The kernel holds the lock for the open file and
drops it when the process ends however it ends (SIGKILL, power cut), so there is no stale
lock to detect and no pid that another process could have reused. The file itself stays;
its content (pid, host, start time) only tells a person who holds it.
"""

from __future__ import annotations

import fcntl
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
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Never unlinked: a run that removed the file could let a third run lock a new
        # inode while a second still holds the old one.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockBusy(f"another run ({self._describe_holder()}) holds {self.path}") from None
        self._fd = fd
        _write_owner(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def holder(self) -> dict | None:
        """Who wrote the file last (informative only: the flock decides)."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def _describe_holder(self) -> str:
        holder = self.holder()
        if holder is None:  # the owner has the lock but has not written its name yet
            return "owner not yet recorded"
        return f"pid {holder.get('pid')} since {holder.get('since')}"


def _write_owner(fd: int) -> None:
    owner = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(owner).encode("utf-8"), 0)
