"""`iwr tasks fetch`: download a task pack published on the Hugging Face Hub, then check that it loads."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from iwr.benchmark.cli_common import console, err_console, load_pack_or_exit, note


@click.command("fetch")
@click.argument("repo_id")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to download into (plain files; the files finished stay there, so a re-run resumes).",
)
@click.option("--revision", help="Branch, tag or commit of the dataset.  [default: its main branch]")
@click.option(
    "--include", multiple=True, metavar="GLOB", help="Only the files matching GLOB, e.g. 'data/1001/*'; repeatable."
)
@click.option("--token", help="Hub token.  [default: HF_TOKEN, else the token `hf auth login` saved]")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The Hub client's cache, where files already downloaded are copied from.  [default: HF_HUB_CACHE]",
)
def tasks_fetch(
    repo_id: str, out: Path, revision: str | None, include: tuple[str, ...], token: str | None, cache_dir: Path | None
) -> None:
    """Download the Hugging Face Hub dataset REPO_ID (NAMESPACE/NAME) into OUT and check the pack in it."""
    from iwr.tasks.fetch import FetchError, fetch

    try:
        fetched = fetch(repo_id, out, revision=revision, include=include, token=token, cache_dir=cache_dir)
    except FetchError as e:
        err_console.print(f"[red]error[/red] {escape(str(e))}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        note(f"interrupted; the files finished are kept in {out}: run the same command again to resume")
        sys.exit(130)
    note(
        f"fetched {repo_id} at {fetched.commit[:12]}: {fetched.files} file(s) in {out}, {fetched.verified} checksummed"
    )
    if fetched.pack is None:
        err_console.print(f"[red]error[/red] no task pack in {escape(str(out))} (no .jsonl file); files kept")
        sys.exit(1)
    loaded = load_pack_or_exit(fetched.pack, True, deep=False)
    bad = len({p.task for p in loaded.problems})
    console.print(
        f"{loaded.jsonl}: {len(loaded.tasks)} valid task(s), {len(loaded.warnings)} warning(s)"
        + (f", {bad} invalid skipped" if bad else "")
        + f"; `iwr tasks validate {fetched.pack}` also decodes every video",
        highlight=False,
        markup=False,
    )
    if not loaded.tasks:
        sys.exit(1)
