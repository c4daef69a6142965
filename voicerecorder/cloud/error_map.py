"""Turn MetaStudio / IAM / API-gateway error responses and transport failures into typed errors."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from voicerecorder.cloud.errors import (
    AuthError,
    ClockSkewError,
    CloudError,
    NetworkError,
    NotFoundError,
    ParameterError,
    QuotaError,
    RedirectError,
    ServerError,
    ThrottledError,
)
from voicerecorder.cloud.redact import host_of, redact
from voicerecorder.text import Bilingual

if TYPE_CHECKING:
    import requests

SKEW_LIMIT_SECONDS = 5 * 60
MAX_RETRY_AFTER_SECONDS = 300.0

_AUTH_CODES = {"APIGW.0301", "APIG.0301", "MSS.00000001", "MSS.00010008"}
_SKEW_CODES = {"APIGW.0303", "APIG.0303"}
_THROTTLE_CODES = {"APIGW.0308", "APIG.0308"}
_PARAMETER_CODES = {"MSS.00000002", "MSS.00000003", "MSS.10000002", "MSS.10000003"}
_NOT_FOUND_CODES = {"APIGW.0101", "APIG.0101", "MSS.00010003", "MSS.00010004"}
_QUOTA_WORDS = re.compile(
    r"\b(no|not enough|insufficient|lack of|exhausted)\b[^.;]{0,40}\b(resources?|quota)\b"
    r"|资源不足|无可用资源",
    re.IGNORECASE,
)
_NOT_FOUND_WORDS = re.compile(r"\b(does not|doesn't|not) exist|\bnot found\b|不存在", re.IGNORECASE)
_TOKEN_EXPIRED = re.compile(r"token.*(expire|must be updated)", re.IGNORECASE)
_FIELD_CANDIDATES = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

KNOWN_FIELDS = frozenset(
    {
        "job_type",
        "language",
        "voice_name",
        "sex",
        "tag",
        "create_type",
        "description",
        "phone",
        "dhtms_job_id",
        "batch_name",
        "output_language",
        "custom_text",
        "is_ondemand_resource",
        "supported_service",
        "app_user_id",
        "job_id",
        "offset",
        "limit",
        "create_until",
        "create_since",
        "update_until",
        "update_since",
        "state",
        "sort_key",
        "sort_dir",
        "index",
        "project_id",
        "edition",
    }
)

_DATA_MESSAGES = {
    "MSS.20020011": Bilingual(
        "MetaStudio says the uploaded audio format is wrong. Export the takes again as PCM WAV "
        "(16 or 24 bit, mono) and upload again.",
        "MetaStudio 提示上传的音频格式不正确。请重新导出为 PCM WAV（16 或 24 位，单声道）后再上传。",
    ),
    "MSS.20020012": Bilingual(
        "MetaStudio says the files in the zip do not match the job type. Pack the session again "
        "for this edition and upload again.",
        "MetaStudio 提示压缩包内的文件类型与任务类型不符。请按此版本重新打包会话后再上传。",
    ),
    "MSS.20020016": Bilingual(
        "MetaStudio says the zip does not hold the required number of WAV and TXT files. Record "
        "every sentence, pack again and upload again.",
        "MetaStudio 提示压缩包中的 WAV 与 TXT 文件数量不符合要求。请录完所有句子，重新打包后再上传。",
    ),
}


# What to do about an audit error whose code is not one of the documented ones above: MetaStudio
# documents only a few of its audit codes (spec/metastudio-api.md section 6), so the advice follows
# from where the error points (one file, or the whole package), and the code stays as a detail.
_FILE_ADVICE = Bilingual(
    "MetaStudio's audit rejected this recording. Record the sentence again, reading exactly its "
    "text in a quiet room, then submit again.",
    "MetaStudio 审核未通过这条录音。请在安静的房间里严格按文本重新录制这一句，然后重新提交。",
)
_PACKAGE_ADVICE = Bilingual(
    "MetaStudio's audit rejected the package. Check every sentence in Review, pack again and submit again.",
    "MetaStudio 审核未通过这个数据包。请在“检查”页逐句检查，重新打包后再提交。",
)


def audit_advice(code: str | None, message: str | None, *, one_file: bool) -> Bilingual:
    """What to do about one audit error, with the service's code and words kept as a detail.

    ``one_file`` says whether the error names a file of the package (else it is about the package).
    """
    advice = _DATA_MESSAGES.get(code or "") or (_FILE_ADVICE if one_file else _PACKAGE_ADVICE)
    detail = " ".join(part for part in (code, message) if part)
    if not detail:
        return advice
    return Bilingual(f"{advice.en} (MetaStudio: {detail})", f"{advice.zh}（MetaStudio：{detail}）")


def clock_skew_seconds(date_header: str | None, local_timestamp: float) -> float | None:
    """Server time minus local time in seconds, from an HTTP ``Date`` header; None if absent/bad."""
    if not date_header:
        return None
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if server.tzinfo is None:
        return None
    return server.timestamp() - local_timestamp


def retry_after_seconds(value: str | None) -> float | None:
    """A ``Retry-After`` header (seconds or HTTP date is not used by MetaStudio) as seconds, capped."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if seconds != seconds or seconds < 0:
        return None
    return min(seconds, MAX_RETRY_AFTER_SECONDS)


