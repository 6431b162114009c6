"""`--executor ray`: a two-node Ray cluster on this machine (a head and a second node joined to it, one
CPU each) judges a pack with the same scores and run-folder files as the local executor, survives the
driver being killed (`--resume`), and spreads the judges over both nodes (issue 14)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main

pytest.importorskip("ray", reason="the ray extra (pip install -e '.[ray]'; scripts/setup.sh installs it)")
pytestmark = [pytest.mark.browser, pytest.mark.slow]

RAY = Path(sys.executable).parent / "ray"
TASKS = "1001-1004"
JUDGE = ["--ocr", "none", "--dino", "struct-standin", "--workers", "2", "--display", "plain"]
OBJECT_STORE = f"--object-store-memory={200 * 2**20}"
"""Ray's default object store is 30 % of the machine's memory per node: two nodes would take 14 GB of this
machine while other test files run Chromium beside them (its memory-bomb page then takes the browser down)."""
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
"""Loopback test cluster: Ray 2.60 turns token authentication on by default (docs/scale.md)."""


def ray_cli(*args: str) -> None:
    subprocess.run([str(RAY), *args], env={**os.environ, **RAY_ENV}, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The head on 127.0.0.1 and a second node joined to it; its address."""
    port = 6391
    ray_cli("stop", "--force")
    ray_cli(
        "start",
        "--head",
        "--node-ip-address",
        "127.0.0.1",
        f"--port={port}",
        "--num-cpus=1",
        "--include-dashboard=false",
        "--disable-usage-stats",
        OBJECT_STORE,
    )
    ray_cli(
        "start",
        f"--address=127.0.0.1:{port}",
        "--node-ip-address",
        "127.0.0.1",
        "--num-cpus=1",
        "--disable-usage-stats",
        OBJECT_STORE,
    )
    try:
        yield f"127.0.0.1:{port}"
    finally:
        ray_cli("stop", "--force")


@pytest.fixture(autouse=True)
def ray_env(monkeypatch, tmp_path):
    for k, v in RAY_ENV.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("IWR_CACHE_DIR", str(tmp_path / "cache"))


def task_files(run: Path) -> dict[str, list[str]]:
    return {
        d.name: sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file())
        for d in sorted(run.iterdir())
        if d.is_dir() and d.name.isdigit()
    }


def scores(run: Path) -> dict[str, tuple]:
    out = {}
    for e in sorted(run.glob("*/eval.json")):
        r = json.loads(e.read_text())
        points = tuple((c["k"], c["reference"], tuple(sorted(c["metrics"].items()))) for c in r["checkpoints"])
        out[e.parent.name] = (r["IFS"], r["VFS"], r["Final"], [s["passed"] for s in r["steps"]], points)
    return out


def judged_on(run: Path) -> dict[int, str]:
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    return {e["task_id"]: e["message"] for e in events if e["kind"] == "note" and "judged on" in e["message"]}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory) -> Path:
    """The same tasks judged by the local executor, once for the module."""
    runs = tmp_path_factory.mktemp("local")
    local = CliRunner().invoke(
        main,
        ["run", "--model", "oracle", "--tasks-filter", TASKS, "--runs-dir", str(runs), "--run-id", "local", *JUDGE],
    )
    assert local.exit_code == 0, local.output
    return runs / "local"


def test_a_run_on_the_cluster_matches_the_local_run_and_resumes_after_the_driver_is_killed(
    cluster, local_run, tmp_path
):
    runs = tmp_path / "runs"

    args = [
        sys.executable,
        "-m",
        "iwr",
        "run",
        "--model",
        "oracle",
        "--tasks-filter",
        TASKS,
        "--runs-dir",
        str(runs),
        "--run-id",
        "ray",
        *JUDGE,
        "--executor",
        "ray",
        "--ray-address",
        cluster,
    ]
    driver = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run = runs / "ray"
    deadline = time.time() + 300
    while time.time() < deadline and not list(run.glob("*/eval.json")) and driver.poll() is None:
        time.sleep(0.2)
    assert driver.poll() is None, driver.stderr.read().decode()[-2000:]
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    kept = len(list(run.glob("*/eval.json")))
    assert 1 <= kept < 4, "the run finished before its driver could be killed"

    resumed = subprocess.run(
        [*args[:3], "run", "--resume", str(run), "--executor", "ray", "--ray-address", cluster, "--display", "plain"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert scores(run) == scores(local_run) and len(scores(run)) == 4
    assert task_files(run) == task_files(local_run)
    assert len(judged_on(run)) == 4, "every task judged on the cluster says where"


def test_judges_run_on_both_nodes(cluster, local_run, tmp_path):
    runs = tmp_path / "runs"
    before = scores(local_run)
    shutil.copytree(local_run, runs / "again")
    again = CliRunner().invoke(
        main, ["rescore", str(runs / "again"), *JUDGE, "--executor", "ray", "--ray-address", cluster]
    )
    assert again.exit_code == 0, again.output
    assert scores(runs / "again") == before
    nodes = {message.split("(node ")[1] for message in judged_on(runs / "again").values()}
    assert len(nodes) == 2, f"the 2 judges (1 CPU each) should sit on the 2 nodes, saw {nodes}"


def test_ray_missing_cluster_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "run",
            "--model",
            "blank",
            "--limit",
            "1",
            "--runs-dir",
            str(tmp_path),
            "--executor",
            "ray",
            "--ray-address",
            "127.0.0.1:1",
            *JUDGE,
        ],
    )
    assert result.exit_code == 1 and "cannot reach the Ray cluster" in result.output, result.output
