"""The Voice details page's "More options": the job fields most people leave as they are.

``supported_service``, ``output_language``, ``custom_text``, ``is_ondemand_resource``, ``phone``
and ``description`` of the voice form (voicerecorder.session.form, which also holds their rules),
behind a checkable toggle that keeps them out of sight until asked for.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.session.form import SERVICES, VoiceForm
from voicerecorder.session.script import LANGUAGES
from voicerecorder.text import Bilingual
from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.style import FOCUS_RING_WIDTH
from voicerecorder.ui.widgets.checked_field import CheckedField

OPTION_FIELDS = (
    "supported_service", "output_language", "custom_text", "is_ondemand_resource", "phone", "description",
)  # fmt: skip


class VoiceOptions(Retranslating, QWidget):
    """The toggle and, when it is on, the optional fields; ``changed`` fires on every edit.

    GUI thread only.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.services = {service: QCheckBox() for service in SERVICES}
        self.output_language = QComboBox()
        for value in ("", *LANGUAGES):
            self.output_language.addItem(value, value)
        self.custom_text = QLineEdit()
        self.on_demand = QCheckBox()
        self.phone = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(56)
        self.labels = {name: QLabel() for name in OPTION_FIELDS if name != "is_ondemand_resource"}
        self.panel = QWidget()
        self.fields = self._layout()
        self.panel.hide()
        self.toggle.toggled.connect(self._toggled)
        self._connect()
        self.retranslate()

    def _inputs(self) -> dict[str, QWidget]:
        return {
            "supported_service": self.services[SERVICES[0]], "output_language": self.output_language,
            "custom_text": self.custom_text, "is_ondemand_resource": self.on_demand, "phone": self.phone,
            "description": self.description,
        }  # fmt: skip

    def _layout(self) -> dict[str, CheckedField]:
        row = QHBoxLayout()
        for box in self.services.values():
            row.addWidget(box)
        row.addStretch(1)
        fields = {
            name: CheckedField(row if name == "supported_service" else widget)
            for name, widget in self._inputs().items()
        }
        left, right = QFormLayout(), QFormLayout()
        for form, names in (
            (left, ("supported_service", "output_language", "is_ondemand_resource")),
            (right, ("custom_text", "phone", "description")),
        ):
            for name in names:
                if name in self.labels:
                    self.labels[name].setBuddy(self._inputs()[name])
                    form.addRow(self.labels[name], fields[name])
                else:
                    form.addRow(fields[name])
        columns = QHBoxLayout(self.panel)
        columns.setContentsMargins(16, FOCUS_RING_WIDTH, FOCUS_RING_WIDTH, FOCUS_RING_WIDTH)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(FOCUS_RING_WIDTH,) * 4)  # room for the focus ring around the toggle
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.panel)
        return fields

    def _connect(self) -> None:
        """Every edit fires ``changed`` and clears the problem shown at the field edited."""
        edits = {
            "output_language": self.output_language.currentIndexChanged,
            "custom_text": self.custom_text.textChanged, "is_ondemand_resource": self.on_demand.toggled,
            "phone": self.phone.textChanged,
            "description": self.description.textChanged,
        }  # fmt: skip
        signals = [("supported_service", box.toggled) for box in self.services.values()] + list(edits.items())
        for name, signal in signals:
            signal.connect(self.changed)
            signal.connect(lambda *_args, name=name: self.fields[name].show_error(None))

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Mo&re options"))
        self.toggle.setAccessibleName(self.tr("More options"))
        texts = {
            "supported_service": self.tr("Used for:"), "output_language": self.tr("Output langu&age:"),
            "custom_text": self.tr("Previe&w text:"), "phone": self.tr("&Phone:"),
            "description": self.tr("&Description:"),
        }  # fmt: skip
        for name, text in texts.items():
            self.labels[name].setText(text)
        names = {
            "VIDEO_2D": self.tr("2D avatar video"), "LIVE_2D": self.tr("2D live streaming"),
            "CHAT_2D": self.tr("2D chat"),
        }  # fmt: skip
        for service, box in self.services.items():
            box.setText(names[service])
            box.setToolTip(service)
        languages = {
            "": self.tr("Not set (the service decides)"), "CN": self.tr("Chinese (CN)"),
            "EN": self.tr("English (EN)"),
        }  # fmt: skip
        for row in range(self.output_language.count()):
            self.output_language.setItemText(row, languages[self.output_language.itemData(row)])
        self.output_language.setAccessibleName(self.tr("Output language"))
        self.custom_text.setPlaceholderText(self.tr("The sentence MetaStudio speaks with the new voice"))
        self.custom_text.setAccessibleName(self.tr("Preview text"))
        self.on_demand.setText(self.tr("Pa&y per use (on-demand training resource)"))
        self.phone.setPlaceholderText(self.tr("+86 138 0000 0000"))
        self.phone.setAccessibleName(self.tr("Phone"))
        self.description.setAccessibleName(self.tr("Description"))

    def _toggled(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def apply(self, form: VoiceForm) -> VoiceForm:
        """``form`` with the values of these fields."""
        return replace(
            form,
            supported_service=tuple(s for s, box in self.services.items() if box.isChecked()),
            output_language=self.output_language.currentData(),
            custom_text=self.custom_text.text(),
            is_ondemand_resource=self.on_demand.isChecked(),
            phone=self.phone.text(),
            description=self.description.toPlainText(),
        )

    def set_form(self, form: VoiceForm) -> None:
        """Fill these fields from ``form`` (the section opens when any of them is set)."""
        for service, box in self.services.items():
            box.setChecked(service in form.supported_service)
        self.output_language.setCurrentIndex(max(0, self.output_language.findData(form.output_language)))
        self.custom_text.setText(form.custom_text)
        self.on_demand.setChecked(form.is_ondemand_resource)
        self.phone.setText(form.phone)
        self.description.setPlainText(form.description)
        self.toggle.setChecked(any(getattr(form, name) != getattr(_EMPTY, name) for name in OPTION_FIELDS))

    def show_problems(self, problems: dict[str, Bilingual]) -> QWidget | None:
        """Show each field's problem beside it (clearing the others); the section opens when a field has
        one. Returns the input of the first field with a problem, or None."""
        first = None
        for name in OPTION_FIELDS:
            problem = problems.get(name)
            self.fields[name].show_error(pick(problem) if problem else None)
            if problem is not None and first is None:
                first = self._inputs()[name]
        if first is not None:
            self.toggle.setChecked(True)
        return first

    def show_warnings(self, warnings: dict[str, Bilingual]) -> None:
        """Show each field's caution (it does not block) beside it, clearing the others."""
        for name in OPTION_FIELDS:
            self.fields[name].show_warning(pick(warnings[name]) if name in warnings else None)


_EMPTY = VoiceForm(voice_name="", sex="", tag="", language="")
