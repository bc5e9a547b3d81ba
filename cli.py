"""`avoin`: the one command staff use. A thin click group that calls the stages."""

from __future__ import annotations

import functools
import json
import shlex
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import click
from click.core import ParameterSource

from harvest.sources import Sources, SourcesError, load_sources, unknown_municipality
from transform.resources import (
    DATA_DIR_VARIABLE,
    configuration_file,
    default_data_directory,
    sample_sites_directory,
)

DEMO_DATA_DIR = Path("data") / "demo"
# transform.topics.Topic's values; spelled out so `avoin --help` imports no analysis code.
TOPIC_CHOICES = (
    "children_youth",
    "education",
    "zoning_building",
    "traffic_streets",
    "environment",
    "culture_sport",
    "social_health",
    "economy_budget",
    "personnel_governance",
    "participation",
)


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

    def configuration(self, name: str) -> Path:
        """sources.toml or takedowns.toml: the data dir's own, else the shipped default."""
        return configuration_file(self.data_dir, name)


def fail(message: str) -> None:
    """One line on stderr, exit status 2: the command refused to run (nothing was changed)."""
    context = click.get_current_context(silent=True)
    prefix = f"avoin {context.info_name}" if context and context.parent else "avoin"
    click.echo(f"{prefix}: {message}", err=True)
    sys.exit(2)


def data_dir_option(func=None, *, needs_store: bool = False):
    """``--data-dir`` (default ``./data`` or ``$AVOIN_DATA_DIR``) as ``paths``.

    ``needs_store``: the command only reads; without a store it refuses (exit 2) and
    creates nothing. When no data dir was named and ``./data`` has no store but the demo's
    has, it reads the demo's, so the commands the demo suggests work as printed."""
    if func is None:
        return functools.partial(data_dir_option, needs_store=needs_store)

    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        envvar=DATA_DIR_VARIABLE,
        show_default=f"data/, or ${DATA_DIR_VARIABLE}",
        help="Where the store (avoin.sqlite), raw snapshots and run reports live.",
    )
    @functools.wraps(func)
    def wrapper(*args, data_dir, **kwargs):
        paths = Paths(data_dir or default_data_directory())
        if needs_store:
            paths = _readable_store(paths)
        return func(*args, paths=paths, **kwargs)

    return wrapper


def _readable_store(paths: Paths) -> Paths:
    if paths.store.is_file():
        return paths
    context = click.get_current_context()
    named = context.get_parameter_source("data_dir") is not ParameterSource.DEFAULT
    demo = Paths(DEMO_DATA_DIR)
    if not named and demo.store.is_file():
        click.echo(f"no store in {paths.data_dir}/; reading the demo's {demo.data_dir}/", err=True)
        return demo
    fail(
        f"no store at {paths.store} (run avoin harvest and avoin transform, or avoin demo; "
        f"--data-dir names another data dir)"
    )


def base_url_option(func):
    return click.option(
        "--base-url",
        default="/",
        show_default=True,
        help="Where the site is served, e.g. https://avoin.example.fi/ (absolute URLs in "
        "feeds, sitemaps and structured data).",
    )(func)


