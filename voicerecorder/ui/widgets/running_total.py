"""The Record page's running total: how long the chosen takes last together, against the edition's
minimum and maximum in the tenant's duration settings (ShowTenantDurationCfg), which the pre-submit
check enforces (voicerecorder.workflow.preflight)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel

from voicerecorder.ui.cloud_options import cloud_target
from voicerecorder.ui.i18n import fill
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.services import SessionHolder
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.workers import TaskRunner
from voicerecorder.workflow.preflight import total_seconds

Bounds = tuple[int | None, int | None]
STYLES = {"short": "color:#7a4100;", "long": "color:#b71c1c;", "within": "color:#1b5e20;", "unknown": ""}


def fetch_bounds(settings: Settings, edition: str) -> Bounds:
    """The tenant's (min, max) total seconds for ``edition``. Worker thread: it reads the keyring, may
    start the sandbox (no credentials, or switched on) and calls MetaStudio."""
    with cloud_target(settings) as target:
        return target.client.show_tenant_duration_cfg().bounds(edition)


class RunningTotal(Retranslating, QLabel):
    """ "3 min 40 s of 3–10 min": the held session's chosen takes against its edition's limits.

    The limits are looked up once per session, in a worker, the first time the total is shown;
    when the lookup fails or the answer has none for the edition, the total is shown with
    "limits unknown". ``changed`` (a signal of the page) asks for the total again. GUI thread only.
    """

    def __init__(self, settings: Settings, holder: SessionHolder, changed: SignalInstance) -> None:
        super().__init__()
        self.settings, self.holder = settings, holder
        self.setWordWrap(True)
        self.runner = TaskRunner(self)
        self.looked_up: Path | None = None
        self.bounds: Bounds = (None, None)
        self.total_s = 0.0
        self.standing = "unknown"
        self.looking = False
        holder.changed.connect(self.refresh)
        changed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Add up the chosen takes again; look the limits up when this session's are not known yet."""
        session = self.holder.session
        if session is None:
            return
        self.total_s = total_seconds(session)
        if self.isVisible() and self.looked_up != session.folder:
            self.looked_up, self.bounds, self.looking = session.folder, (None, None), True
            folder, edition, settings = session.folder, session.edition, self.settings
            self.runner.start(
                lambda: fetch_bounds(settings, edition),
                lambda bounds: self._known(folder, bounds),
                lambda _error: self._known(folder, (None, None)),
            )
        self.retranslate()

    def _known(self, folder: Path, bounds: Bounds) -> None:
        if folder == self.looked_up:
            self.bounds, self.looking = bounds, False
            self.retranslate()

    def retranslate(self) -> None:
        low, high = self.bounds
        total = self.duration_text(self.total_s)
        if low is None and high is None:
            self.standing = "unknown"
            unknown = (
                self.tr("Total %1 · looking up the limits…")
                if self.looking
                else self.tr("Total %1 · limits unknown")
            )
            self.setText(fill(unknown, total))
        else:
            self.standing = _standing(self.total_s, low, high)
            self.setText(fill(self.tr("Total %1 of %2"), total, self.limits_text(low, high)))
        self.setStyleSheet(STYLES[self.standing])
        self.setAccessibleName(self.text())

    def duration_text(self, seconds: float) -> str:
        """``3 min 40 s``, ``3 min`` or ``40 s`` (whole seconds) in the UI language."""
        minutes, rest = divmod(round(seconds), 60)
        if not minutes:
            return fill(self.tr("%1 s"), rest)
        if not rest:
            return fill(self.tr("%1 min"), minutes)
        return fill(self.tr("%1 min %2 s"), minutes, rest)

    def limits_text(self, low: int | None, high: int | None) -> str:
        """``3–10 min`` (whole minutes), ``2 min 30 s – 10 min``, ``at least 3 min`` or ``at most 10 min``."""
        if low is None:
            return fill(self.tr("at most %1"), self.duration_text(high or 0))
        if high is None:
            return fill(self.tr("at least %1"), self.duration_text(low))
        if low % 60 == 0 and high % 60 == 0:
            return fill(self.tr("%1–%2 min"), low // 60, high // 60)
        return f"{self.duration_text(low)} – {self.duration_text(high)}"


def _standing(seconds: float, low: int | None, high: int | None) -> str:
    if low is not None and seconds < low:
        return "short"
    if high is not None and seconds > high:
        return "long"
    return "within"
