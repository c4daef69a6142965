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


class CheckedField(QVBoxLayout):
    """``field`` (a widget or a layout) above its ``error`` and ``warning`` labels, each hidden while empty.

    A form row puts it beside its label, so a message is shown next to the field it names. A layout,
    not a widget: the input keeps the page as its parent, so nothing clips its focus ring. GUI thread only.
    """

    def __init__(self, field: QWidget | QLayout) -> None:
        super().__init__()
        self.error, self.warning = _note(ERROR_STYLE), _note(WARNING_STYLE)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(2)
        if isinstance(field, QLayout):
            self.addLayout(field)
        else:
            self.addWidget(field)
        self.addWidget(self.error)
        self.addWidget(self.warning)

    def show_error(self, text: str | None) -> None:
        """Show ``text`` as the field's problem, or hide the line when it is None or empty."""
        _show(self.error, text)

    def show_warning(self, text: str | None) -> None:
        """Show ``text`` as the field's caution (it does not block), or hide the line."""
        _show(self.warning, text)


def _show(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
