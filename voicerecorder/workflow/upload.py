"""Putting a zip or a letter to its pre-signed URL, reporting progress and checking the ETag."""

from __future__ import annotations

import threading
from pathlib import Path

from voicerecorder.cloud.errors import ObsError, UploadCancelled
from voicerecorder.cloud.obs import UploadResult, upload_file
from voicerecorder.cloud.waiting import FIRST_NOTICE_S
from voicerecorder.text import Bilingual
from voicerecorder.workflow.events import Reporter, WorkflowCancelled, WorkflowEvent, wait_listener

ZIP_CONTENT_TYPE = "application/zip"


def put_file(
    url: str,
    path: Path,
    content_type: str,
    what: Bilingual,
    reporter: Reporter,
    cancel: threading.Event | None,
    job_id: str | None = None,
    first_notice_s: float = FIRST_NOTICE_S,
) -> UploadResult:
    """PUT ``path`` to ``url`` (streamed, retried by the uploader); runs on the caller's worker thread.

    A stored object whose ETag differs from the file's MD5 is uploaded once more; a second
    mismatch is an error. A stalled upload is reported as ``wait`` events (from the watch's
    timer thread). Raises UrlExpiredError for the caller to renew the URL.
    """

    def progress(sent: int, total: int) -> None:
        reporter(WorkflowEvent("upload", what, sent=sent, total=total, job_id=job_id))

    for attempt in range(2):
        try:
            result = upload_file(
                url, path, content_type, progress, cancel, waiting=wait_listener(reporter, job_id)
            )
        except UploadCancelled:
            raise WorkflowCancelled() from None
        if result.md5_ok:
            return result
        if attempt:
            raise ObsError(
                Bilingual(
                    "The storage service stored something other than the file that was sent "
                    "(checksum mismatch). Check the network (a proxy may alter uploads) and try again.",
                    "存储服务保存的内容与发送的文件不一致（校验和不符）。请检查网络（代理可能修改上传内容）后重试。",
                ),
                code="BadDigest",
                detail=f"etag {result.etag} md5 {result.md5}",
            )
    raise AssertionError("unreachable")