def sources_option(func):
    @click.option(
        "--sources",
        "sources_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        show_default="DATA_DIR/sources.toml, else the shipped one",
        help="The municipalities file.",
    )
    @functools.wraps(func)
    def wrapper(*args, sources_path, **kwargs):
        if sources_path is None:
            data_dir = click.get_current_context().params.get("data_dir")
            sources_path = configuration_file(data_dir or default_data_directory(), "sources.toml")
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
@click.option(
    "--check",
    is_flag=True,
    help="Ask each source's addresses what they are (a handful of requests each); writes nothing.",
)
@click.option("--municipality", "-m", multiple=True, help="Only this source (repeatable).")
@sources_option
def sources_command(check, municipality, sources: Sources):
    """List the configured sources; with --check, probe them: reachable, platform, organs,
    robots verdicts, and what to write in sources.toml.

    Example: avoin sources --check -m kristinestad
    """
    if check:
        _check_sources(_select(sources, municipality), sources)
        return
    rows = [
        (
            "id",
            "name (fi / sv)",
            "kind",
            "code",
            "langs",
            "platform",
            "base URL",
            "robots",
            "unconfirmed",
        )
    ]
    for s in sources.municipalities:
        kind = "region: " + ",".join(s.serves) if s.kind == "welfare_region" else "town"
        rows.append(
            (
                s.id,
                f"{s.name['fi']} / {s.name['sv']}",
                kind,
                s.code,
                ",".join(s.languages),
                s.platform,
                s.base_url or "-",
                "obey" if s.obey_robots else "IGNORED (permission)",
                "UNCONFIRMED: " + ", ".join(s.unconfirmed) if s.unconfirmed else "",
            )
        )
    click.echo(_table(rows))
    for s in sources.municipalities:
        if s.permission:
            click.echo(f"{s.id}: permission: {s.permission}")
    click.echo(f"\nUser-Agent: {sources.user_agent}")


def _check_sources(selected, sources: Sources) -> None:
    from harvest.probe import describe, http_fetcher, probe_source

    fetch = http_fetcher(sources.user_agent)
    found = 0
    for source in selected:
        report = probe_source(source, fetch)
        found += report.found is not None
        click.echo("\n".join(describe(report)))
    click.echo(
        f"checked {len(selected)} sources: {found} answer as a platform we read; "
        "nothing was written"
    )


@main.command("harvest")
@click.option("--municipality", "-m", multiple=True, help="Only this municipality (repeatable).")
@click.option(
    "--full",
    is_flag=True,
    help="Fetch every page again, not only what may be new (conditional requests "
    "still save bandwidth where the server supports them).",
)
@data_dir_option
@sources_option
def harvest_command(municipality, full, paths: Paths, sources: Sources):
    """Fetch new pages from the municipalities' sites into data/raw/ and the harvest log.

    Only what may be new is fetched: see "Running it every night" in the README.

    Example: avoin harvest --municipality vaasa
    """
    selected = _select(sources, municipality)
    reports = _harvest(selected, sources, paths, incremental=not full)
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
    if not paths.raw.is_dir():
        fail(
            f"no snapshots in {paths.raw}/ to transform (run avoin harvest first; "
            "--data-dir names another data dir)"
        )
    report = _transform(paths, sources, reparse=reparse)
    click.echo(report.summary())
    sys.exit(1 if report.errors else 0)


@main.command("import")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="PATH...",
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--municipality", "-m", required=True, help="The municipality the files are of.")
@click.option(
    "--organ",
    default=None,
    help="The organ (id, origin id or name) when the covers and file names do not say.",
)
@data_dir_option
@sources_option
def import_command(files, municipality, organ, paths: Paths, sources: Sources):
    """Import whole-meeting PDFs (agenda or minutes as one file) from a town's own archive:
    each is split into its items; a file imported before is skipped.

    Example: avoin import archive/2019/ --municipality kristinestad --organ Stadsstyrelsen
    """
    _check_municipality(municipality, sources.ids())
    report = _import(paths, sources, list(files), municipality, organ)
    click.echo(report.summary())
    for error in report.errors:
        click.echo(f"  error: {error}", err=True)
    sys.exit(1 if report.errors else 0)


@main.command("build")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="The live site: a symlink switched atomically to the new release.",
)
@base_url_option
@data_dir_option(needs_store=True)
def build_command(out, base_url, paths: Paths):
    """Export the dumps, build the static site and its search index, publish atomically.

    Example: avoin build --out public --base-url https://avoin.example.fi/
    """
    from pipeline.publish import publish
    from transform.store import Store

    with Store(paths.store) as store:
        if not store.counts()["actions"]:
            fail(
                f"the store {paths.store} holds no decisions yet: nothing to build "
                "(run avoin harvest and avoin transform first)"
            )
    report = publish(out, lambda release: _build(paths, release, base_url=base_url))
    click.echo(f"built and published {out}/: {report}")


