"""Cloud settings: endpoint, region, project and credentials, from the environment or saved settings.

Saved settings, credentials included, live in the OS keyring (service ``voicerecorder``,
entry ``cloud``); nothing is written to plain files.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from urllib.parse import urlsplit, urlunsplit

from voicerecorder.cloud.errors import CloudConfigError
from voicerecorder.cloud.redact import host_of, redact, register_secret
from voicerecorder.cloud.waiting import FIRST_NOTICE_S
from voicerecorder.errors import EXIT_USAGE
from voicerecorder.regions import DEFAULT_REGION, REGIONS
from voicerecorder.text import Bilingual

log = logging.getLogger("voicerecorder.cloud")

KEYRING_SERVICE = "voicerecorder"
GLOBAL_IAM_ENDPOINT = "https://iam.myhuaweicloud.com"
_PROJECT_ID = re.compile(r"[0-9a-f]{32}")
APP_USER_ID_MAX = 64
APP_USER_ID_ENV = "METASTUDIO_APP_USER_ID"
KEYRING_ENTRY = "cloud"


@dataclass(frozen=True)
class AkSkAuth:
    """Access key / secret key, plus the security token of temporary credentials."""

    ak: str
    sk: str = field(repr=False)
    security_token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        register_secret(self.sk)
        register_secret(self.security_token)


@dataclass(frozen=True)
class PasswordAuth:
    """An IAM user's name, password and account (domain) name, exchanged for a token."""

    user: str
    password: str = field(repr=False)
    domain: str

    def __post_init__(self) -> None:
        register_secret(self.password)


Auth = AkSkAuth | PasswordAuth


@dataclass(frozen=True)
class CloudConfig:
    """Where and as whom to call MetaStudio; ``project_id`` None means "look it up via IAM".

    A request waits ``connect_timeout`` seconds for the connection and ``read_timeout`` for
    each answer (or each piece of it); after ``first_notice_s`` seconds of silence the person
    is told what the app waits for (cloud/waiting.py).
    """

    endpoint: str
    region: str = DEFAULT_REGION
    project_id: str | None = None
    auth: Auth | None = None
    iam_endpoint: str = GLOBAL_IAM_ENDPOINT
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    first_notice_s: float = FIRST_NOTICE_S
    app_user_id: str | None = None

    def is_configured(self) -> bool:
        """True when credentials are present (otherwise the app uses the sandbox)."""
        return self.auth is not None


def _error(en: str, zh: str, exit_code: int | None = None) -> CloudConfigError:
    return CloudConfigError(Bilingual(en, zh), exit_code=exit_code)


def default_endpoint(region: str) -> str:
    """The public MetaStudio endpoint of ``region``."""
    return f"https://metastudio.{region}.myhuaweicloud.com"


def _check_region(region: str) -> str:
    if region not in REGIONS:
        raise _error(
            f"Unknown MetaStudio region “{region}”. Use one of: {', '.join(REGIONS)}.",
            f"未知的 MetaStudio 区域“{region}”。请使用：{'、'.join(REGIONS)}。",
        )
    return region


