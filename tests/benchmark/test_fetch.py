"""`iwr tasks fetch` run as a user runs it (the installed command, in its own process) against the
loopback Hub of tests/hubserver.py: a fresh download, a dropped connection resumed, an interrupted run
finished by a second one, and each mistake a user makes (missing repo, bad token, gated, bad revision,
no network, no pack) ending as one line with exit 1."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hubserver import HubServer, corrupt, drop, status

ROOT = Path(__file__).resolve().parents[2]
IWR = Path(sys.executable).parent / "iwr"
PACK = ROOT / "benchmark" / "pack"
TASK = 1004
"""The bundled pack's smallest task (a 150 kB video)."""
CHUNK = 10 * 1024 * 1024
"""huggingface_hub keeps what it received in 10 MiB chunks: a transfer dropped later resumes from the last one."""
BIG = "recordings/raw.bin"


def official_dataset(folder: Path, *, big: bool = False) -> Path:
    """One task of the bundled pack in the official layout, as a Hub dataset repo holds it (with
    `big`: also a 12 MiB file, large enough for the client to resume it mid-way)."""
    line = next(x for x in (PACK / "data.jsonl").read_text().splitlines() if json.loads(x)["id"] == TASK)
    (folder / "data").mkdir(parents=True)
    (folder / "data.jsonl").write_text(line + "\n")
    shutil.copytree(PACK / "data" / str(TASK), folder / "data" / str(TASK))
    (folder / "README.md").write_text("---\nlicense: apache-2.0\n---\n# A one-task IWR pack\n")
    (folder / ".gitattributes").write_text("*.mp4 filter=lfs diff=lfs merge=lfs -text\n")
    if big:
        (folder / BIG).parent.mkdir()
        (folder / BIG).write_bytes(random.Random(0).randbytes(CHUNK + 2 * 1024 * 1024))
    return folder


@pytest.fixture
def hub(tmp_path):
    with HubServer(tokens={"hf_good", "hf_other"}) as server:
        server.add_dataset("iwr/mini", official_dataset(tmp_path / "mini"))
        yield server


