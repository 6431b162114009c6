"""What travels between the driver and a remote judge, through Ray's object store: the task's files, the
page's folder, and what the judge wrote. No path of the driver's disk is ever read on a worker, so
workers need no shared filesystem; paths inside the result are mapped back to the driver's pack."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from iwr import atomic, runfolder
from iwr.judge.evaluate import EVAL_NAME
from iwr.judge.types import StepResult, TaskScore
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

TASK_PARTS = ("checkpoints", "assets")
"""What the judge reads of a task folder: the reference checkpoints and the assets the page may load."""


class Files(BaseModel):
    """A folder's files by their path relative to it."""

    model_config = ConfigDict(extra="forbid")
    files: dict[str, bytes] = {}

    @classmethod
    def read(cls, root: Path, under: tuple[str, ...] = (), skip: frozenset[str] = frozenset()) -> Files:
        """The files under `root` (or its folders `under`), leaving out top-level entries named in `skip`."""
        starts = [root / u for u in under] if under else [root]
        files = {}
        for start in starts:
            for p in sorted(start.rglob("*")) if start.is_dir() else []:
                rel = p.relative_to(root)
                if p.is_file() and rel.parts[0] not in skip:
                    files[rel.as_posix()] = p.read_bytes()
        return cls(files=files)

    def write(self, root: Path) -> None:
        for rel, data in self.files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.files.values())


class TaskBundle(BaseModel):
    """A task as the judge needs it: its record and the files of its folder it reads."""

    model_config = ConfigDict(extra="forbid")
    task: Task
    line: int
    folder: str
    """The task folder relative to its pack root (`<jsonl stem>/<id>`, or `<site>` per-site), rebuilt as is."""
    files: Files

    @classmethod
    def of(cls, lt: LoadedTask) -> TaskBundle:
        return cls(
            task=lt.task,
            line=lt.line,
            folder=lt.folder.relative_to(lt.pack_root).as_posix(),
            files=Files.read(lt.folder, TASK_PARTS),
        )

    def materialize(self, pack_root: Path) -> LoadedTask:
        folder = pack_root / self.folder
        self.files.write(folder)
        return LoadedTask(task=self.task, folder=folder, line=self.line, root=pack_root)


NOT_THE_PAGE = frozenset(
    {
        runfolder.EVAL,
        runfolder.EVALPOINTS,
        runfolder.STEPS,
        runfolder.ITERATIONS,
        runfolder.KEYFRAMES,
        runfolder.LOOP,
        runfolder.LOOP_CHECKPOINTS,
    }
)
"""What a task folder holds beside the page: earlier judging and the agent loop's records."""


class PageBundle(BaseModel):
    """The page to judge: its folder and the file it opens at."""

    model_config = ConfigDict(extra="forbid")
    entry: str
    files: Files

    @classmethod
    def of(cls, root: Path, entry: str) -> PageBundle:
        return cls(entry=entry, files=Files.read(root, skip=NOT_THE_PAGE))


class Judged(BaseModel):
    """What a remote judge sends back: the score, every file it wrote or changed, each step as it was
    judged (the driver replays them as events, in order) and where it ran."""

    model_config = ConfigDict(extra="forbid")
    score: TaskScore
    files: Files
    steps: list[StepResult] = []
    where: str = ""
    worker_pack: str = ""
    """Where the worker rebuilt the task's pack (its reference paths start with it)."""

    def save(self, out_dir: Path, driver_pack: Path) -> TaskScore:
        """Write the judge's files into the run folder, eval.json last (it marks the task judged) with
        the reference paths of the worker's copy of the pack mapped to the driver's."""
        score = self.score.model_copy(deep=True)
        for cp in score.checkpoints:
            if self.worker_pack and cp.reference.startswith(self.worker_pack):
                cp.reference = str(driver_pack) + cp.reference[len(self.worker_pack) :]
        for rel, data in self.files.files.items():
            if rel != EVAL_NAME:
                atomic.write_bytes(out_dir / rel, data)
        atomic.write_text(out_dir / EVAL_NAME, score.model_dump_json(indent=1))
        return score