@main.command("export")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="The dumps go to OUT/data/.",
)
@data_dir_option(needs_store=True)
def export_command(out, paths: Paths):
    """Write the open-data dumps: CSV, Excel CSV, JSON lines, Parquet, SQLite,
    datapackage.json and the change log, whole and per municipality (docs/schema.md).

    Example: avoin export --out public
    """
    from transform.store import Store

    with Store(paths.store) as store:
        click.echo(f"exported {out}/data/: {_export(store, out, paths)}")


@main.command("search")
@click.argument("query")
@click.option("--municipality", "-m", default=None, help="Only this municipality (id).")
@click.option(
    "--since", default=None, metavar="YYYY-MM-DD", help="Only decisions made on or after this date."
)
@click.option(
    "--topic",
    default=None,
    type=click.Choice(TOPIC_CHOICES),
    help="Only decisions of this topic (docs/topics.md).",
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option(
    "--format",
    "output_format",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "json"]),
)
@data_dir_option(needs_store=True)
def search_command(query, municipality, since, topic, limit, output_format, paths: Paths):
    """Search the decisions, Finnish and Swedish word forms alike; a diary number
    (register_id) matches exactly. The index under DATA_DIR/index/ is brought up to
    date first, re-reading only what changed.

    Example: avoin search "asemakaava" --municipality vaasa --since 2024-01-01

    Example: avoin search "maksu" --topic children_youth
    """
    from datetime import date

    from transform import search as search_index
    from transform.publishing import PublishingPolicy, TakedownsError
    from transform.store import Store

    try:
        search_index.parse_query(query)  # before a possibly long index update
        if since is not None:
            date.fromisoformat(since)
        policy = PublishingPolicy.load(paths.configuration("takedowns.toml"))
    except (search_index.SearchQueryError, TakedownsError) as error:
        fail(str(error))
    except ValueError:
        fail(f"--since {since!r} is not a date like 2024-01-31")
    from transform.analysis import warn_if_degraded

    warn_if_degraded()  # without Voikko or Hunspell: stemming only, and it says so
    index_dir = search_index.index_directory(paths.data_dir)
    if not index_dir.exists():
        click.echo(
            f"building the search index in {index_dir}/ (a large archive takes minutes, once)",
            err=True,
        )
    with Store(paths.store) as store:
        if municipality is not None:
            _check_municipality(municipality, [m["id"] for m in store.municipalities()])
        report = search_index.update_index(store, index_dir, policy)
        documents = search_index.topic_documents(store, topic) if topic else None
    if report.changed:
        click.echo(f"search index updated: {report}", err=True)
    hits = search_index.search(
        index_dir, query, municipality=municipality, since=since, limit=limit, documents=documents
    )
    click.echo(search_index.format_hits(hits, output_format))


@main.command("parse")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--platform", required=True, type=click.Choice(["ktweb", "dynasty", "cloudnc"]))
@click.option("--municipality", default=None, help="Municipality id used in record ids.")
@click.option("--url", default="", help="The URL the page came from (ids may come from it).")
@click.option(
    "--kind",
    "page_kind",
    default=None,
    type=click.Choice(["organizations", "meetings", "meeting", "action", "attachments"]),
    help="What the page is; guessed when omitted.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="For an item document (PDF, DOC, DOCX, RTF, HTML): print its blocks and "
    "the label each got instead of the JSON.",
)
def parse_command(path, platform, municipality, url, page_kind, explain):
    """Print the schema JSON that one saved page or item document yields.

    Example: avoin parse 510975521.pdf --platform ktweb --url 'https://x/ktproxy2.dll?doctype=3&docid=510975521'

    Example: avoin parse item.doc --platform ktweb --explain
    """
    from harvest.platforms import ParseError, detect_page_kind
    from transform.parse_limits import parse_within_limits

    if explain:
        _explain_document(path)
        return
    try:
        body = path.read_bytes()
        url = url or path.resolve().as_uri()
        kind = page_kind or detect_page_kind(platform, body, url)
        result = parse_within_limits(platform, kind, body, url, municipality, None)
    except (OSError, ParseError) as error:
        click.echo(f"avoin parse: {path}: {error}", err=True)
        sys.exit(2)
    result.pop("links", None)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))


