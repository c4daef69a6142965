"""The sandbox's documented demo credentials, its project ids and its label.

Everything here is public on purpose: the sandbox runs on 127.0.0.1 only and holds nothing
worth protecting. Real credentials are never accepted by it (it only knows these).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from voicerecorder.text import Bilingual

DEFAULT_AK = "SANDBOXAK0DEMO0000001"
DEFAULT_SK = "SandboxSecretKey0DemoOnly0NothingLeavesThisComputer"
# Temporary credentials (AK/SK plus X-Security-Token), as issued by IAM/STS.
TEMPORARY_AK = "SANDBOXTMPAK0DEMO0001"
TEMPORARY_SK = "SandboxTemporarySecretKey0DemoOnly"
SECURITY_TOKEN = "sandbox-security-token-demo"
# IAM password login.
DEMO_USER = "sandbox-user"
DEMO_PASSWORD = "sandbox-password"
DEMO_DOMAIN = "sandbox-domain"

DEFAULT_PORT = 8765

SANDBOX_LABEL = Bilingual("Sandbox — nothing leaves this computer", "沙箱——数据不会离开这台电脑")

_PROJECT_ID = re.compile(r"[0-9a-f]{32}")


def project_id_for(region: str) -> str:
    """The project id the sandbox's IAM reports for ``region`` (32 hex digits, stable)."""
    return hashlib.md5(f"sandbox-project:{region}".encode(), usedforsecurity=False).hexdigest()


def is_project_id(value: str) -> bool:
    """Any 32 lower-case hex digits is a valid sandbox project id."""
    return bool(_PROJECT_ID.fullmatch(value))


@dataclass(frozen=True)
class SandboxKeys:
    """The AK/SK pair the sandbox accepts, and the secrets it derives from the SK."""

    ak: str = DEFAULT_AK
    sk: str = DEFAULT_SK

    def secret_for(self, ak: str) -> str | None:
        """The secret key that belongs to ``ak``, or None for an unknown access key."""
        return {self.ak: self.sk, TEMPORARY_AK: TEMPORARY_SK}.get(ak)

    def derived(self, purpose: str) -> bytes:
        """A key for ``purpose`` (OBS URL signing, IAM tokens), stable across restarts."""
        return hmac.new(self.sk.encode(), purpose.encode(), hashlib.sha256).digest()
