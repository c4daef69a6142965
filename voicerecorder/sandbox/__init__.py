"""A local emulator of the MetaStudio voice-training API and of OBS pre-signed uploads (no Qt).

Start one with :class:`SandboxServer` (or :func:`start_in_process` for the app's default);
the official Huawei Cloud SDK and the project's own client work against its ``base_url``.
"""

from voicerecorder.regions import DEFAULT_REGION
from voicerecorder.sandbox.credentials import (
    DEFAULT_AK,
    DEFAULT_PORT,
    DEFAULT_SK,
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    DEMO_USER,
    SANDBOX_LABEL,
    SECURITY_TOKEN,
    TEMPORARY_AK,
    TEMPORARY_SK,
    project_id_for,
)
from voicerecorder.sandbox.faults import FaultPlan, When, parse_faults
from voicerecorder.sandbox.server import SandboxServer, start_in_process

__all__ = [
    "DEFAULT_AK",
    "DEFAULT_PORT",
    "DEFAULT_REGION",
    "DEFAULT_SK",
    "DEMO_DOMAIN",
    "DEMO_PASSWORD",
    "DEMO_USER",
    "SANDBOX_LABEL",
    "SECURITY_TOKEN",
    "TEMPORARY_AK",
    "TEMPORARY_SK",
    "FaultPlan",
    "SandboxServer",
    "When",
    "parse_faults",
    "project_id_for",
    "start_in_process",
]
