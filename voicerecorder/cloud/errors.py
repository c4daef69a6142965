"""Typed, actionable failures of MetaStudio, IAM and OBS calls (every text redacted)."""

from __future__ import annotations

from voicerecorder.cloud.redact import redact
from voicerecorder.errors import UserFacingError
from voicerecorder.text import Bilingual


class CloudError(UserFacingError):
    """A MetaStudio, IAM or OBS call failed; ``code`` and ``detail`` are the service's own words."""

    def __init__(
        self,
        message: Bilingual,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        detail = redact(detail) if detail else None
        suffix = f" [{' '.join(part for part in (code, detail) if part)}]" if (code or detail) else ""
        super().__init__(Bilingual(redact(message.en) + suffix, redact(message.zh) + suffix))
        self.status = status
        self.code = code
        self.detail = detail
        self.request_id = request_id
        self.retry_after = retry_after


class AuthError(CloudError):
    """The credentials were refused: wrong AK/SK, expired token, or a project that is not theirs."""


class ClockSkewError(AuthError):
    """The signature was refused because this computer's clock differs from the server's."""

    def __init__(self, skew_seconds: float | None, **kwargs: object) -> None:
        if skew_seconds is None:
            message = Bilingual(
                "The service rejected this computer's time. Check the clock, date and time zone, "
                "turn on automatic date and time, then try again.",
                "服务拒绝了这台电脑的时间。请检查时钟、日期和时区，开启“自动设置日期和时间”后重试。",
            )
        else:
            minutes = max(1, round(abs(skew_seconds) / 60))
            direction_en = "ahead" if skew_seconds < 0 else "behind"
            direction_zh = "快" if skew_seconds < 0 else "慢"
            unit = "minute" if minutes == 1 else "minutes"
            message = Bilingual(
                f"Your computer's clock is off by {minutes} {unit} ({direction_en} of the server). "
                "Turn on automatic date and time in the system settings, then try again.",
                f"您的电脑时钟与服务器相差 {minutes} 分钟（{direction_zh}了）。请在系统设置中开启"
                "“自动设置日期和时间”，然后重试。",
            )
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.skew_seconds = skew_seconds


class ThrottledError(CloudError):
    """Too many requests (HTTP 429 / APIGW.0308); ``retry_after`` is in seconds when known."""

    def __init__(self, retry_after: float | None, **kwargs: object) -> None:
        wait = f"{round(retry_after)} s" if retry_after is not None else "a minute"
        wait_zh = f"{round(retry_after)} 秒" if retry_after is not None else "一分钟"
        message = Bilingual(
            f"MetaStudio is limiting requests from this account. Wait {wait} and try again.",
            f"MetaStudio 正在限制此账号的请求频率。请等待 {wait_zh} 后重试。",
        )
        super().__init__(message, retry_after=retry_after, **kwargs)  # type: ignore[arg-type]


class QuotaError(CloudError):
    """No voice-training resource is left for the requested edition."""


class ParameterError(CloudError):
    """The service (or a check before sending) rejected a value; ``field`` names it when known."""

    def __init__(self, message: Bilingual, *, field: str | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.field = field


class NotFoundError(CloudError):
    """The job or the API does not exist at this endpoint, region and project."""


class ServerError(CloudError):
    """The service failed (5xx) or answered with something that is not its documented shape."""


class RedirectError(CloudError):
    """The address answered with a redirect (3xx), which the client never follows."""


class NetworkError(CloudError):
    """The service could not be reached: no connection, proxy, TLS interception or a timeout.

    ``transient`` is False when trying again cannot help (a certificate that fails to verify).
    """

    def __init__(self, message: Bilingual, *, transient: bool = True, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.transient = transient


class ObsError(CloudError):
    """OBS refused an upload; ``code`` is the OBS ``<Code>`` (e.g. SignatureDoesNotMatch)."""


class UrlExpiredError(ObsError):
    """The pre-signed upload URL has expired; ask for fresh ones (ShowJobUploadingAddress)."""


class UploadCancelled(CloudError):
    """The person cancelled the upload."""

    def __init__(self) -> None:
        super().__init__(Bilingual("The upload was cancelled.", "上传已取消。"))


class CloudConfigError(UserFacingError):
    """The cloud settings (environment or saved) are incomplete or invalid."""
