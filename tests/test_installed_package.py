"""A real package: the wheel, installed into a fresh venv, runs `avoin demo` from any
directory, and the commands the demo prints work exactly as printed.

The wheel is built from a copy of the source tree. The fresh venv gets the wheel alone;
its dependencies come from the test environment through a ``.pth`` line (appended to
``sys.path`` after the venv's own site-packages), so the test stays offline while Avoin
itself can only come from the wheel.
"""

from __future__ import annotations

import http.client
import shlex
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SOURCE_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    "*.egg-info",
    "build",
    "public",
    ".public.releases",
    "raw",
    "demo",
    "index",
    "runs",
    "*.sqlite*",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "results*.json",
)


def run(command, cwd: Path, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; returns the venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=SOURCE_IGNORE)
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp / "dist"),
            str(source),
        ],
        cwd=tmp,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((tmp / "dist").glob("avoin-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site_packages = Path(
        run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_path('purelib'))",
            ],
            cwd=tmp,
        ).stdout.strip()
    )
    (site_packages / "test-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    installed = run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--no-deps",
            "--ignore-installed",
            str(wheel),
        ],
        cwd=tmp,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    shutil.rmtree(source)  # nothing may be read from a source tree
    return venv


@pytest.fixture(scope="module")
def demo(installed, tmp_path_factory):
    """`avoin demo` run as a user would, from a directory of their own, by its full path."""
    workdir = tmp_path_factory.mktemp("somewhere")
    result = run([str(installed / "bin" / "avoin"), "demo"], cwd=workdir)
    return workdir, result


def test_the_wheel_ships_templates_locales_sample_sites_and_defaults(installed):
    probe = run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import cli, transform.resources as r; print(cli.__file__); "
            "print(r.templates_directory()); print(r.sample_sites_directory()); "
            "print(r.shipped_defaults_directory())",
        ],
        cwd=installed,
    )
    assert probe.returncode == 0, probe.stderr
    for line in probe.stdout.split():
        assert Path(line).is_relative_to(installed), line
    site_packages = Path(probe.stdout.split()[0]).parent
    assert (site_packages / "site_builder" / "templates" / "action.html").is_file()
    assert (site_packages / "site_builder" / "templates" / "static" / "style.css").is_file()
    assert (
        site_packages / "site_builder" / "locale" / "sv" / "LC_MESSAGES" / "messages.po"
    ).is_file()
    assert (site_packages / "transform" / "defaults" / "sources.toml").is_file()
    assert (site_packages / "sample_sites" / "demo-sources.toml").is_file()


def test_the_installed_demo_builds_the_site_in_the_working_directory(installed, demo):
    workdir, result = demo
    assert result.returncode == 0, result.stdout + result.stderr
    assert (workdir / "public" / "index.html").is_file()
    assert (workdir / "public" / "fi" / "index.html").is_file()
    assert (workdir / "public" / "data" / "actions.csv").is_file()
    assert (workdir / "data" / "demo" / "avoin.sqlite").is_file()
    written_into_install = [p for p in installed.rglob("*.sqlite")] + [
        p for p in installed.rglob("raw") if p.is_dir()
    ]
    assert written_into_install == []


def test_the_demo_names_the_site_the_data_and_three_things_to_try(demo):
    _, result = demo
    closing = result.stdout.splitlines()[-5:]
    assert "public/" in closing[0] and "public/data/" in closing[0]
    assert "data/demo/avoin.sqlite" in closing[0]
    assert closing[1] == "Try next:"
    assert [shlex.split(line)[1] for line in closing[2:]] == ["serve", "search", "status"]
    assert "Traceback" not in result.stderr


def _printed_command(result, name: str) -> list[str]:
    line = next(
        x
        for x in result.stdout.splitlines()
        if x.startswith("  ") and len(shlex.split(x)) > 1 and shlex.split(x)[1] == name
    )
    return shlex.split(line, comments=True)


def test_printed_search_and_status_work_as_printed(demo):
    workdir, result = demo
    search = run(_printed_command(result, "search"), cwd=workdir)
    assert search.returncode == 0, search.stderr
    status = run(_printed_command(result, "status"), cwd=workdir)
    assert status.returncode == 0, status.stderr
    assert "hameenlinna" in status.stdout and "the site was published" in status.stdout


def test_status_and_search_find_the_demo_without_flags(demo, installed):
    workdir, _ = demo
    status = run([str(installed / "bin" / "avoin"), "status"], cwd=workdir)
    assert status.returncode == 0, status.stderr
    assert "reading the demo's data/demo/" in status.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_printed_serve_serves_the_site_and_its_own_404(demo):
    workdir, result = demo
    port = _free_port()
    server = subprocess.Popen(
        [*_printed_command(result, "serve"), "--port", str(port)],
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        home, missing = _get_when_up(port, "/fi/"), _get_when_up(port, "/fi/no-such-page/")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert home[0] == 200
    assert missing[0] == 404
    assert missing[1] == (workdir / "public" / "404.html").read_bytes()


def _get_when_up(port: int, path: str) -> tuple[int, bytes]:
    deadline = time.monotonic() + 20
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