def fetch(hub: HubServer, tmp_path: Path, *args: str, endpoint: str | None = None, **env: str):
    """`iwr tasks fetch ARGS` with the Hub client pointed at the loopback hub, in a home of its own (no
    saved token, no cache of the user's)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGINGFACE_"))}
    clean |= {"HF_ENDPOINT": endpoint or hub.endpoint, "HF_HOME": str(tmp_path / "hf-home"), "COLUMNS": "400"}
    return subprocess.run(
        [str(IWR), "tasks", "fetch", *args], env=clean | env, capture_output=True, text=True, timeout=120
    )


def last_line(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def same_files(served: Path, out: Path, paths) -> None:
    for path in paths:
        local = out / path
        assert local.is_file() and not local.is_symlink(), path
        assert local.read_bytes() == (served / path).read_bytes(), path


def test_fresh_download_of_a_private_dataset_with_hf_token(hub, tmp_path):
    served = official_dataset(tmp_path / "private")
    dataset = hub.add_dataset("iwr/private", served, private=True)
    out = tmp_path / "out"
    result = fetch(hub, tmp_path, "iwr/private", "--out", str(out), HF_TOKEN="hf_good")
    assert result.returncode == 0, result.stderr
    n = len(dataset.files)
    assert f"fetched iwr/private at {dataset.sha[:12]}: {n} file(s) in {out}, {n} checksummed" in result.stderr
    assert result.stdout.strip() == (
        f"{out / 'data.jsonl'}: 1 valid task(s), 0 warning(s); `iwr tasks validate {out}` also decodes every video"
    )
    same_files(served, out, dataset.files)
    assert (out / ".cache" / "huggingface").is_dir()
    api = [r for r in hub.requests if r.path.startswith(("/api/datasets/", "/datasets/"))]
    assert api and all(r.headers.get("authorization") == "Bearer hf_good" for r in api)
    cdn = [r for r in hub.requests if r.path.startswith("/cdn/")]
    assert cdn and not any("authorization" in r.headers for r in cdn), "the token must not leave the Hub"


def test_include_and_revision(hub, tmp_path):
    out = tmp_path / "out"
    commit = hub.datasets["iwr/mini"].sha
    args = ("--include", "data.jsonl", "--include", f"data/{TASK}/*", "--revision", commit)
    result = fetch(hub, tmp_path, "iwr/mini", "--out", str(out), *args)
    assert result.returncode == 0, result.stderr
    assert (out / "data.jsonl").is_file() and (out / f"data/{TASK}/video.mp4").is_file()
    assert not (out / "README.md").exists()
    assert "1 valid task(s)" in result.stdout


def test_a_dropped_connection_resumes_with_a_range_request(hub, tmp_path):
    served = official_dataset(tmp_path / "big", big=True)
    hub.add_dataset("iwr/big", served)
    hub.fail(BIG, drop(CHUNK + 1024 * 1024))
    out = tmp_path / "out"
    result = fetch(hub, tmp_path, "iwr/big", "--out", str(out))
    assert result.returncode == 0, result.stderr
    gets = hub.gets(BIG)
    assert [r.headers.get("range") for r in gets] == [None, f"bytes={CHUNK}-"]
    same_files(served, out, [BIG, "data.jsonl"])


def test_an_interrupted_download_is_finished_by_running_it_again(hub, tmp_path):
    served = official_dataset(tmp_path / "big", big=True)
    dataset = hub.add_dataset("iwr/big", served)
    hub.fail(BIG, drop(CHUNK + 1024 * 1024), status(503))
    out = tmp_path / "out"
    first = fetch(hub, tmp_path, "iwr/big", "--out", str(out))
    assert first.returncode == 1
    assert last_line(first) == (
        f"error download of dataset iwr/big stopped (HfHubHTTPError: HTTP 503: scripted 503); "
        f"the files finished are kept in {out}: run the same command again to resume"
    )
    assert [r.headers.get("range") for r in hub.gets(BIG)] == [None, f"bytes={CHUNK}-"]
    assert not (out / BIG).exists()
    kept = [p for p in dataset.files if (out / p).is_file()]
    assert "data.jsonl" in kept and f"data/{TASK}/video.mp4" in kept

    second = fetch(hub, tmp_path, "iwr/big", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert all(len(hub.gets(p)) == 1 for p in kept), "a finished file is not downloaded again"
    same_files(served, out, dataset.files)
    assert not list(out.rglob("*.incomplete"))
    assert "1 valid task(s)" in second.stdout


def test_a_file_with_the_wrong_checksum_is_removed_and_fetched_again(hub, tmp_path):
    video = f"data/{TASK}/video.mp4"
    hub.fail(video, corrupt())
    out = tmp_path / "out"
    first = fetch(hub, tmp_path, "iwr/mini", "--out", str(out))
    assert first.returncode == 1
    sha256 = hashlib.sha256(hub.datasets["iwr/mini"].files[video]).hexdigest()
    assert last_line(first).startswith(
        f"error 1 file(s) of dataset iwr/mini differ from the Hub's checksums (first: {video}, sha256 "
    )
    assert last_line(first).endswith(
        f" instead of {sha256[:12]}) and were removed: run the same command again to download them"
    )
    assert not (out / video).exists()
    second = fetch(hub, tmp_path, "iwr/mini", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert (out / video).read_bytes() == hub.datasets["iwr/mini"].files[video]
    assert len(hub.gets(video)) == 2 and len(hub.gets("data.jsonl")) == 1


@pytest.mark.parametrize("token", [None, "hf_good"])
def test_missing_repo(hub, tmp_path, token):
    env = {"HF_TOKEN": token} if token else {}
    result = fetch(hub, tmp_path, "iwr/nope", "--out", str(tmp_path / "out"), **env)
    assert result.returncode == 1
    assert last_line(result) == (
        f"error dataset iwr/nope: no such dataset on {hub.endpoint}, or it is private and HF_TOKEN (or --token) "
        "is missing or has no access; check the repo id (NAMESPACE/NAME of a dataset)"
    )
    assert [r.path for r in hub.requests if r.path.startswith("/api/datasets")] == ["/api/datasets/iwr/nope"]


def test_bad_token(hub, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "data.jsonl").write_text("{}\n")  # a folder fetched before: never taken for a fetch that failed
    result = fetch(hub, tmp_path, "iwr/mini", "--out", str(out), HF_TOKEN="hf_expired")
    assert result.returncode == 1
    assert last_line(result) == (
        "error dataset iwr/mini: the Hub refused the token (401: Invalid credentials in Authorization header); "
        "set HF_TOKEN (or --token) to a valid token, or unset it for a public dataset"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("token", [None, "hf_other"])
def test_gated_repo(hub, tmp_path, token):
    hub.add_dataset("iwr/gated", official_dataset(tmp_path / "gated"), gated=True, granted={"hf_good"})
    args = ("--token", token) if token else ()
    result = fetch(hub, tmp_path, "iwr/gated", "--out", str(tmp_path / "out"), *args)
    assert result.returncode == 1
    assert last_line(result) == (
        f"error dataset iwr/gated is gated: accept its conditions at {hub.endpoint}/datasets/iwr/gated while "
        "logged in, then set HF_TOKEN (or --token) to a token of that account (Access to dataset iwr/gated is "
        "restricted and you are not in the authorized list.)"
    )


def test_unknown_revision(hub, tmp_path):
    result = fetch(hub, tmp_path, "iwr/mini", "--out", str(tmp_path / "out"), "--revision", "v9")
    assert result.returncode == 1
    assert last_line(result) == (
        "error dataset iwr/mini at revision 'v9': no such revision; give a branch, tag or commit of the dataset"
    )


def test_hub_unreachable(hub, tmp_path):
    closed = "http://127.0.0.1:9"
    result = fetch(hub, tmp_path, "iwr/mini", "--out", str(tmp_path / "out"), endpoint=closed)
    assert result.returncode == 1
    line = last_line(result)
    assert line.startswith(f"error cannot reach the Hub at {closed} for dataset iwr/mini (ConnectError: ")
    assert line.endswith("); check the network and HF_ENDPOINT")


def test_a_dataset_without_a_pack_is_kept_and_said(hub, tmp_path):
    served = tmp_path / "notes"
    served.mkdir()
    (served / "README.md").write_text("# no tasks here\n")
    hub.add_dataset("iwr/notes", served)
    out = tmp_path / "out"
    result = fetch(hub, tmp_path, "iwr/notes", "--out", str(out))
    assert result.returncode == 1
    assert last_line(result) == f"error no task pack in {out} (no .jsonl file); files kept"
    assert (out / "README.md").read_text() == "# no tasks here\n"


def test_a_per_site_dataset_is_fetched_and_loaded(tmp_path):
    """The shape IWR-format datasets have on the Hub (one folder per site, webm, per-step jpg sheets)
    under a sub-folder of the repo: found, loaded, its layout said."""
    from iwr.tasks.loader import load_pack
    from tests.benchmark import persite

    served = tmp_path / "served"
    served.mkdir()
    (served / "README.md").write_text("# per-site IWR dataset\n")
    persite.site_folder(next(lt for lt in load_pack().tasks if lt.task.id == TASK), served / "sites")
    with HubServer() as server:
        server.add_dataset("iwr/web", served)
        out = tmp_path / "out"
        result = fetch(server, tmp_path, "iwr/web", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(f"{out / 'sites'}: 1 valid task(s)"), result.stdout
    assert load_pack(out / "sites").layout == "per-site"
