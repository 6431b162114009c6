"""Read a pack in either layout (`layout`): the official `NAME.jsonl` with task folders in the sibling
folder `NAME/`, or a folder of per-site folders each with its own `data.jsonl` (one pack, in the folders'
natural order; an id found in two folders names both).

Every problem becomes one `Problem` naming the task, the file and the field, so a user can fix a pack
without reading a traceback; `load_pack(..., skip_invalid=True)` keeps going with the valid tasks.

Problems have a level. An `error` makes its task unusable. A `warning` is something the official code
accepts (it reads tasks with `.get` everywhere) but a careful pack would not do: a Type without
`parameters.text` (read from the description), an unsupported action type (its step fails when
judged), a missing resolution (metadata.json, then 1920x1080), a missing video next to asset sheets...
Warnings never stop a task; `load_pack(..., strict=True)` (`iwr tasks validate --strict`) turns them
into errors for pack authors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from iwr.tasks.layout import OFFICIAL_VIDEO, SITE_JSONL, Layout, find_video, sheet_files, site_folders
from iwr.tasks.problems import Problem
from iwr.tasks.types import DEFAULT_VIEWPORT, KNOWN_ACTIONS, Action, Task, parse_resolution


def _bundled_pack() -> Path:
    """The pack shipped as data of `iwr.benchmark` (found, not imported: the task model sits below it)."""
    import importlib.util

    spec = importlib.util.find_spec("iwr.benchmark")
    return Path(next(iter(spec.submodule_search_locations))) / "pack" / "data.jsonl"


BUNDLED_PACK = _bundled_pack()


class PackError(Exception):
    """The pack cannot be used; carries every error found (and the warnings, apart)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = problems
        self.warnings = warnings or []
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class LoadedTask:
    task: Task
    folder: Path
    line: int
    root: Path | None = None
    """The pack's root folder; default: official layout, task folders in `<root>/<jsonl stem>/<id>`."""

    @property
    def pack_root(self) -> Path:
        """The folder of the pack's jsonl, or of a per-site dataset's site folders."""
        return self.root or self.folder.parent.parent

    @property
    def video(self) -> Path:
        """`video.mp4`, or the `video.webm` (any container ffmpeg decodes) a per-site dataset ships."""
        return find_video(self.folder) or self.folder / OFFICIAL_VIDEO

    @property
    def has_video(self) -> bool:
        """False for a task shipped with its asset sheets only (accepted, with a warning)."""
        return self.video.is_file()

    @property
    def sheets(self) -> list[Path]:
        """The asset sheets shown to the model, in order (`layout.sheet_files`)."""
        return sheet_files(self.folder)

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
    """What names the pack: its jsonl, or for the per-site layout the dataset's folder (load it again from it)."""
    tasks: list[LoadedTask] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Errors only (their tasks are not in `tasks`)."""
    warnings: list[Problem] = field(default_factory=list)
    layout: Layout = "official"

    @property
    def root(self) -> Path:
        return self.jsonl if self.layout == "per-site" else self.jsonl.parent

    @property
    def tasks_dir(self) -> Path:
        return self.jsonl.with_suffix("")


def resolve_jsonl(path: Path | None) -> Path:
    """Accept the jsonl itself or a folder holding exactly one (data.jsonl preferred); a folder with no
    jsonl but per-site folders (each with its own data.jsonl) is returned as is: a per-site pack."""
    if path is None:
        return BUNDLED_PACK
    if path.is_dir():
        if (path / SITE_JSONL).is_file():
            return path / SITE_JSONL
        found = sorted(path.glob("*.jsonl"))
        if len(found) == 1:
            return found[0]
        if not found and site_folders(path):
            return path
        names = ", ".join(p.name for p in found) or "none"
        raise PackError(
            [
                Problem(
                    task="-",
                    file=str(path),
                    message=f"expected one .jsonl task file in this folder (or per-site folders each with a "
                    f"{SITE_JSONL}), found {names}; pass the file itself",
                )
            ]
        )
    if not path.exists():
        raise PackError([Problem(task="-", file=str(path), message="no such file or folder")])
    return path


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_lines(
    jsonl: Path, *, name: str | None = None, folder: Path | None = None
) -> tuple[list[tuple[int, Task]], list[Problem]]:
    """Parse and validate each line; one problem per bad field, duplicate ids reported once. Warnings
    (level "warning") come in the same list; a task with warnings only is returned. `name` is how
    problems name the file, `folder` the task folder when it is not `<jsonl stem>/<id>` (per-site)."""
    tasks: list[tuple[int, Task]] = []
    problems: list[Problem] = []
    name = name or jsonl.name
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
            problems.append(
                Problem(task=f"line {n}", file=f"{name}:{n}", message=f"not valid JSON: {e.msg} at column {e.colno}")
            )
            continue
        label = str(raw.get("id")) if isinstance(raw, dict) and "id" in raw else f"line {n}"
        if not isinstance(raw, dict):
            problems.append(Problem(task=label, file=f"{name}:{n}", message="a task line must be a JSON object"))
            continue
        try:
            task = Task.model_validate(raw)
        except ValidationError as e:
            for err in e.errors():
                problems.append(
                    Problem(task=label, file=f"{name}:{n}", field=_field_path(err["loc"]), message=err["msg"])
                )
            continue
        if task.id in seen:
            problems.append(
                Problem(
                    task=label,
                    file=f"{name}:{n}",
                    field="id",
                    message=f"duplicate id (first on line {seen[task.id]}); ids must be unique",
                )
            )
            continue
        seen[task.id] = n
        file = f"{name}:{n}"
        notes = _task_warnings(task, raw, file, folder or jsonl.with_suffix("") / task.folder_name)
        notes += [p for i, a in enumerate(task.action_sequence) for p in _action_warnings(task, i, a, file)]
        problems.extend(notes)
        tasks.append((n, task))
    if not tasks and not problems:
        problems.append(Problem(task="-", file=str(jsonl), message="no tasks in this file"))
    return tasks, problems


METADATA_NAME = "metadata.json"


def _size_of(value: Any) -> tuple[int, int] | None:
    """A resolution in any plausible shape: "1280x720", [1280, 720], {"width": 1280, "height": 720}."""
    if isinstance(value, str):
        return parse_resolution(value)
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return int(value[0]), int(value[1])
    if isinstance(value, dict):
        w, h = value.get("width", value.get("w")), value.get("height", value.get("h"))
        if isinstance(w, (int, float)) and isinstance(h, (int, float)) and not isinstance(w, bool):
            return int(w), int(h)
        for key in ("resolution", "viewport", "size"):
            if key in value and (size := _size_of(value[key])):
                return size
    return None


def metadata_viewport(folder: Path) -> tuple[tuple[int, int] | None, str]:
    """The viewport a task folder's metadata.json states (keys: resolution, width/height, viewport,
    window_size, screen_resolution, recording_details.resolution), and what was read or why not."""
    path = folder / METADATA_NAME
    if not path.is_file():
        return None, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"{METADATA_NAME} is unreadable ({str(e).splitlines()[0][:120]})"
    if not isinstance(data, dict):
        return None, f"{METADATA_NAME} is not a JSON object"
    for key in ("resolution", "viewport", "window_size", "screen_resolution", "screen_size", "recording_details"):
        if key in data and (size := _size_of(data[key])):
            return size, f"{METADATA_NAME} {key}"
    if size := _size_of({"width": data.get("width"), "height": data.get("height")}):
        return size, f"{METADATA_NAME} width/height"
    return None, f"{METADATA_NAME} states no resolution"


def _task_warnings(task: Task, raw: dict, file: str, folder: Path) -> list[Problem]:
    """What the official code accepts but a careful pack would not; resolves the viewport fallback."""
    tid = str(task.id)
    out = []
    if isinstance(raw.get("id"), str):
        out.append(
            Problem(
                task=tid,
                file=file,
                field="id",
                level="warning",
                message=f"id is a string ({raw['id']!r}); the official format has an integer",
            )
        )
    if task.recording_details.size is None:
        size, source = metadata_viewport(folder)
        task.use_viewport(size)
        given = task.recording_details.resolution
        what = f"is {given!r}, not WIDTHxHEIGHT" if given else "is missing"
        if size:
            using = f"using {size[0]}x{size[1]} from {source}"
        else:
            w, h = DEFAULT_VIEWPORT
            using = f"using {w}x{h}, the official default" + (f" ({source})" if source else "")
        out.append(
            Problem(
                task=tid,
                file=file,
                field="recording_details.resolution",
                level="warning",
                message=f"resolution {what}; {using}",
            )
        )
    if not task.action_sequence:
        out.append(
            Problem(
                task=tid,
                file=file,
                field="action_sequence",
                level="warning",
                message="no actions: only the initial state is judged",
            )
        )
    return out


def _action_warnings(task: Task, i: int, action: Action, file: str) -> list[Problem]:
    """What the judge will do about a missing or unusual parameter, said once per action."""
    p = action.parameters
    where = f"action_sequence[{i}]"

    def warn(field: str, message: str) -> list[Problem]:
        return [Problem(task=str(task.id), file=file, field=f"{where}{field}", message=message, level="warning")]

    if action.type not in KNOWN_ACTIONS:
        known = ", ".join(KNOWN_ACTIONS)
        return warn(".type", f"{action.unperformable()}; this step fails when judged (known types: {known})")
    parameter = action.kind.parameter
    if parameter is None:
        return []
    value, given = parameter.resolve(p)
    if given:
        return []
    field = f".parameters.{parameter.name}"
    if value is None:
        return warn(field, f"{action.unperformable()}; this step fails when judged")
    stated = (getattr(p, parameter.name) or "").strip()
    name = parameter.name
    what = f"parameters.{name} {stated!r} is not {parameter.expected}" if stated else f"no parameters.{name}"
    return warn(field, f"{what}; the judge {parameter.does} {parameter.show(value)}, {parameter.how_found}")


@dataclass(frozen=True)
class Entry:
    """One task as read from its task file, before its media are checked."""

    task: Task
    folder: Path
    line: int
    file: str
    """How problems name the line's file ("data.jsonl", or "<site>/data.jsonl" per-site)."""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def read_entries(source: Path) -> tuple[list[Entry], list[Problem], Layout]:
    """Every task of a pack's source (`resolve_jsonl`'s answer) with its folder, and the problems found."""
    if not source.is_dir():
        parsed, problems = parse_lines(source)
        folders = source.with_suffix("")
        return [Entry(t, folders / t.folder_name, n, source.name) for n, t in parsed], problems, "official"
    entries: list[Entry] = []
    problems: list[Problem] = []
    first: dict[int, Entry] = {}
    for site in site_folders(source):
        name = f"{site.name}/{SITE_JSONL}"
        parsed, found = parse_lines(site / SITE_JSONL, name=name, folder=site)
        problems.extend(found)
        for i, (n, task) in enumerate(parsed):
            entry = Entry(task, site, n, name)
            clash = first.get(task.id)
            if i or clash:
                why = (
                    f"a per-site folder holds one task; this is line {n} of {name}: give it a folder of its own"
                    if i
                    else f"id {task.id} is also the id of {clash.file} (first); ids must be unique in a dataset"
                )
                problems.append(Problem(task=str(task.id), file=entry.where, field="id", message=why))
                continue
            first[task.id] = entry
            entries.append(entry)
    return entries, problems, "per-site"


