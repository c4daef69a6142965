"""A local emulator of the MetaStudio voice-training API and of OBS pre-signed uploads (no Qt).

Start one with :class:`SandboxServer` (or :func:`in_process` for the app's default);
the official Huawei Cloud SDK and the project's own client work against its ``base_url``.
"""

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from voicerecorder.sandbox.faults import FaultPlan, When, parse_faults
    from voicerecorder.sandbox.server import SandboxServer, in_process

# The server and its fault plans load on first use, so that importing the credentials (as the
# wizard does at its start) does not load the whole emulator.
_LAZY = {
    "FaultPlan": "voicerecorder.sandbox.faults",
    "When": "voicerecorder.sandbox.faults",
    "parse_faults": "voicerecorder.sandbox.faults",
    "SandboxServer": "voicerecorder.sandbox.server",
    "in_process": "voicerecorder.sandbox.server",
}


def __getattr__(name: str) -> Any:
    """Load a lazily exported name from its module (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)


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
    "in_process",
    "parse_faults",
    "project_id_for",
]