def _body_fields(body: bytes) -> tuple[str | None, str | None, str | None]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, None, None
    if not isinstance(data, dict):
        return None, None, None
    error = data.get("error") if isinstance(data.get("error"), dict) else data
    code = error.get("error_code") or error.get("code")
    message = error.get("error_msg") or error.get("message")
    request_id = data.get("request_id")
    return (
        str(code) if code is not None else None,
        str(message) if message is not None else None,
        str(request_id) if request_id is not None else None,
    )


def field_named_in(message: str | None) -> str | None:
    """The first known request field name that appears in an error message."""
    for candidate in _FIELD_CANDIDATES.findall(message or ""):
        if candidate in KNOWN_FIELDS:
            return candidate
    return None


def _auth_error(code: str | None, message: str | None, **context: object) -> AuthError:
    if code == "MSS.00010009":
        text = Bilingual(
            "The project id does not belong to these credentials. Check METASTUDIO_PROJECT_ID "
            "(console: My Credentials > API Credentials) and the region.",
            "项目 ID 与当前凭证不属于同一账号。"
            "请检查 METASTUDIO_PROJECT_ID（控制台：我的凭证 > API 凭证）和区域。",
        )
    elif _TOKEN_EXPIRED.search(message or ""):
        text = Bilingual(
            "The IAM token has expired. Sign in again (the app fetches a new token automatically).",
            "IAM 令牌已过期。请重新登录（应用会自动获取新令牌）。",
        )
    else:
        text = Bilingual(
            "MetaStudio refused the credentials. Check the access key (AK) and secret key (SK), "
            "or the IAM user name, password and account name, and that the user has MetaStudio permissions.",
            "MetaStudio 拒绝了该凭证。请检查访问密钥（AK）和私有访问密钥（SK），或 IAM 用户名、密码和账号名，"
            "并确认该用户拥有 MetaStudio 权限。",
        )
    return AuthError(text, code=code, detail=message, **context)  # type: ignore[arg-type]


def _parameter_error(code: str | None, message: str | None, **context: object) -> ParameterError:
    if code in _DATA_MESSAGES:
        return ParameterError(_DATA_MESSAGES[code], code=code, detail=message, **context)  # type: ignore[arg-type]
    field = field_named_in(message)
    if field:
        text = Bilingual(
            f"MetaStudio rejected the value of “{field}”. Correct it and try again.",
            f"MetaStudio 拒绝了“{field}”的取值。请修改后重试。",
        )
    else:
        text = Bilingual(
            "MetaStudio rejected the request's parameters. Check the voice details and try again.",
            "MetaStudio 拒绝了请求参数。请检查声音信息后重试。",
        )
    return ParameterError(text, field=field, code=code, detail=message, **context)  # type: ignore[arg-type]


def _quota_error(code: str | None, message: str | None, **context: object) -> QuotaError:
    text = Bilingual(
        "No voice-training resource is available for this edition. Buy or allocate one in the "
        "MetaStudio console, then submit again.",
        "此版本没有可用的声音制作资源。请在 MetaStudio 控制台购买或分配资源后再提交。",
    )
    return QuotaError(text, code=code, detail=message, **context)  # type: ignore[arg-type]


def _not_found(code: str | None, message: str | None, **context: object) -> NotFoundError:
    if code in _NOT_FOUND_CODES:
        text = Bilingual(
            "This MetaStudio API was not found at the configured endpoint. "
            "Check METASTUDIO_ENDPOINT and the region.",
            "在所配置的地址上找不到此 MetaStudio 接口。请检查 METASTUDIO_ENDPOINT 和区域设置。",
        )
    else:
        text = Bilingual(
            "The job was not found. Check the job id, the region and the project it was created in.",
            "找不到该任务。请检查任务 ID、区域以及创建任务时所用的项目。",
        )
    return NotFoundError(text, code=code, detail=message, **context)  # type: ignore[arg-type]


