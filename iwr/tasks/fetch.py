"""Download a task pack published as a Hugging Face Hub dataset into a plain folder (`iwr tasks fetch`).

Why `huggingface_hub` does the transfer: it retries a dropped download from its last full 10 MiB
(HTTP `Range`), skips on a re-run the files a previous run finished, checks each file's size, honours
`HF_TOKEN` and `HF_ENDPOINT` and shows a progress bar. After it every file's sha256 (git sha1 for a
small file) is compared with the Hub's (`verify_repo_checksums`). This module asks the Hub which commit the revision
is first (so a bad token or a missing repo is an error even when OUT already holds files, where
`snapshot_download` would fall back on them silently), and turns the client's many exceptions into one
line saying what to do (`FetchError`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict

METADATA_DIR = ".cache"
"""Where `snapshot_download(local_dir=...)` keeps what lets a re-run skip finished files."""


class FetchError(Exception):
    """A fetch that failed for a reason the user can act on; the message is one line saying what to do."""


class FetchResult(BaseModel):
    """What was fetched: the commit the revision named, the folder, and the pack found in it (if any)."""

    model_config = ConfigDict(frozen=True)

    repo_id: str
    revision: str | None
    """As asked (None: the dataset's default branch)."""
    commit: str
    out: Path
    files: int
    """Files in `out` (the dataset's, without the client's metadata)."""
    verified: int
    """Files whose checksum was compared with the Hub's (all matched)."""
    pack: Path | None
    """What to load as the pack (`load_pack`): `out` or the sub-folder holding it; None when no .jsonl came."""


def fetch(
    repo_id: str,
    out: Path,
    *,
    revision: str | None = None,
    include: Sequence[str] = (),
    token: str | None = None,
    cache_dir: Path | None = None,
) -> FetchResult:
    """Download the dataset `repo_id` at `revision` into `out` (only the files matching one of the
    `include` globs, if any); raises FetchError. `token` None: HF_TOKEN, else the token `hf auth login` saved."""
    from huggingface_hub import HfApi, snapshot_download

    with _hub_errors(repo_id, revision, out, downloading=False):
        commit = HfApi(token=token).dataset_info(repo_id, revision=revision).sha
    if not commit:
        raise FetchError(f"the Hub named no commit for {_named(repo_id, revision)}; is HF_ENDPOINT a Hub?")
    with _hub_errors(repo_id, revision, out, downloading=True):
        snapshot_download(
            repo_id,
            repo_type="dataset",
            revision=commit,
            local_dir=out,
            allow_patterns=list(include) or None,
            token=token,
            cache_dir=cache_dir,
        )
        check = HfApi(token=token).verify_repo_checksums(repo_id, repo_type="dataset", revision=commit, local_dir=out)
    _remove_mismatches(check, out, _named(repo_id, revision))
    files = sum(1 for p in out.rglob("*") if p.is_file() and p.relative_to(out).parts[0] != METADATA_DIR)
    return FetchResult(
        repo_id=repo_id,
        revision=revision,
        commit=commit,
        out=out,
        files=files,
        verified=check.checked_count,
        pack=find_pack(out),
    )


def _remove_mismatches(check, out: Path, named: str) -> None:
    """A file whose sha256 (git sha1 for a small file) is not the Hub's is removed, so that the next run
    downloads it again (the client would otherwise keep it as finished)."""
    if not check.mismatches:
        return
    for mismatch in check.mismatches:
        (out / mismatch["path"]).unlink(missing_ok=True)
    first = check.mismatches[0]
    raise FetchError(
        f"{len(check.mismatches)} file(s) of {named} differ from the Hub's checksums (first: {first['path']}, "
        f"{first['algorithm']} {first['actual'][:12]} instead of {first['expected'][:12]}) and were removed: "
        "run the same command again to download them"
    )


def _visible(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def find_pack(folder: Path) -> Path | None:
    """The folder holding a pack: `folder` itself, or the one sub-folder a dataset keeps its pack in (an
    official `NAME.jsonl` beside its `NAME/` task folders, or the parent of per-site folders each with a
    `data.jsonl`); None when there is no .jsonl at all."""
    jsonls = sorted(p for p in _visible(folder) if p.suffix == ".jsonl" and p.is_file())
    if not jsonls:
        return None
    if any(j.parent == folder for j in jsonls):
        return folder
    official = {j.parent for j in jsonls if j.with_suffix("").is_dir()}
    if len(official) == 1:
        return official.pop()
    sites = {j.parent.parent for j in jsonls}
    return sites.pop() if len(sites) == 1 and not official else folder


def _named(repo_id: str, revision: str | None) -> str:
    return f"dataset {repo_id}" + (f" at revision {revision!r}" if revision else "")


def _first_line(error: BaseException) -> str:
    """What the Hub said (its `X-Error-Message`), else the error's first line."""
    said = getattr(error, "server_message", None)
    lines = [line.strip() for line in str(said or error).splitlines() if line.strip()]
    return (lines[0] if lines else type(error).__name__)[:200]


@contextmanager
def _hub_errors(repo_id: str, revision: str | None, out: Path, *, downloading: bool) -> Iterator[None]:
    """The client's exceptions as FetchError, each naming the repo and what to do."""
    import httpx2
    from huggingface_hub import constants
    from huggingface_hub import errors as hub

    named = _named(repo_id, revision)
    page = f"{constants.ENDPOINT}/datasets/{repo_id}"
    again = f"the files finished are kept in {out}: run the same command again to resume"
    try:
        yield
    except hub.GatedRepoError as e:
        raise FetchError(
            f"{named} is gated: accept its conditions at {page} while logged in, then set HF_TOKEN "
            f"(or --token) to a token of that account ({_first_line(e)})"
        ) from None
    except hub.RepositoryNotFoundError:
        raise FetchError(
            f"{named}: no such dataset on {constants.ENDPOINT}, or it is private and HF_TOKEN (or --token) is "
            "missing or has no access; check the repo id (NAMESPACE/NAME of a dataset)"
        ) from None
    except hub.RevisionNotFoundError:
        raise FetchError(f"{named}: no such revision; give a branch, tag or commit of the dataset") from None
    except hub.OfflineModeIsEnabled:
        raise FetchError(f"{named}: HF_HUB_OFFLINE is set; unset it to download") from None
    except hub.HFValidationError as e:
        raise FetchError(f"{repo_id!r} is not a dataset id (NAMESPACE/NAME): {_first_line(e)}") from None
    except hub.HfHubHTTPError as e:
        status = e.response.status_code if e.response is not None else None
        if status == 401:
            raise FetchError(
                f"{named}: the Hub refused the token (401: {_first_line(e)}); set HF_TOKEN (or --token) to a "
                "valid token, or unset it for a public dataset"
            ) from None
        if status == 403:
            raise FetchError(f"{named}: the token may not read this dataset (403: {_first_line(e)})") from None
        raise FetchError(_stopped(named, e, again, downloading)) from None
    except (httpx2.TransportError, OSError) as e:
        raise FetchError(_stopped(named, e, again, downloading)) from None


def _stopped(named: str, error: BaseException, again: str, downloading: bool) -> str:
    from huggingface_hub import constants

    response = getattr(error, "response", None)
    status = f"HTTP {response.status_code}: " if response is not None else ""
    why = f"{type(error).__name__}: {status}{_first_line(error)}"
    if downloading:
        return f"download of {named} stopped ({why}); {again}"
    return f"cannot reach the Hub at {constants.ENDPOINT} for {named} ({why}); check the network and HF_ENDPOINT"
