"""An input with the line that says what is wrong with it (red) and a caution (amber) right under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

ERROR_STYLE = "color:#b71c1c;"
WARNING_STYLE = "color:#7a4100;"


def _note(style: str) -> QLabel:
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.hide()
    return label


class CheckedField(QWidget):
    """``field`` (a widget or a layout) above its ``error`` and ``warning`` labels, each hidden while empty.

    A form row puts this box beside its label, so a message is shown next to the field it names.
    GUI thread only.
    """

    def __init__(self, field: QWidget | QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error, self.warning = _note(ERROR_STYLE), _note(WARNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(field, QLayout):
            layout.addLayout(field)
        else:
            layout.addWidget(field)
        layout.addWidget(self.error)
        layout.addWidget(self.warning)

    def show_error(self, text: str | None) -> None:
        """Show ``text`` as the field's problem, or hide the line when it is None or empty."""
        _show(self.error, text)

    def show_warning(self, text: str | None) -> None:
        """Show ``text`` as the field's caution (it does not block), or hide the line."""
        _show(self.warning, text)


def _show(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
