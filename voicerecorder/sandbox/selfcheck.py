"""Self-test probe of the sandbox: start it, make one signed API call, stop it."""

from __future__ import annotations

import tempfile
from pathlib import Path


def check_sandbox() -> str:
    """Start the in-process sandbox in a temporary folder, make one signed API call to it, stop it."""
    from voicerecorder.cloud.client import MetaStudioClient
    from voicerecorder.cloud.config import AkSkAuth, build_config
    from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, in_process

    with (
        tempfile.TemporaryDirectory(prefix="voicerecorder-selftest-") as folder,
        in_process(Path(folder)) as server,
    ):
        config = build_config(
            region=None,
            endpoint=server.base_url,
            project_id=server.project_id,
            auth=AkSkAuth(DEFAULT_AK, DEFAULT_SK),
        )
        url = server.base_url
        durations = MetaStudioClient(config).show_tenant_duration_cfg()
    return f"answered a signed request at {url} (basic edition minimum {durations.basic_min} s) and stopped"
