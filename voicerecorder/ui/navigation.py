"""How a page moves the wizard without knowing the other pages: the :class:`Navigator` protocol.

``voicerecorder.ui.wizard.RecordingWizard`` implements it; a page reaches it with
``WizardPage.navigator()``. Pages never import each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from voicerecorder.ui.page_ids import PageId


@runtime_checkable
class Navigator(Protocol):
    """The moves a page may ask of the wizard (GUI thread)."""

    def go_to(self, page_id: PageId) -> bool:
        """Make ``page_id`` the current page; False when the wizard cannot get there."""
        ...

    def rerecord(self, indices: Sequence[int], *, limit: bool = False) -> bool:
        """Open the Record page at the first of ``indices``; ``limit`` keeps it to just those."""
        ...