def load_pack(
    path: Path | None = None,
    *,
    skip_invalid: bool = False,
    check_media: bool = True,
    deep: bool = False,
    strict: bool = False,
) -> Pack:
    """Load and check a pack in either layout (`deep`: decode every video frame and image). Raises
    PackError on any error unless `skip_invalid`; warnings go to `Pack.warnings`, or count as errors
    when `strict`."""
    from iwr.tasks.media import task_media_problems

    source = resolve_jsonl(path)
    entries, problems, layout = read_entries(source)
    if strict:
        problems = [p.model_copy(update={"level": "error"}) for p in problems]
    pack = Pack(jsonl=source, layout=layout)
    for e in entries:
        media = task_media_problems(e.task, e.folder, pack.root, deep=deep) if check_media else []
        if strict:
            media = [p.model_copy(update={"level": "error"}) for p in media]
        own = [p for p in problems if p.file == e.where] + media
        problems.extend(media)
        if all(p.is_warning for p in own):
            root = pack.root if layout == "per-site" else None
            pack.tasks.append(LoadedTask(task=e.task, folder=e.folder, line=e.line, root=root))
    pack.problems = [p for p in problems if not p.is_warning]
    pack.warnings = [p for p in problems if p.is_warning]
    if pack.problems and not skip_invalid:
        raise PackError(pack.problems, pack.warnings)
    return pack