def _explain_document(path: Path) -> None:
    from harvest.documents import DocumentReadError, read_document
    from harvest.documents.explain import explain

    try:
        click.echo(explain(read_document(path.read_bytes())))
    except (OSError, DocumentReadError) as error:
        click.echo(f"avoin parse: {path}: {error}", err=True)
        sys.exit(2)


@main.command("serve")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
)
@click.option("--port", default=8000, show_default=True)
def serve_command(out, port):
    """Preview the built site on http://127.0.0.1:PORT/.

    Example: avoin serve --port 8000
    """
    import http.server

    from site_builder.preview import SitePreviewHandler

    if not (out / "index.html").is_file():
        fail(f"no built site in {out}/ (avoin build or avoin demo writes one; --out names another)")
    handler = functools.partial(SitePreviewHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"serving {out}/ on http://127.0.0.1:{port}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped")


@main.command("demo")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEMO_DATA_DIR,
    show_default=True,
)
def demo_command(out, data_dir):
    """Run the whole pipeline offline against the sample sites the project ships.

    Example: avoin demo && avoin serve
    """
    from harvest.replay import start_sample_sites

    started = time.monotonic()
    paths = Paths(data_dir).ensure()
    sources = _load_sources_or_exit(sample_sites_directory() / "demo-sources.toml")
    servers = start_sample_sites(sample_sites_directory())
    try:
        replayed = [s.id for s in sources.municipalities if s.id in servers]
        click.echo(
            f"replaying the sample sites of {len(replayed)} municipalities "
            f"({', '.join(replayed)}) on 127.0.0.1"
        )
        steps = _nightly_steps(sources, paths, host_map=_replay_host_map(sources, servers))
        report = _run_nightly(steps, paths, out, sources)
    finally:
        for server in servers.values():
            server.stop()
    took = f"demo finished in {time.monotonic() - started:.0f} s"
    if report.published:
        click.echo("\n".join(_demo_next_steps(took, out, paths)))
    else:
        click.echo(f"{took}. Nothing was published: see the problems above.")
    sys.exit(report.exit_status)


def _demo_next_steps(took: str, out: Path, paths: Paths) -> list[str]:
    """The closing lines: what was made, and three commands that work exactly as printed."""
    avoin = _avoin_command()
    data = f" --data-dir {shlex.quote(str(paths.data_dir))}"
    site = f" --out {shlex.quote(str(out))}" if out != Path("public") else ""
    tries = [
        (f"{avoin} serve{site}", "browse the site on http://127.0.0.1:8000/"),
        (f"{avoin} search kaava{data}", "search the decisions from the shell"),
        (f"{avoin} status{data}", "what the run harvested, per municipality"),
    ]
    width = max(len(command) for command, _ in tries)
    return [
        f"{took}: the site is in {out}/, the open-data files in {out}/data/, "
        f"the store in {paths.store}.",
        "Try next:",
        *(f"  {command.ljust(width)}  # {why}" for command, why in tries),
    ]


def _avoin_command() -> str:
    """How to run this very `avoin` again from here: a bare name only when PATH finds it."""
    invoked = Path(sys.argv[0])
    if invoked.name != "avoin":
        return f"{shlex.quote(sys.executable)} -m cli"
    on_path = shutil.which("avoin")
    if on_path and Path(on_path).resolve() == invoked.resolve():
        return "avoin"
    absolute = invoked.resolve()
    try:
        relative = absolute.relative_to(Path.cwd().resolve())
    except ValueError:
        return shlex.quote(str(absolute))
    return shlex.quote(str(relative) if relative.parent != Path(".") else f"./{relative}")


