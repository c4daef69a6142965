"""What the sandbox keeps on disk: one JSON file per job and the uploaded OBS objects.

Layout under the data folder::

    jobs/<job_id>.json            a job record (written atomically: temp file, fsync, rename)
    obs/<bucket>/<key>            an uploaded object (written the same way)
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from voicerecorder.errors import UserFacingError
from voicerecorder.session.atomicfile import atomic_write_bytes
from voicerecorder.text import Bilingual

Job = dict[str, Any]


def _load(path: Path) -> Job:
    try:
        job = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(job, dict) or not isinstance(job.get("job_id"), str):
            raise ValueError("not a job record")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UserFacingError(
            Bilingual(
                f"The sandbox job file {path} is damaged ({error}). Delete it, or start the sandbox "
                "with another --data folder.",
                f"沙箱任务文件 {path} 已损坏（{error}）。请删除它，或用其他 --data 文件夹启动沙箱。",
            )
        ) from error
    return job


class JobStore:
    """Every job, in memory and on disk; thread-safe. Called from the server's request threads."""

    def __init__(self, data_dir: Path) -> None:
        self._folder = data_dir / "jobs"
        self._folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._jobs: dict[str, Job] = {}
        for path in sorted(self._folder.glob("*.json")):
            job = _load(path)
            self._jobs[job["job_id"]] = job

    def _save(self, job: Job) -> None:
        data = json.dumps(job, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self._folder / f"{job['job_id']}.json", data)

    def add(self, job: Job) -> None:
        """Store a new job."""
        with self._lock:
            self._save(job)
            self._jobs[job["job_id"]] = job

    def get(self, job_id: str) -> Job | None:
        """A copy of the job, or None."""
        with self._lock:
            job = self._jobs.get(job_id)
            return json.loads(json.dumps(job)) if job is not None else None

    def update(self, job_id: str, change: Callable[[Job], None]) -> Job:
        """Apply ``change`` to the job under the lock, persist it, and return a copy."""
        with self._lock:
            job = json.loads(json.dumps(self._jobs[job_id]))
            change(job)
            self._save(job)
            self._jobs[job_id] = job
            return json.loads(json.dumps(job))

    def all(self) -> Iterator[Job]:
        """Copies of every job (deleted ones included)."""
        with self._lock:
            jobs = [json.loads(json.dumps(job)) for job in self._jobs.values()]
        yield from jobs


class ObjectStore:
    """Uploaded OBS objects as files; a partial upload never replaces a stored object."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "obs"
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, bucket: str, key: str) -> Path:
        """Where an object lives; keys never leave the bucket folder."""
        path = (self.root / bucket / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"object key escapes the store: {key!r}")
        return path

    def exists(self, bucket: str, key: str) -> bool:
        """Whether a complete object was uploaded to ``key``."""
        return self.path(bucket, key).is_file()

    def read(self, bucket: str, key: str) -> bytes:
        """The object's bytes."""
        return self.path(bucket, key).read_bytes()

    def staging(self, bucket: str, key: str) -> tuple[Path, Path]:
        """(temporary path to stream into, final path); rename with ``os.replace`` when complete."""
        final = self.path(bucket, key)
        final.parent.mkdir(parents=True, exist_ok=True)
        return final.with_name(f".{final.name}.{threading.get_ident()}.partial"), final
