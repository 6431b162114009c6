"""Read a pack in the official layout: `NAME.jsonl` with task folders in the sibling folder `NAME/`.

Every problem becomes one `Problem` naming the task, the file and the field, so a user can fix a pack
without reading a traceback; `load_pack(..., skip_invalid=True)` keeps going with the valid tasks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from iwr.benchmark.types import Task

BUNDLED_PACK = Path(__file__).parent / "pack" / "data.jsonl"


class Problem(BaseModel):
    """One thing wrong with a pack, stated once."""

    model_config = ConfigDict(frozen=True)
    task: str
    """Task id, or `line N` when the id itself is unreadable, or `-` for the pack as a whole."""
    file: str
    field: str = ""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [{self.field}]" if self.field else "")
        return f"task {self.task}: {where}: {self.message}"


class PackError(Exception):
    """The pack cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class LoadedTask:
    task: Task
    folder: Path
    line: int

    @property
    def pack_root(self) -> Path:
        """The folder of the pack's jsonl (task folders live in `<root>/<jsonl stem>/<id>`)."""
        return self.folder.parent.parent

    @property
    def video(self) -> Path:
        return self.folder / "video.mp4"

    @property
    def assets(self) -> Path:
        return self.folder / "assets"

    @property
    def stitched_assets(self) -> Path:
        return self.folder / "stitched_assets"

    def checkpoint(self, k: int) -> Path:
        return self.folder / "checkpoints" / f"step_{k}.png"


@dataclass
class Pack:
    jsonl: Path
    tasks: list[LoadedTask] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.jsonl.parent

    @property
    def tasks_dir(self) -> Path:
        return self.jsonl.with_suffix("")


def resolve_jsonl(path: Path | None) -> Path:
    """Accept the jsonl itself or a folder holding exactly one (data.jsonl preferred)."""
    if path is None:
        return BUNDLED_PACK
    if path.is_dir():
        if (path / "data.jsonl").is_file():
            return path / "data.jsonl"
        found = sorted(path.glob("*.jsonl"))
        if len(found) == 1:
            return found[0]
        names = ", ".join(p.name for p in found) or "none"
        raise PackError([Problem(task="-", file=str(path),
                                 message=f"expected one .jsonl task file in this folder, found {names}; pass the file itself")])
    if not path.exists():
        raise PackError([Problem(task="-", file=str(path), message="no such file or folder")])
    return path


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_lines(jsonl: Path) -> tuple[list[tuple[int, Task]], list[Problem]]:
    """Parse and validate each line; one problem per bad field, duplicate ids reported once."""
    tasks: list[tuple[int, Task]] = []
    problems: list[Problem] = []
    try:
        text = jsonl.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return [], [Problem(task="-", file=str(jsonl), message=f"not UTF-8 text ({e.reason} at byte {e.start})")]
    seen: dict[int, int] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(Problem(task=f"line {n}", file=f"{jsonl.name}:{n}", message=f"not valid JSON: {e.msg} at column {e.colno}"))
            continue
        label = str(raw.get("id")) if isinstance(raw, dict) and "id" in raw else f"line {n}"
        if not isinstance(raw, dict):
            problems.append(Problem(task=label, file=f"{jsonl.name}:{n}", message="a task line must be a JSON object"))
            continue
        try:
            task = Task.model_validate(raw)
        except ValidationError as e:
            for err in e.errors():
                problems.append(Problem(task=label, file=f"{jsonl.name}:{n}", field=_field_path(err["loc"]), message=err["msg"]))
            continue
        if task.id in seen:
            problems.append(Problem(task=label, file=f"{jsonl.name}:{n}", field="id",
                                    message=f"duplicate id (first on line {seen[task.id]}); ids must be unique"))
            continue
        seen[task.id] = n
        action_problems = [p for i, a in enumerate(task.action_sequence)
                           for p in _action_problems(task, i, a, f"{jsonl.name}:{n}")]
        problems.extend(action_problems)
        if not action_problems:
            tasks.append((n, task))
    if not tasks and not problems:
        problems.append(Problem(task="-", file=str(jsonl), message="no tasks in this file"))
    return tasks, problems


def _action_problems(task: Task, i: int, action, file: str) -> list[Problem]:
    p = action.parameters
    where = f"action_sequence[{i}].parameters"
    need = {"Type": ("text", p.text), "Press": ("key", p.key), "Scroll": ("direction", p.direction)}
    if action.type in need and need[action.type][1] in (None, ""):
        name = need[action.type][0]
        return [Problem(task=str(task.id), file=file, field=f"{where}.{name}", message=f"a {action.type} action needs parameters.{name}")]
    if action.type == "Scroll" and str(p.direction).lower() not in ("up", "down", "left", "right"):
        return [Problem(task=str(task.id), file=file, field=f"{where}.direction",
                        message=f"direction must be up, down, left or right, got {p.direction!r}")]
    return []


def load_pack(path: Path | None = None, *, skip_invalid: bool = False, check_media: bool = True,
              deep: bool = False) -> Pack:
    """Load and check a pack (`deep`: decode every video frame and image). Raises PackError on any
    problem unless `skip_invalid`."""
    from iwr.benchmark.media import task_media_problems

    jsonl = resolve_jsonl(path)
    parsed, problems = parse_lines(jsonl)
    pack = Pack(jsonl=jsonl)
    for line, task in parsed:
        folder = pack.tasks_dir / str(task.id)
        media = task_media_problems(task, folder, pack.root, deep=deep) if check_media else []
        problems.extend(media)
        if not media:
            pack.tasks.append(LoadedTask(task=task, folder=folder, line=line))
    pack.problems = problems
    if problems and not skip_invalid:
        raise PackError(problems)
    return pack
