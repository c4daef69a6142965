"""Which MetaStudio the workflows talk to: Huawei Cloud when credentials are configured, else
the local sandbox (started in this process, its jobs kept in the data folder's ``sandbox/``
so a later command or a restarted app sees the same jobs)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import (
    APP_USER_ID_ENV,
    AkSkAuth,
    CloudConfig,
    build_config,
    check_app_user_id,
    load_config,
    load_settings,
)
from voicerecorder.cloud.errors import CloudConfigError
from voicerecorder.cloud.transport import RetryPolicy
from voicerecorder.errors import EXIT_USAGE, UserFacingError
from voicerecorder.paths import data_dir
from voicerecorder.sandbox.credentials import SANDBOX_LABEL
from voicerecorder.text import Bilingual

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CloudTarget:
    """A client and, for the sandbox, the label to show wherever the target is named."""

    client: MetaStudioClient
    label: Bilingual | None = None

    @property
    def is_sandbox(self) -> bool:
        """True when the jobs live in the local sandbox, not in Huawei Cloud."""
        return self.label is not None


def sandbox_data_dir() -> Path:
    """Where the in-process sandbox keeps its jobs and uploads."""
    return data_dir() / "sandbox"


def sandbox_config(
    base_url: str, ak: str, sk: str, project_id: str, app_user_id: str | None = None
) -> CloudConfig:
    """The configuration that points the client at a running sandbox."""
    return build_config(
        region=None, endpoint=base_url, project_id=project_id, auth=AkSkAuth(ak, sk), app_user_id=app_user_id
    )


def not_configured() -> UserFacingError:
    """The error for a command that needs Huawei Cloud when no credentials are set."""
    return UserFacingError(
        Bilingual(
            "No Huawei Cloud credentials are configured. Set CLOUD_SDK_AK and CLOUD_SDK_SK (and "
            "METASTUDIO_PROJECT_ID), save them in the app's Settings, or add --sandbox to try the "
            "local sandbox.",
            "尚未配置华为云凭证。请设置 CLOUD_SDK_AK 和 CLOUD_SDK_SK（以及 METASTUDIO_PROJECT_ID），"
            "或在应用的“设置”中保存，或加上 --sandbox 使用本地沙箱。",
        ),
        exit_code=EXIT_USAGE,
    )


@contextlib.contextmanager
def open_target(
    *,
    sandbox: bool = False,
    fallback_to_sandbox: bool = True,
    env: Mapping[str, str] | None = None,
    retry: RetryPolicy | None = None,
    app_user_id: str | None = None,
) -> Iterator[CloudTarget]:
    """The configured cloud, or an in-process sandbox when ``sandbox`` is set or, with
    ``fallback_to_sandbox``, when no credentials are configured (otherwise that is an error).

    ``app_user_id`` (``--app-user-id``) overrides ``METASTUDIO_APP_USER_ID``, which overrides
    the saved settings' one. The sandbox is the process's shared one for the sandbox data folder
    (see ``sandbox.server.in_process``); it stops when its last user's block ends. Blocks briefly while the
    sandbox starts.
    """
    env = os.environ if env is None else env
    chosen = check_app_user_id(app_user_id) if app_user_id is not None else None
    if not sandbox:
        config = load_config(env)
        if config.is_configured():
            config = replace(config, app_user_id=chosen or config.app_user_id)
            yield CloudTarget(MetaStudioClient(config, retry=retry))
            return
        if not fallback_to_sandbox:
            raise not_configured()
    # Imported here: the wizard's start reaches this module but needs no server until a job runs.
    from voicerecorder.sandbox.server import in_process

    with in_process(sandbox_data_dir()) as server:
        keys, user = server.keys, chosen or _sandbox_app_user(env)
        config = sandbox_config(server.base_url, keys.ak, keys.sk, server.project_id, user)
        yield CloudTarget(MetaStudioClient(config, retry=retry), SANDBOX_LABEL)


def _sandbox_app_user(env: Mapping[str, str]) -> str | None:
    """``METASTUDIO_APP_USER_ID``, else the saved settings' app user id: the sandbox needs nothing else
    from them, so unreadable saved settings (or no keyring) count as none."""
    from_env = check_app_user_id(env.get(APP_USER_ID_ENV))
    if from_env is not None:
        return from_env
    try:
        saved = load_settings()
    except CloudConfigError as error:
        log.info("saved cloud settings unavailable for the sandbox: %s", error)
        return None
    return saved.app_user_id if saved is not None else None
