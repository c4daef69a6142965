"""The MetaStudio voice-training client: typed calls, signed (AK/SK) or token-authenticated."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from voicerecorder.cloud.codec import decode, encode, to_json_bytes, unexpected_response
from voicerecorder.cloud.config import AkSkAuth, CloudConfig, PasswordAuth
from voicerecorder.cloud.errors import AuthError, ClockSkewError, CloudConfigError
from voicerecorder.cloud.iam import IamToken, TokenCache, lookup_project_id
from voicerecorder.cloud.models import (
    EDITIONS,
    AuditResult,
    CommitJobReq,
    CreateShortJobReq,
    CreateShortJobResult,
    CreateTrainingJobReq,
    CreateTrainingJobResult,
    JobList,
    ListJobsQuery,
    SegmentConfirmResult,
    SegmentInfo,
    ShortJob,
    TenantDurationCfg,
    TrainingJob,
    TrainingQuotas,
    UploadingAddress,
    check_choice,
    check_range,
    check_text,
)
from voicerecorder.cloud.oplog import OperationLog
from voicerecorder.cloud.redact import install_log_redaction
from voicerecorder.cloud.signer import canonical_query, sign
from voicerecorder.cloud.transport import RetryPolicy, Transport, new_session
from voicerecorder.cloud.waiting import WaitListener
from voicerecorder.text import Bilingual

if TYPE_CHECKING:
    import requests

T = TypeVar("T")

_EDITION_PATHS = {"BASIC": "basic-jobs", "MIDDLE": "middle-jobs", "ADVANCE": "advance-jobs"}


def _job_segment(job_id: str) -> str:
    check_text("job_id", job_id, required=True)
    return quote(job_id.strip(), safe="")


def _paging(offset: int | None, limit: int | None) -> list[tuple[str, str]]:
    check_range("offset", offset, 0, 2147483647)
    check_range("limit", limit, 1, 100)
    return [(name, str(value)) for name, value in (("offset", offset), ("limit", limit)) if value is not None]


class MetaStudioClient:
    """Calls the MetaStudio voice-training API described in the spec (one method per operation).

    Every method blocks on the network: call it from a worker thread, never the GUI thread.
    GETs are retried with backoff; creates, commits and deletes are sent exactly once.
    """

    def __init__(
        self,
        config: CloudConfig,
        session: requests.Session | None = None,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if config.auth is None:
            raise CloudConfigError(
                Bilingual(
                    "No cloud credentials are configured. Set CLOUD_SDK_AK and CLOUD_SDK_SK (or sign in "
                    "in Settings), or use the sandbox.",
                    "尚未配置云端凭证。请设置 CLOUD_SDK_AK 和 CLOUD_SDK_SK（或在“设置”中登录），或使用沙箱。",
                )
            )
        install_log_redaction()
        self.config = config
        timeout = (config.connect_timeout, config.read_timeout)
        self._transport = Transport(
            session or new_session(), timeout, retry or RetryPolicy(), sleep, config.first_notice_s
        )
        self._aksk = config.auth if isinstance(config.auth, AkSkAuth) else None
        self._tokens = (
            TokenCache(self._transport, config, config.auth, clock)
            if isinstance(config.auth, PasswordAuth)
            else None
        )
        self._project_id = config.project_id
        self._project_lock = threading.Lock()

    @contextlib.contextmanager
    def reporting_waits(self, listener: WaitListener) -> Iterator[None]:
        """Within the block, a call silent for a few seconds, and every retry, is told to
        ``listener`` (on a timer thread, or the calling thread for retries)."""
        previous = self._transport.listener
        self._transport.listener = listener
        try:
            yield
        finally:
            self._transport.listener = previous

    @property
    def project_id(self) -> str:
        """The configured project id, or the one IAM reports for the region (looked up once)."""
        with self._project_lock:
            if self._project_id is None:
                self._project_id = self._find_project_id()
            return self._project_id

    def _find_project_id(self) -> str:
        if self._aksk is not None:
            return lookup_project_id(self._transport, self.config, self._aksk)
        project_id = self._token().project_id
        if not project_id:
            raise unexpected_response("IAM token (no project)")
        return project_id

    def _token(self) -> IamToken:
        if self._tokens is None:
            raise unexpected_response("configuration (neither AK/SK nor a password)")
        return self._tokens.get()

    def _headers(self, method: str, url: str, body: bytes, app_user: bool) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if app_user and self.config.app_user_id:
            headers["X-App-UserId"] = self.config.app_user_id
        if self._aksk is None:
            headers["X-Auth-Token"] = self._token().value
            return headers
        headers["X-Project-Id"] = self.project_id
        if self._aksk.security_token:
            headers["X-Security-Token"] = self._aksk.security_token
        sign(method, url, headers, body, self._aksk.ak, self._aksk.sk)
        return headers

    def _call(
        self,
        method: str,
        path: str,
        *,
        query: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        app_user: bool = False,
    ) -> Any:
        """Send one operation; ``app_user``: the operation accepts ``X-App-UserId`` (per the
        SDK's request model), so the configured app user id goes with it."""
        encoded = canonical_query(query)
        url = f"{self.config.endpoint}/v1/{self.project_id}/voice-training-manage/{path}"
        url += f"?{encoded}" if encoded else ""
        headers = functools.partial(self._headers, method, url, body, app_user)
        try:
            response = self._transport.send(method, url, headers, body)
        except AuthError as error:
            if self._tokens is None or isinstance(error, ClockSkewError):
                raise
            self._tokens.invalidate()
            response = self._transport.send(method, url, headers, body)
        if not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            raise unexpected_response("response (not JSON)") from None

    def _get(
        self, cls: type[T], path: str, query: Sequence[tuple[str, str]] = (), *, app_user: bool = False
    ) -> T:
        return decode(cls, self._call("GET", path, query=query, app_user=app_user))

    # Short jobs (voice-quality assessment)

    def create_short_job(self, req: CreateShortJobReq | None = None) -> CreateShortJobResult:
        """CreateShortJob: a VOICE_ASSESS job and the URL to PUT its zip to. Never retried."""
        body = to_json_bytes(encode(req or CreateShortJobReq()))
        return decode(CreateShortJobResult, self._call("POST", "user/short-jobs", body=body, app_user=True))

    def commit_short_job(self, job_id: str) -> None:
        """CommitShortJob: start the assessment after the upload."""
        self._call("POST", f"user/short-jobs/{_job_segment(job_id)}", app_user=True)

    def show_short_job(self, job_id: str) -> ShortJob:
        """ShowShortJob: state and, once SUCCEED, the assessment result."""
        return self._get(ShortJob, f"user/short-jobs/{_job_segment(job_id)}", app_user=True)

    # Training jobs

    def create_training_job(self, edition: str, req: CreateTrainingJobReq) -> CreateTrainingJobResult:
        """CreateTraining{Basic,Middle,Advance}Job for ``edition``. Never retried."""
        check_choice("edition", edition, EDITIONS)
        body = to_json_bytes(encode(req))
        return decode(
            CreateTrainingJobResult,
            self._call("POST", f"user/{_EDITION_PATHS[edition]}", body=body, app_user=True),
        )

    def commit_voice_training_job(self, job_id: str, req: CommitJobReq | None = None) -> None:
        """CommitVoiceTrainingJob: hand the uploaded data to review, with the form's final values."""
        fields = encode(req) if req is not None else {}
        body = to_json_bytes(fields) if fields else b""
        self._call("POST", f"user/jobs/{_job_segment(job_id)}", body=body, app_user=True)

    def show_voice_training_job(self, job_id: str) -> TrainingJob:
        """ShowVoiceTrainingJob."""
        return self._get(TrainingJob, f"user/jobs/{_job_segment(job_id)}", app_user=True)

    def list_voice_training_jobs(self, query: ListJobsQuery | None = None) -> JobList:
        """ListVoiceTrainingJob with every documented filter."""
        return self._get(JobList, "user/jobs", (query or ListJobsQuery()).query_pairs(), app_user=True)

    def show_job_audit_result(self, job_id: str) -> AuditResult:
        """ShowJobAuditResult: why the review rejected the data (state AUDIT_FAILED)."""
        return self._get(AuditResult, f"user/jobs/{_job_segment(job_id)}/audit-result")

    def list_job_operation_log(
        self, job_id: str, offset: int | None = None, limit: int | None = None
    ) -> OperationLog:
        """ListJobOperationLog: the job's history, with the algorithm's and the reviewer's reasons."""
        return self._get(OperationLog, f"user/jobs/{_job_segment(job_id)}/op-logs", _paging(offset, limit))

    def show_job_uploading_address(self, job_id: str) -> UploadingAddress:
        """ShowJobUploadingAddress: fresh upload URLs (after expiry or AUDIT_FAILED)."""
        return self._get(UploadingAddress, f"user/jobs/{_job_segment(job_id)}/uploading-address-url")

    def delete_voice_training_job(self, job_id: str) -> None:
        """DeleteVoiceTrainingJob. Sent once."""
        self._call("DELETE", f"user/jobs/{_job_segment(job_id)}", app_user=True)

    # Tenant information

    def show_tenant_duration_cfg(self) -> TenantDurationCfg:
        """ShowTenantDurationCfg: minimum / maximum total seconds per edition."""
        return self._get(TenantDurationCfg, "user/tenant-duration-cfg")

    def show_voice_training_quotas(
        self, offset: int | None = None, limit: int | None = None
    ) -> TrainingQuotas:
        """ShowVoiceTrainingQuotas: training resources left per edition."""
        return self._get(TrainingQuotas, "quotas", _paging(offset, limit))

    # Sentence-by-sentence (SEGMENT) jobs

    def confirm_training_segment(self, job_id: str, index: int) -> SegmentConfirmResult:
        """ConfirmTrainingSegment: check sentence ``index``'s uploaded audio against its text."""
        check_text("job_id", job_id, required=True)
        check_range("index", index, 0, 1024)
        query = [("job_id", job_id.strip()), ("index", str(index))]
        return decode(SegmentConfirmResult, self._call("POST", "user/training-segment", query=query))

    def show_training_segment_info(self, job_id: str) -> SegmentInfo:
        """ShowTrainingSegmentInfo: sentence indices already confirmed."""
        check_text("job_id", job_id, required=True)
        return self._get(SegmentInfo, "user/training-segment", [("job_id", job_id.strip())])
