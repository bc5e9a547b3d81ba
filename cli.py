"""`avoin`: the one command staff use. A thin click group that calls the stages."""

from __future__ import annotations

import functools
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import click

from harvest.sources import DEFAULT_SOURCES, PROJECT_ROOT, Sources, SourcesError, load_sources

DEMO_SOURCES = PROJECT_ROOT / "sample_sites" / "demo-sources.toml"
SAMPLE_SITES = PROJECT_ROOT / "sample_sites"


@dataclass(frozen=True)
class Paths:
    """Where a run keeps its files: the store and raw snapshots under one data dir."""

    data_dir: Path

    @property
    def store(self) -> Path:
        return self.data_dir / "avoin.sqlite"

    @property
    def raw(self) -> Path:
        return self.data_dir / "raw"

    def ensure(self) -> Paths:
        self.raw.mkdir(parents=True, exist_ok=True)
        return self


def data_dir_option(func):
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                  default=PROJECT_ROOT / "data", show_default="data/",
                  help="Where the store (avoin.sqlite) and raw snapshots live.")
    @functools.wraps(func)
    def wrapper(*args, data_dir, **kwargs):
        return func(*args, paths=Paths(data_dir), **kwargs)

    return wrapper


def sources_option(func):
    @click.option("--sources", "sources_path", type=click.Path(dir_okay=False, path_type=Path),
                  default=DEFAULT_SOURCES, show_default="data/sources.toml",
                  help="The municipalities file.")
    @functools.wraps(func)
    def wrapper(*args, sources_path, **kwargs):
        return func(*args, sources=_load_sources_or_exit(sources_path), **kwargs)

    return wrapper


def _load_sources_or_exit(path: Path) -> Sources:
    try:
        return load_sources(path)
    except SourcesError as error:
        raise click.ClickException(str(error)) from None


@click.group()
@click.version_option(package_name="avoin")
def main():
    """Avoin: the open archive of municipal decisions.

    The pipeline is harvest -> transform -> build; `avoin demo` runs all of it
    offline against the sample sites the project ships.
    """


@main.command("sources")
@sources_option
def sources_command(sources: Sources):
    """List the configured municipalities.

    Example: avoin sources
    """
    rows = [("id", "name (fi / sv)", "code", "langs", "platform", "base URL", "robots",
             "unconfirmed")]
    for s in sources.municipalities:
        rows.append((s.id, f"{s.name['fi']} / {s.name['sv']}", s.code, ",".join(s.languages),
                     s.platform, s.base_url or "-", "obey" if s.obey_robots else "IGNORED",
                     "UNCONFIRMED: " + ", ".join(s.unconfirmed) if s.unconfirmed else ""))
    click.echo(_table(rows))
    click.echo(f"\nUser-Agent: {sources.user_agent}")


@main.command("harvest")
@click.option("--municipality", "-m", multiple=True, help="Only this municipality (repeatable).")
@data_dir_option
@sources_option
def harvest_command(municipality, paths: Paths, sources: Sources):
    """Fetch new pages from the municipalities' sites into data/raw/ and the harvest log.

    Example: avoin harvest --municipality vaasa
    """
    selected = _select(sources, municipality)
    reports = _harvest(selected, sources.user_agent, paths)
    _print_harvest(reports)
    sys.exit(0 if all(r.ok or r.skipped for r in reports) else 1)


@main.command("transform")
@click.option("--reparse", is_flag=True, help="Parse every snapshot again (after a parser change).")
@data_dir_option
@sources_option
def transform_command(reparse, paths: Paths, sources: Sources):
    """Parse new raw snapshots into the store.

    Example: avoin transform
    """
    report = _transform(paths.ensure(), sources, reparse=reparse)
    click.echo(report.summary())
    sys.exit(1 if report.errors else 0)


@main.command("build")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("public"), show_default=True, help="Where the site is written.")
@data_dir_option
def build_command(out, paths: Paths):
    """Build the static site from the store.

    Example: avoin build --out public
    """
    report = _build(paths, out)
    click.echo(f"built {out}/: {report}")


@main.command("parse")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--platform", required=True, type=click.Choice(["ktweb", "dynasty", "cloudnc"]))
@click.option("--municipality", default=None, help="Municipality id used in record ids.")
@click.option("--url", default="", help="The URL the page came from (ids may come from it).")
@click.option("--kind", "page_kind", default=None,
              type=click.Choice(["organizations", "meetings", "meeting", "action", "attachments"]),
              help="What the page is; guessed when omitted.")