@main.command("nightly")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="The live site: a symlink swapped atomically to each new release.",
)
@click.option("--full", is_flag=True, help="Fetch every page again, not only what may be new.")
@base_url_option
@data_dir_option
@sources_option
def nightly_command(out, full, base_url, paths: Paths, sources: Sources):
    """Harvest what is new, transform, build, publish atomically and report; for cron.

    Exit status: 0 every source fine; 1 some sources failed (the site was published with
    their last good data); 2 nothing was published. The JSON run report is written to
    DATA_DIR/runs/ and OUT/status.json.

    Example: avoin nightly --out /var/www/avoin/public
    """
    steps = _nightly_steps(sources, paths, incremental=not full, base_url=base_url)
    report = _run_nightly(steps, paths, out, sources)
    sys.exit(report.exit_status)


@main.command("rollback")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
)
def rollback_command(out):
    """Make the previous published release live again.

    Example: avoin rollback --out /var/www/avoin/public
    """
    from pipeline.publish import PublishError, rollback

    try:
        release = rollback(out)
    except PublishError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{out} now serves {release.name}")


@main.command("status")
@data_dir_option(needs_store=True)
def status_command(paths: Paths):
    """Show the last nightly run: per municipality, last success, errors, staleness.

    Example: avoin status
    """
    from pipeline.nightly import latest_report

    report = latest_report(paths.data_dir)
    if report is None:
        fail(f"no nightly run recorded in {paths.data_dir / 'runs'} (avoin nightly writes one)")
    click.echo("\n".join(report.summary_lines()))


def _nightly_steps(
    sources: Sources, paths: Paths, *, host_map=None, incremental=True, base_url: str = "/"
):
    from pipeline.nightly import NightlySteps

    def harvest():
        reports = _harvest(
            list(sources.municipalities), sources, paths, host_map=host_map, incremental=incremental
        )
        _print_harvest(reports)
        return reports

    def transform():
        report = _transform(paths, sources)
        click.echo(report.summary())
        return report

    def build(release: Path, status: dict) -> dict:
        report = _build(paths, release, base_url=base_url, status=status)
        click.echo(f"built the site: {report}")
        click.echo(f"staff search index (avoin search): {_refresh_search_index(paths)}")
        return {
            "site": str(report),
            "redactions": dict(report.redactions),
            "takedowns": report.takedowns,
        }

    return NightlySteps(harvest=harvest, transform=transform, build=build)


def _run_nightly(steps, paths: Paths, out: Path, sources: Sources):
    from pipeline.nightly import run_nightly
    from pipeline.notify import NotifyConfig

    report = run_nightly(
        steps, data_dir=paths.data_dir, out=out, notify_config=NotifyConfig.load(sources.path)
    )
    if report.run_id is None:  # nothing ran (lock busy, a path not writable): say why
        click.echo("\n".join(f"avoin nightly: {p}" for p in report.problems), err=True)
    else:
        click.echo("\n".join(report.summary_lines()))
    return report


def _replay_host_map(sources: Sources, servers) -> dict[str, str]:
    """Each sample site's own host -> the 127.0.0.1 port its replay server listens on."""
    host_map = {}
    for source in sources.municipalities:
        server = servers.get(source.id)
        if server is not None and source.base_url:
            host_map[urlsplit(source.base_url).netloc] = urlsplit(server.url).netloc
    return host_map


def _select(sources: Sources, ids) -> list:
    for municipality_id in ids:
        _check_municipality(municipality_id, sources.ids())
    return [sources.get(i) for i in ids] if ids else list(sources.municipalities)


