# A small task board combining dataclasses, enum, typing, abc, contextlib and json.
import json
from abc import ABC, abstractmethod
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from enum import Enum, IntEnum, auto
from typing import Dict, Iterator, List, Optional


class Status(Enum):
    TODO = auto()
    DOING = auto()
    DONE = auto()


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    URGENT = 3


@dataclass(order=True)
class Task:
    priority: Priority
    title: str = field(compare=False)
    status: Status = field(default=Status.TODO, compare=False)
    tags: List[str] = field(default_factory=list, compare=False)
    owner: Optional[str] = field(default=None, compare=False)

    def to_json(self) -> Dict[str, object]:
        data = asdict(self)
        data["priority"] = int(self.priority)
        data["status"] = self.status.name
        return data


class Exporter(ABC):
    @abstractmethod
    def export(self, tasks: List[Task]) -> str: ...


class JsonExporter(Exporter):
    def export(self, tasks: List[Task]) -> str:
        return json.dumps([t.to_json() for t in tasks], sort_keys=True)


class TextExporter(Exporter):
    def export(self, tasks: List[Task]) -> str:
        lines = []
        for t in tasks:
            mark = {Status.TODO: " ", Status.DOING: "~", Status.DONE: "x"}[t.status]
            lines.append(f"[{mark}] {t.title:<14} {t.priority.name:<6} {','.join(t.tags)}")
        return "\n".join(lines)


class Board:
    def __init__(self) -> None:
        self.tasks: List[Task] = []
        self.log: List[str] = []

    def add(self, title: str, priority: Priority = Priority.NORMAL, *tags: str) -> Task:
        task = Task(priority, title, tags=list(tags))
        self.tasks.append(task)
        return task

    @contextmanager
    def working_on(self, title: str) -> Iterator[Task]:
        task = self.find(title)
        task.status = Status.DOING
        self.log.append(f"start {title}")
        try:
            yield task
        except RuntimeError as e:
            self.log.append(f"failed {title}: {e}")
            task.status = Status.TODO
        else:
            task.status = Status.DONE
            self.log.append(f"done {title}")

    def find(self, title: str) -> Task:
        for t in self.tasks:
            if t.title == title:
                return t
        raise KeyError(title)

    def by_status(self) -> Dict[str, List[str]]:
        out: Dict[str, List[str]] = {s.name: [] for s in Status}
        for t in sorted(self.tasks, reverse=True):
            out[t.status.name].append(t.title)
        return out


board = Board()
board.add("write docs", Priority.LOW, "docs")
board.add("fix crash", Priority.URGENT, "bug", "vm")
board.add("review", Priority.NORMAL)
with board.working_on("fix crash") as task:
    task.owner = "ada"
with board.working_on("review"):
    raise RuntimeError("reviewer away")
with suppress(KeyError):
    board.find("nothing")
print(board.by_status())
print(board.log)
print(TextExporter().export(sorted(board.tasks, reverse=True)))
print(JsonExporter().export(board.tasks[:2]))
print(min(board.tasks), max(board.tasks).priority, Priority.URGENT > Priority.LOW)
try:
    Exporter()
except TypeError as e:
    print(e)