def _check_endpoint(url: str, variable: str) -> str:
    """``url`` as a base URL, without a user name or password: requests are signed with the
    AK/SK or carry an IAM token, so credentials in the URL are never used, stored or shown."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        shown = redact(url)
        raise _error(
            f"{variable} must be a base URL such as "
            f"https://metastudio.cn-north-4.myhuaweicloud.com, not “{shown}”.",
            f"{variable} 必须是形如 "
            f"https://metastudio.cn-north-4.myhuaweicloud.com 的基础地址，而不是“{shown}”。",
        )
    return urlunsplit(parts._replace(netloc=host_of(url))).rstrip("/")


def _check_project(project_id: str | None) -> str | None:
    if project_id and not _PROJECT_ID.fullmatch(project_id):
        raise _error(
            "The project id must be 32 lower-case hexadecimal characters "
            "(console: My Credentials > API Credentials).",
            "项目 ID 必须是 32 位小写十六进制字符（控制台：我的凭证 > API 凭证）。",
        )
    return project_id or None


def check_app_user_id(app_user_id: str | None) -> str | None:
    """``app_user_id`` (the third-party user id sent as ``X-App-UserId``) trimmed, None when empty.

    The header takes printable ASCII only (the service refuses Chinese: SDK ``x_app_user_id``,
    不允许输入中文); the length limit is this app's own (the API documents none).
    """
    value = (app_user_id or "").strip()
    if not value:
        return None
    if not all(" " <= ch <= "~" for ch in value):
        raise _error(
            f"The app user id (app_user_id, sent as the X-App-UserId header) must use printable ASCII "
            f"only: letters, digits and punctuation, no Chinese or other characters (“{value}”).",
            f"应用用户 ID（app_user_id，作为 X-App-UserId 请求头发送）只能使用可打印的 ASCII 字符："
            f"字母、数字和标点，不能含中文或其他字符（“{value}”）。",
            EXIT_USAGE,
        )
    if len(value) > APP_USER_ID_MAX:
        raise _error(
            f"The app user id (app_user_id) can have at most {APP_USER_ID_MAX} characters "
            f"(now {len(value)}).",
            f"应用用户 ID（app_user_id）最多 {APP_USER_ID_MAX} 个字符（当前 {len(value)} 个）。",
            EXIT_USAGE,
        )
    return value


def derived_iam_endpoint(endpoint: str) -> str:
    """The IAM endpoint to pair with ``endpoint``: the same server for a non-Huawei (sandbox) URL."""
    host = urlsplit(endpoint).hostname or ""
    if host.endswith(".myhuaweicloud.com"):
        return GLOBAL_IAM_ENDPOINT
    return endpoint


def build_config(
    *,
    region: str | None,
    endpoint: str | None,
    project_id: str | None,
    auth: Auth | None,
    iam_endpoint: str | None = None,
    app_user_id: str | None = None,
) -> CloudConfig:
    """A validated :class:`CloudConfig`; missing endpoints are derived from the region."""
    region = _check_region(region or DEFAULT_REGION)
    base = _check_endpoint(endpoint, "METASTUDIO_ENDPOINT") if endpoint else default_endpoint(region)
    iam = _check_endpoint(iam_endpoint, "IAM_ENDPOINT") if iam_endpoint else derived_iam_endpoint(base)
    return CloudConfig(
        endpoint=base,
        region=region,
        project_id=_check_project(project_id),
        auth=auth,
        iam_endpoint=iam,
        app_user_id=check_app_user_id(app_user_id),
    )


def _auth_from_env(env: Mapping[str, str]) -> Auth | None:
    ak, sk = env.get("CLOUD_SDK_AK", "").strip(), env.get("CLOUD_SDK_SK", "").strip()
    if ak or sk:
        if not (ak and sk):
            raise _error(
                "Set both CLOUD_SDK_AK and CLOUD_SDK_SK (the access key and its secret key).",
                "请同时设置 CLOUD_SDK_AK 和 CLOUD_SDK_SK（访问密钥及其私有访问密钥）。",
            )
        return AkSkAuth(ak, sk, env.get("CLOUD_SDK_SECURITY_TOKEN", "").strip() or None)
    user, password = env.get("IAM_USER", "").strip(), env.get("IAM_PASSWORD", "")
    domain = env.get("IAM_DOMAIN", "").strip()
    if user or password or domain:
        if not (user and password and domain):
            raise _error(
                "Set IAM_USER, IAM_PASSWORD and IAM_DOMAIN (the account name) together.",
                "请同时设置 IAM_USER、IAM_PASSWORD 和 IAM_DOMAIN（账号名）。",
            )
        return PasswordAuth(user, password, domain)
    return None


def config_from_env(env: Mapping[str, str] | None = None) -> CloudConfig:
    """The configuration the environment describes (``auth`` None when it names no credentials)."""
    env = os.environ if env is None else env
    return build_config(
        region=env.get("METASTUDIO_REGION", "").strip() or None,
        endpoint=env.get("METASTUDIO_ENDPOINT", "").strip() or None,
        project_id=env.get("METASTUDIO_PROJECT_ID", "").strip() or None,
        auth=_auth_from_env(env),
        iam_endpoint=env.get("IAM_ENDPOINT", "").strip() or None,
        app_user_id=env.get(APP_USER_ID_ENV),
    )


class KeyringUnavailableError(CloudConfigError):
    """The OS keyring is missing or locked, so saved settings cannot be read or written."""


def _keyring_error(error: Exception) -> KeyringUnavailableError:
    return KeyringUnavailableError(
        Bilingual(
            f"The system's secure credential store is not available ({type(error).__name__}). Unlock or "
            "install a keyring, or set CLOUD_SDK_AK and CLOUD_SDK_SK in the environment instead.",
            f"系统的安全凭证存储不可用（{type(error).__name__}）。请解锁或安装密钥环，或改用环境变量 "
            "CLOUD_SDK_AK 和 CLOUD_SDK_SK。",
        )
    )


def _auth_to_dict(auth: Auth | None) -> dict[str, str | None] | None:
    if isinstance(auth, AkSkAuth):
        return {"kind": "aksk", "ak": auth.ak, "sk": auth.sk, "security_token": auth.security_token}
    if isinstance(auth, PasswordAuth):
        return {"kind": "password", "user": auth.user, "password": auth.password, "domain": auth.domain}
    return None


def _auth_from_dict(data: object) -> Auth | None:
    if not isinstance(data, dict):
        return None
    if data.get("kind") == "aksk" and data.get("ak") and data.get("sk"):
        return AkSkAuth(str(data["ak"]), str(data["sk"]), _text(data.get("security_token")))
    if data.get("kind") == "password" and data.get("user") and data.get("password") and data.get("domain"):
        return PasswordAuth(str(data["user"]), str(data["password"]), str(data["domain"]))
    return None


# keyring backends are not thread-safe (the first call also picks and loads the backend), and the
# app reaches them from several worker threads: one call at a time.
_KEYRING_LOCK = threading.Lock()


@contextlib.contextmanager
def _keyring() -> Iterator[ModuleType]:
    """The keyring module, one call at a time, its failures raised as :class:`CloudConfigError`.

    Imported on first use (any thread): starting the wizard or the command line does not load
    keyring and its backends."""
    import keyring
    import keyring.errors

    try:
        with _KEYRING_LOCK:
            yield keyring
    except keyring.errors.KeyringError as error:
        raise _keyring_error(error) from None


def save_settings(config: CloudConfig) -> None:
    """Save ``config``, credentials included, as one entry of the OS keyring."""
    stored = {
        "region": config.region,
        "endpoint": config.endpoint,
        "project_id": config.project_id,
        "iam_endpoint": config.iam_endpoint,
        "auth": _auth_to_dict(config.auth),
        "app_user_id": config.app_user_id,
    }
    with _keyring() as store:
        store.set_password(KEYRING_SERVICE, KEYRING_ENTRY, json.dumps(stored, sort_keys=True))


def load_settings() -> CloudConfig | None:
    """The saved configuration, or None when nothing was saved."""
    with _keyring() as store:
        raw = store.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise _error(
            "The saved cloud settings cannot be read. Enter them again in Settings.",
            "无法读取已保存的云端设置。请在“设置”中重新填写。",
        )
    return build_config(
        region=_text(data.get("region")),
        endpoint=_text(data.get("endpoint")),
        project_id=_text(data.get("project_id")),
        auth=_auth_from_dict(data.get("auth")),
        iam_endpoint=_text(data.get("iam_endpoint")),
        app_user_id=_text(data.get("app_user_id")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def delete_settings() -> None:
    """Forget the saved configuration and its credentials (nothing saved is fine)."""
    with _keyring() as store, contextlib.suppress(store.errors.PasswordDeleteError):
        store.delete_password(KEYRING_SERVICE, KEYRING_ENTRY)


def load_config(env: Mapping[str, str] | None = None) -> CloudConfig:
    """The environment's configuration when it names credentials, else the saved one, else no auth.

    An unavailable keyring counts as "nothing saved"; invalid settings still raise.
    ``METASTUDIO_APP_USER_ID``, when set, overrides a saved app user id.
    """
    from_env = config_from_env(env)
    if from_env.is_configured():
        return from_env
    try:
        saved = load_settings()
    except KeyringUnavailableError as error:
        log.info("saved cloud settings unavailable: %s", error)
        return from_env
    if saved is None:
        return from_env
    return replace(saved, app_user_id=from_env.app_user_id or saved.app_user_id)


def is_configured(env: Mapping[str, str] | None = None) -> bool:
    """True when real cloud credentials exist (environment or saved); False means: use the sandbox."""
    return load_config(env).is_configured()
