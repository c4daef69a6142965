"""What every operation handler works with: the stores, the URL signer, the dice and the speed."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.errors import MSS_JOB_NOT_FOUND, SandboxError
from voicerecorder.sandbox.faults import FaultDice
from voicerecorder.sandbox.obs import BUCKET, UrlSigner
from voicerecorder.sandbox.store import Job, JobStore, ObjectStore

MS = 1000


def millis(moment: float) -> int:
    """Seconds since the epoch as the API's integer milliseconds."""
    return int(moment * MS)


@dataclass
class Sandbox:
    """The shared state of one running sandbox."""

    store: JobStore
    objects: ObjectStore
    signer: UrlSigner
    dice: FaultDice
    speed: float
    start_assessment: Callable[[str], None]
    served: Counter[str] = field(default_factory=Counter)

    def upload_url(self, base_url: str, key: str, content_type: str) -> str:
        """A pre-signed PUT URL for ``key``; already expired when the fault plan says so."""
        expires = int(time.time()) - 60 if self.dice.expired_url() else None
        return self.signer.url(base_url, "PUT", key, content_type, expires)

    def download_url(self, base_url: str, key: str) -> str:
        """A pre-signed GET URL for ``key``, or "" when nothing was uploaded there."""
        if not self.objects.exists(BUCKET, key):
            return ""
        return self.signer.url(base_url, "GET", key, "")

    def job(self, call: Call, job_id: str, kind: str) -> Job:
        """The caller's job of ``kind`` ("short" or "training"); MSS error when there is none."""
        job = self.store.get(job_id)
        if job is None or job["kind"] != kind or job["project_id"] != call.project_id or job.get("deleted"):
            raise SandboxError(MSS_JOB_NOT_FOUND, job_id=job_id)
        return job