def _check_municipality(municipality_id: str, known: list[str]) -> None:
    if municipality_id not in known:
        fail(unknown_municipality(municipality_id, known))


def _harvest(selected, sources: Sources, paths: Paths, *, host_map=None, incremental=True):
    from harvest.run import harvest_sources
    from transform.store import Store

    paths.ensure()
    with Store(paths.store) as store:
        run_id = store.start_run("harvest")
    reports = harvest_sources(
        selected,
        user_agent=sources.user_agent,
        store_path=str(paths.store),
        download_timeout=sources.download_timeout,
        raw_dir=str(paths.raw),
        run_id=run_id,
        host_map=host_map,
        incremental=incremental,
        parse_limits=sources.parse_limits,
    )
    with Store(paths.store) as store:
        status = "ok" if all(r.ok or r.skipped for r in reports) else "partial"
        store.finish_run(run_id, status, {"sources": [r.as_dict() for r in reports]})
    return reports


def _transform(paths: Paths, sources: Sources, *, reparse: bool = False):
    from transform.progress import Progress
    from transform.run import sync_municipalities, transform_pending
    from transform.store import Store

    with Store(paths.store) as store, Progress("transform", unit="documents") as progress:
        sync_municipalities(store, sources)
        return transform_pending(
            store,
            paths.raw,
            reparse_all=reparse,
            progress=progress.update_to,
            limits=sources.parse_limits,
        )


def _import(
    paths: Paths, sources: Sources, files: list[Path], municipality: str, organ: str | None
):
    from transform.importing import import_files
    from transform.run import sync_municipalities
    from transform.store import Store

    with Store(paths.ensure().store) as store:
        sync_municipalities(store, sources)
        return import_files(store, files, municipality, organ, raw_dir=paths.raw)


def _build(paths: Paths, out: Path, *, base_url: str = "/", status: dict | None = None):
    from site_builder import build_site
    from site_builder.search import SearchIndexError, index_site
    from transform.store import Store

    policy = _publishing_policy(paths)
    with Store(paths.store) as store:
        click.echo(f"exported {out}/data/: {_export(store, out, paths)}")  # the downloads page
        report = build_site(store, out, base_url=base_url, policy=policy, status=status)
    try:
        search = index_site(out)
    except SearchIndexError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"search index: {search['pages']} pages, {search['written']} files written, "
        f"{search['unchanged']} unchanged, {search['removed']} removed"
    )
    return report


def _refresh_search_index(paths: Paths):
    """Keep `avoin search` warm: re-index only what changed since the last night."""
    from transform import search as search_index
    from transform.store import Store

    with Store(paths.store) as store:
        return search_index.update_index(
            store, search_index.index_directory(paths.data_dir), _publishing_policy(paths)
        )


def _publishing_policy(paths: Paths):
    from transform.publishing import PublishingPolicy, TakedownsError

    try:
        return PublishingPolicy.load(paths.configuration("takedowns.toml"))
    except TakedownsError as error:
        fail(str(error))


def _export(store, out: Path, paths: Paths):
    from transform.export import export_dumps

    return export_dumps(
        store,
        out,
        policy=_publishing_policy(paths),
        progress=lambda message: click.echo(f"  export: {message}", err=True),
    )


def _print_harvest(reports) -> None:
    rows = [("municipality", "platform", "pages", "failed", "status")]
    for r in reports:
        status = f"skipped: {r.skipped}" if r.skipped else ("ok" if r.ok else "FAILED")
        errors = ", ".join(f"{k} {v}" for k, v in sorted(r.errors.items()))
        rows.append(
            (
                r.municipality,
                r.platform,
                str(r.pages_saved),
                str(r.requests_failed),
                status + (f" ({errors})" if errors else ""),
            )
        )
    click.echo(_table(rows))
    for r in reports:
        if r.robots_ignored and not r.skipped:
            click.echo(f"{r.municipality}: robots ignored with permission: {r.permission}")


def _table(rows) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
