"""Leaving the wizard: the question asked on the way out, and the system's ways of ending the app.

Every way out (Esc, Cancel, the window's close button, Ctrl+Q, logout or shutdown through
``QGuiApplication.commitDataRequest`` / ``aboutToQuit``, and SIGTERM) ends in
``RecordingWizard.leave``; :class:`SystemExits` connects the system's ones to it. GUI thread only.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, stay: str, leave: str) -> bool:
    """Ask ``text`` with a ``stay`` button (the default, also Esc) and a ``leave`` button; True to leave."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    stay_button = box.addButton(stay, QMessageBox.ButtonRole.RejectRole)
    leave_button = box.addButton(leave, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(stay_button)
    box.setEscapeButton(stay_button)
    box.exec()
    return box.clickedButton() is leave_button


class Leaver(Protocol):
    """What :class:`SystemExits` ends: the wizard's one way out."""

    def leave(self, ask: bool = True) -> bool:
        """Finish and save a take in progress (asking first when ``ask``); True when the window may close."""
        ...

    def close(self) -> bool:
        """Close the window."""
        ...


class SessionManager(Protocol):
    """The part of ``QSessionManager`` used at logout or shutdown."""

    def allowsInteraction(self) -> bool: ...

    def release(self) -> None: ...

    def cancel(self) -> None: ...


class SystemExits(QObject):
    """Sends logout/shutdown (``commitDataRequest``), ``aboutToQuit`` and SIGTERM to ``wizard.leave``.

    SIGTERM reaches the GUI thread through Python's wakeup fd and a socket notifier, so it is
    handled even while Qt's event loop runs C++ code. At logout the user is asked only when the
    session manager allows it; SIGTERM and ``aboutToQuit`` never ask (nobody may be there to
    answer), they save the take and close. :meth:`uninstall` restores the previous handlers.
    """

    def __init__(self, wizard: Leaver, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wizard, self._app = wizard, app
        app.commitDataRequest.connect(self.commit_data)
        app.aboutToQuit.connect(self._quitting)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signal_arrived)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handler: Callable[..., object] | int | None = signal.signal(
            signal.SIGTERM, lambda *_: None
        )

    def commit_data(self, manager: SessionManager) -> None:
        """Logout or shutdown: leave (asking when the session manager allows it) or cancel it."""
        interactive = manager.allowsInteraction()
        left = self._wizard.leave(ask=interactive)
        if interactive:
            manager.release()
        if left:
            self._wizard.close()
        else:
            manager.cancel()

    def _quitting(self) -> None:
        self._wizard.leave(ask=False)

    def _signal_arrived(self) -> None:
        with contextlib.suppress(BlockingIOError):
            numbers = self._reader.recv(64)
            if signal.SIGTERM in numbers:
                self.terminate()

    def terminate(self) -> None:
        """SIGTERM: save the take in progress, close the window and quit, without asking."""
        self._wizard.leave(ask=False)
        self._wizard.close()
        self._app.quit()

    def uninstall(self) -> None:
        """Disconnect from the application and give SIGTERM and the wakeup fd back."""
        self._app.commitDataRequest.disconnect(self.commit_data)
        self._app.aboutToQuit.disconnect(self._quitting)
        signal.set_wakeup_fd(self._previous_fd)
        signal.signal(signal.SIGTERM, self._previous_handler or signal.SIG_DFL)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
