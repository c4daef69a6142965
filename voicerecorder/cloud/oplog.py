"""ListJobOperationLog's typed answer: a job's history and the reasons it was rejected.

Field names and types follow the official SDK's ``ListJobOperationLogResponse``,
``OperationLogItem`` and ``OpExternalInfo`` (huaweicloudsdkmetastudio 3.1.x).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpExternalInfo:
    """What the service adds to a log entry: review ids and the failure reasons."""

    review_id_list: tuple[str, ...] = ()
    algorithm_failure_reason: str | None = None
    admin_audit_failure_reason: str | None = None


@dataclass(frozen=True)
class OperationLogItem:
    """One step of a job: when (``time``), what (``action``, e.g. AUDIT_NOT_PASS) and who
    (``operator``: USER, ADMIN or SYSTEM)."""

    time: int | None = None
    action: str | None = None
    operator: str | None = None
    external_info: OpExternalInfo | None = None


@dataclass(frozen=True)
class OperationLog:
    """ListJobOperationLog: the total number of entries and one page of them."""

    count: int = 0
    operations: tuple[OperationLogItem, ...] = ()