def _server_error(code: str | None, message: str | None, **context: object) -> ServerError:
    text = Bilingual(
        "MetaStudio had an internal problem. Try again in a few minutes; if it persists, contact "
        "Huawei Cloud support with the request id.",
        "MetaStudio 内部出错。请几分钟后重试；如仍失败，请携带请求 ID 联系华为云技术支持。",
    )
    return ServerError(text, code=code, detail=message, **context)  # type: ignore[arg-type]


def redirect_message(status: int, location: str | None) -> Bilingual:
    """What to do about a redirect (3xx) to ``location`` (named by its host only)."""
    where = host_of(location or "") or "another address"
    where_zh = host_of(location or "") or "其他地址"
    return Bilingual(
        f"The service answered with a redirect (HTTP {status}) to {where} instead of an answer; the "
        "app does not follow redirects, which would send the signed request elsewhere. Check "
        "METASTUDIO_ENDPOINT and the region. A proxy or a Wi-Fi sign-in page may be redirecting: sign "
        "in, or try another network.",
        f"服务返回了重定向（HTTP {status}，指向 {where_zh}），而不是应答；应用不跟随重定向，"
        "否则签名的请求会被发往别处。请检查 METASTUDIO_ENDPOINT 和区域。代理或 Wi-Fi 登录页面"
        "可能在重定向：请先登录，或换一个网络。",
    )


def error_for_response(
    status: int,
    body: bytes,
    headers: Mapping[str, str],
    local_timestamp: float,
) -> CloudError:
    """The typed error for a failed MetaStudio/IAM response (status >= 300)."""
    code, message, request_id = _body_fields(body)
    request_id = request_id or headers.get("X-Request-Id")
    retry_after = retry_after_seconds(headers.get("Retry-After"))
    context = {"status": status, "request_id": request_id, "retry_after": retry_after}
    if 300 <= status < 400:
        location = headers.get("Location")
        return RedirectError(redirect_message(status, location), code=f"HTTP {status}", **context)  # type: ignore[arg-type]
    skew = clock_skew_seconds(headers.get("Date"), local_timestamp)
    is_auth = status in (401, 403) or code in _AUTH_CODES or code == "MSS.00010009"
    if code in _SKEW_CODES or (is_auth and skew is not None and abs(skew) > SKEW_LIMIT_SECONDS):
        return ClockSkewError(skew, code=code, detail=message, **context)  # type: ignore[arg-type]
    if status == 429 or code in _THROTTLE_CODES:
        del context["retry_after"]
        return ThrottledError(retry_after, code=code, detail=message, **context)  # type: ignore[arg-type]
    if is_auth:
        return _auth_error(code, message, **context)
    if _QUOTA_WORDS.search(message or ""):
        return _quota_error(code, message, **context)
    if status == 404 or code in _NOT_FOUND_CODES or _NOT_FOUND_WORDS.search(message or ""):
        return _not_found(code, message, **context)
    if status >= 500 or (code or "").startswith("MSS.0002101"):
        return _server_error(code, message, **context)
    if not code and not message:
        message = redact(body[:200].decode("utf-8", "replace")) or f"HTTP {status}"
    return _parameter_error(code, message, **context)


def error_for_exception(error: requests.RequestException, host: str) -> NetworkError:
    """The typed error for a transport failure (connection, TLS, timeout) talking to ``host``."""
    from requests import exceptions

    detail = redact(f"{type(error).__name__}: {error}")
    if isinstance(error, exceptions.MissingSchema | exceptions.InvalidSchema | exceptions.InvalidURL):
        text = Bilingual(
            "The service address is not a valid http(s) URL. "
            "Check METASTUDIO_ENDPOINT, or fetch a new upload link.",
            "服务地址不是有效的 http(s) 网址。请检查 METASTUDIO_ENDPOINT，或获取新的上传链接。",
        )
        return NetworkError(text, detail=detail, transient=False)
    if isinstance(error, exceptions.SSLError):
        text = Bilingual(
            f"The secure connection to {host} could not be verified. If your network inspects HTTPS "
            "traffic, ask IT to add its certificate to the system, or try another network.",
            f"无法验证与 {host} 的安全连接。"
            "如果您的网络会检查 HTTPS 流量，请联系 IT 将其证书加入系统，或换一个网络。",
        )
    elif isinstance(error, exceptions.Timeout):
        text = Bilingual(
            f"{host} did not answer in time. "
            "Check your internet connection and proxy settings, then try again.",
            f"{host} 响应超时。请检查网络连接和代理设置后重试。",
        )
    else:
        text = Bilingual(
            f"Cannot reach {host}. "
            "Check your internet connection and proxy settings (HTTPS_PROXY), then try again.",
            f"无法连接 {host}。请检查网络连接和代理设置（HTTPS_PROXY）后重试。",
        )
    transient = not isinstance(error, exceptions.SSLError)
    return NetworkError(text, detail=detail, transient=transient)
