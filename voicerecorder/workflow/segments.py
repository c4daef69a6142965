"""SEGMENT sessions: each passing chosen take goes to its sentence's pre-signed URLs and is
confirmed by MetaStudio (ConfirmTrainingSegment), in order, from a queue kept in the session.

The queue lives in the session's training record (``segments``: per sentence index the take
file, its sha256 and ``uploading`` / ``confirmed`` / ``rejected``), written before the upload
starts and after the confirmation, so a killed run resumes: :meth:`SegmentQueue.sync` asks
ShowTrainingSegmentInfo what the service already holds, and a sentence confirmed there with
the same take is not sent again. A re-recorded sentence (another take, or the same file
changed) is sent again and replaces its segment.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import UrlExpiredError
from voicerecorder.session.export import package_wav
from voicerecorder.session.manifest import TakeRecord
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.session.takes import fingerprint
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import Reporter, WorkflowEvent, check_cancel, ignore
from voicerecorder.workflow.upload import put_file

WAITING, UPLOADING, CONFIRMED, REJECTED = "waiting", "uploading", "confirmed", "rejected"
WAV_CONTENT_TYPE = "audio/wav"
TEXT_CONTENT_TYPE = "text/plain"
SEGMENT_FOLDER = "segments"


@dataclass(frozen=True)
class SegmentState:
    """Where sentence ``index`` (0-based) stands: waiting, uploading, confirmed or rejected,
    with the reason of a rejection."""

    index: int
    state: str
    reason: Bilingual | None = None


def rejection_reason(entry: dict[str, Any], index: int) -> Bilingual:
    """Why MetaStudio did not confirm a segment, from its ``unmatched_index_hit``."""
    if entry.get("unmatched"):
        return Bilingual(
            "MetaStudio heard something different from the text. Record the sentence again, "
            "reading exactly what is written.",
            "MetaStudio 听到的内容与文本不一致。请严格按照文本重新录制这一句。",
        )
    label = sentence_label(index)
    return Bilingual(
        f"MetaStudio did not confirm {label.en} and gave no reason. Record it again.",
        f"MetaStudio 未确认{label.zh}，也未说明原因。请重新录制。",
    )


def _take_sha(session: Session, index: int, take: TakeRecord) -> str:
    known = take.fingerprint or {}
    return known.get("sha256") or fingerprint(session.take_path(index, take))["sha256"]


def _sendable(session: Session) -> dict[int, TakeRecord]:
    """The chosen take of every sentence whose take passes (nothing blocks it)."""
    blocked = {problem.index for problem in session.problems()}
    takes = {}
    for index in range(session.sentence_count):
        take = session.chosen_take(index)
        if take is not None and index not in blocked:
            takes[index] = take
    return takes


def segment_states(session: Session, record: dict[str, Any] | None) -> list[SegmentState]:
    """Every sentence's state as the session knows it (no network): a sentence whose chosen take
    is not the one sent is waiting again."""
    entries = (record or {}).get("segments") or {}
    states = []
    for index in range(session.sentence_count):
        entry = entries.get(str(index))
        take = session.chosen_take(index)
        if entry is None or take is None or entry["take"] != take.file:
            states.append(SegmentState(index, WAITING))
        elif entry["state"] == REJECTED:
            states.append(SegmentState(index, REJECTED, rejection_reason(entry, index)))
        else:
            states.append(SegmentState(index, entry["state"]))
    return states


class SegmentQueue:
    """Sends a SEGMENT job's sentences one at a time; every method blocks on the network and
    the disk, so call it from a worker thread (the Record page's, or the command's).

    ``record`` is the session's training record with its ``job_id``; ``renew`` fetches fresh
    upload links into ``record["upload"]`` (ShowJobUploadingAddress).
    """

    def __init__(
        self,
        session: Session,
        client: MetaStudioClient,
        record: dict[str, Any],
        renew: Callable[[], None],
        *,
        reporter: Reporter = ignore,
        cancel: threading.Event | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.session, self.client, self.record, self.renew = session, client, record, renew
        self.reporter, self.cancel, self.clock = reporter, cancel, clock
        self.record.setdefault("segments", {})

    def _save(self) -> None:
        records.save(self.session, records.TRAINING, self.record)

    def sync(self) -> None:
        """Learn what the service holds (ShowTrainingSegmentInfo): a sentence sent with its
        current take and listed there is confirmed; one the service no longer lists is sent again."""
        held = set(self.client.show_training_segment_info(self.record["job_id"]).confirmed_index)
        for key, entry in list(self.record["segments"].items()):
            index = int(key)
            take = self.session.chosen_take(index)
            current = take is not None and entry["sha256"] == _take_sha(self.session, index, take)
            if index in held and current and entry["state"] != REJECTED:
                entry["state"] = CONFIRMED
            elif entry["state"] != REJECTED or not current:
                del self.record["segments"][key]
        self._save()

    def pending(self) -> list[int]:
        """The sentences to send, in order: a passing take that is not the one sent."""
        pending = []
        for index, take in _sendable(self.session).items():
            entry = self.record["segments"].get(str(index))
            if entry is None or entry["sha256"] != _take_sha(self.session, index, take):
                pending.append(index)
        return pending

    def states(self) -> list[SegmentState]:
        """Every sentence's state (see :func:`segment_states`)."""
        return segment_states(self.session, self.record)

    def step(self) -> SegmentState | None:
        """Send and confirm the next pending sentence; None when nothing is pending."""
        check_cancel(self.cancel)
        pending = self.pending()
        if not pending:
            return None
        index = pending[0]
        take = self.session.chosen_take(index)
        assert take is not None, "a pending sentence has a chosen take"
        entry = {"take": take.file, "sha256": _take_sha(self.session, index, take), "state": UPLOADING}
        self.record["segments"][str(index)] = entry
        self._save()
        self._upload(index, take)
        result = self.client.confirm_training_segment(self.record["job_id"], index)
        entry["state"] = CONFIRMED if result.confirm_result else REJECTED
        entry["unmatched"] = list(result.unmatched_index_hit)
        self._save()
        if entry["state"] == REJECTED:
            self.session.mark_for_rerecord([index])
            return SegmentState(index, REJECTED, rejection_reason(entry, index))
        return SegmentState(index, CONFIRMED)

    def run(self) -> list[SegmentState]:
        """Send every pending sentence; returns what each step did."""
        done = []
        while (state := self.step()) is not None:
            done.append(state)
        return done

    def _files(self, index: int, take: TakeRecord) -> tuple[Path, Path]:
        folder = self.session.folder / SEGMENT_FOLDER
        folder.mkdir(exist_ok=True)
        audio, text = folder / f"{index}.wav", folder / f"{index}.txt"
        audio.write_bytes(package_wav(self.session.take_path(index, take)))
        text.write_text(self.session.sentence(index).text, encoding="utf-8")
        return audio, text

    def _upload(self, index: int, take: TakeRecord) -> None:
        audio, text = self._files(index, take)
        label = sentence_label(index)
        what = Bilingual(f"Sending {label.en}", f"正在发送{label.zh}")
        self.reporter(WorkflowEvent("segment", what, job_id=self.record["job_id"]))
        self._put("audio", index, audio, WAV_CONTENT_TYPE, what)
        self._put("txt", index, text, TEXT_CONTENT_TYPE, what)

    def _put(self, links: str, index: int, path: Path, content_type: str, what: Bilingual) -> None:
        for attempt in range(2):
            upload = self.record.get("upload") or {}
            if not records.url_usable(upload, self.clock()) or len(upload.get(links) or ()) <= index:
                self.renew()
                upload = self.record["upload"]
            try:
                put_file(upload[links][index], path, content_type, what, self.reporter, self.cancel)
                return
            except UrlExpiredError:
                if attempt:
                    raise
                self.record["upload"] = None
