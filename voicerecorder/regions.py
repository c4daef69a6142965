"""The MetaStudio regions this app knows: one list for the cloud client and the sandbox."""

from __future__ import annotations

REGIONS = ("cn-north-4", "cn-east-3")
"""Regions with a MetaStudio endpoint (``metastudio.<region>.myhuaweicloud.com``)."""

DEFAULT_REGION = REGIONS[0]
"""The region used when none is configured."""