def parse_command(path, platform, municipality, url, page_kind):
    """Print the schema JSON that one saved page or PDF yields.

    Example: avoin parse 510975521.pdf --platform ktweb --url 'https://x/ktproxy2.dll?doctype=3&docid=510975521'
    """
    from harvest.platforms import ParseError, detect_page_kind, parse_page

    try:
        body = path.read_bytes()
        url = url or path.resolve().as_uri()
        kind = page_kind or detect_page_kind(platform, body, url)
        result = parse_page(platform, kind, body, url, municipality, None)
    except (OSError, ParseError) as error:
        click.echo(f"avoin parse: {path}: {error}", err=True)
        sys.exit(2)
    result.pop("links", None)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))


@main.command("serve")
@click.option("--out", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=Path("public"), show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve_command(out, port):
    """Preview the built site on http://127.0.0.1:PORT/.

    Example: avoin serve --port 8000
    """
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"serving {out}/ on http://127.0.0.1:{port}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped")


@main.command("demo")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("public"), show_default=True)
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data") / "demo", show_default=True)
def demo_command(out, data_dir):
    """Run the whole pipeline offline against the sample sites the project ships.

    Example: avoin demo && avoin serve
    """
    from harvest.replay import start_sample_sites

    started = time.monotonic()
    paths = Paths(data_dir).ensure()
    sources = _load_sources_or_exit(DEMO_SOURCES)
    servers = start_sample_sites(SAMPLE_SITES)
    try:
        host_map = _replay_host_map(sources, servers)
        click.echo(f"replaying {len(servers)} sample sites on 127.0.0.1")
        reports = _harvest(list(sources.municipalities), sources.user_agent, paths,
                           host_map=host_map)
    finally:
        for server in servers.values():
            server.stop()
    _print_harvest(reports)
    click.echo(_transform(paths, sources).summary())
    click.echo(f"built {out}/: {_build(paths, out)}")
    click.echo(f"demo finished in {time.monotonic() - started:.1f} s. "
               f"Look at it: avoin serve --out {out}")


def _replay_host_map(sources: Sources, servers) -> dict[str, str]:
    """Each sample site's own host -> the 127.0.0.1 port its replay server listens on."""
    host_map = {}
    for source in sources.municipalities:
        server = servers.get(source.id)
        if server is not None and source.base_url:
            host_map[urlsplit(source.base_url).netloc] = urlsplit(server.url).netloc
    return host_map


def _select(sources: Sources, ids) -> list:
    try:
        return [sources.get(i) for i in ids] if ids else list(sources.municipalities)
    except SourcesError as error:
        raise click.ClickException(str(error)) from None


def _harvest(selected, user_agent, paths: Paths, *, host_map=None):
    from harvest.run import harvest_sources
    from transform.store import Store

    paths.ensure()
    with Store(paths.store) as store:
        run_id = store.start_run("harvest")
    reports = harvest_sources(selected, user_agent=user_agent, store_path=str(paths.store),
                              raw_dir=str(paths.raw), run_id=run_id, host_map=host_map)
    with Store(paths.store) as store:
        status = "ok" if all(r.ok or r.skipped for r in reports) else "partial"
        store.finish_run(run_id, status, {"sources": [r.as_dict() for r in reports]})
    return reports


def _transform(paths: Paths, sources: Sources, *, reparse: bool = False):
    from transform.run import sync_municipalities, transform_pending
    from transform.store import Store

    with Store(paths.store) as store:
        sync_municipalities(store, sources)
        return transform_pending(store, paths.raw, reparse_all=reparse)


def _build(paths: Paths, out: Path):
    from site_builder import build_site
    from transform.store import Store

    with Store(paths.store) as store:
        return build_site(store, out)


def _print_harvest(reports) -> None:
    rows = [("municipality", "platform", "pages", "failed", "status")]
    for r in reports:
        status = f"skipped: {r.skipped}" if r.skipped else ("ok" if r.ok else "FAILED")
        errors = ", ".join(f"{k} {v}" for k, v in sorted(r.errors.items()))
        if r.robots_ignored and not r.skipped:
            status += "; robots.txt ignored by configuration"
        rows.append((r.municipality, r.platform, str(r.pages_saved), str(r.requests_failed),
                     status + (f" ({errors})" if errors else "")))
    click.echo(_table(rows))


def _table(rows) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
