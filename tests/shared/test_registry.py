"""Plug-ins through entry points: every registry (generators, visual metrics) reads its group the same
way, at the first lookup, keeps a built-in's name and reports a plug-in it cannot load."""

from pathlib import Path

import pytest

from iwr.registry import Registry


def distribution(root: Path, entries: str, module: str) -> None:
    info = root / "thing_plugins-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: thing-plugins\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[iwr.test_things]\n{entries}\n")
    (root / "thing_plugins.py").write_text(module)


def test_plugins_are_read_at_the_first_lookup_and_a_broken_one_is_reported(tmp_path, monkeypatch, capsys) -> None:
    distribution(
        tmp_path,
        "square = thing_plugins:square\nbuilt-in = thing_plugins:square\nbroken = thing_plugins:missing",
        "def square(x=3):\n    return x * x\n",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    things: Registry[int] = Registry("thing", plugins="iwr.test_things")
    things.register("built-in")(lambda: 0)
    assert things.names() == ["built-in", "square"]
    assert things.create("square", x=4) == 16 and things.create("built-in") == 0
    err = capsys.readouterr().err
    assert "thing plug-in 'broken' (thing_plugins:missing) could not be loaded" in err
    assert "thing plug-in 'built-in' (thing_plugins:square) left out: a built-in has that name" in err
    with pytest.raises(KeyError, match="unknown thing 'cube'; known: built-in, square"):
        things.create("cube")


def test_a_registry_without_a_group_reads_no_plugins(tmp_path, monkeypatch) -> None:
    distribution(tmp_path, "square = thing_plugins:square", "def square():\n    return 9\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    things: Registry[int] = Registry("thing")
    assert things.names() == [] and "square" not in things
