"""The voice form (what MetaStudio's CreateTrainingJobReq needs) and its per-field validation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

from voicerecorder.session.script import EDITIONS, LANGUAGES, TAGS
from voicerecorder.text import Bilingual

SEXES = ("FEMALE", "MALE")
SERVICES = ("VIDEO_2D", "LIVE_2D", "CHAT_2D")
"""``supported_service`` values (SDK ``SupportedServiceEnum``): 2D avatar video, live, chat."""
CREATE_TYPES = ("PACKAGE", "SEGMENT")
"""How the training data goes up: one zip (PACKAGE) or sentence by sentence (SEGMENT)."""

VOICE_NAME_MAX = 64
DESCRIPTION_MAX = 500
CUSTOM_TEXT_MAX = 200
_PHONE = re.compile(r"\+?[0-9][0-9 \-]*", re.ASCII)
PHONE_DIGITS = (5, 20)


@dataclass(frozen=True)
class VoiceForm:
    """The talent's details, sent with the training job (voice_name becomes the asset name)."""

    voice_name: str
    sex: str
    tag: str
    language: str
    description: str = ""
    phone: str = ""
    output_language: str = ""
    custom_text: str = ""
    supported_service: tuple[str, ...] = ()
    is_ondemand_resource: bool = False

    def to_dict(self) -> dict[str, str | bool | list[str]]:
        data = asdict(self)
        data["supported_service"] = list(self.supported_service)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> VoiceForm:
        texts = {name: str(data.get(name, "")) for name in cls.__dataclass_fields__ if name not in _TYPED}
        services = tuple(str(service) for service in data.get("supported_service") or ())
        on_demand = data.get("is_ondemand_resource") is True
        return cls(**texts, supported_service=services, is_ondemand_resource=on_demand)


_TYPED = ("supported_service", "is_ondemand_resource")


def _has_control(text: str, allow_newlines: bool = False) -> bool:
    allowed = "\n\t" if allow_newlines else ""
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in allowed for ch in text)


def _choice_error(value: str, choices: tuple[str, ...], field_en: str, field_zh: str) -> Bilingual | None:
    if value in choices:
        return None
    listed = ", ".join(choices)
    return Bilingual(f"Choose the {field_en}: one of {listed}.", f"请选择{field_zh}：{listed} 之一。")


def _voice_name_error(voice_name: str) -> Bilingual | None:
    name = voice_name.strip()
    if not name:
        return Bilingual(
            "Enter a voice name; it becomes the name of the voice in MetaStudio.",
            "请输入声音名称，它将成为 MetaStudio 中的声音名称。",
        )
    if len(name) > VOICE_NAME_MAX:
        return Bilingual(
            f"Shorten the voice name to at most {VOICE_NAME_MAX} characters (now {len(name)}).",
            f"声音名称最多 {VOICE_NAME_MAX} 个字符（当前 {len(name)} 个），请缩短。",
        )
    if _has_control(name):
        return Bilingual(
            "Remove the invisible control characters from the voice name (retype it).",
            "声音名称中含有不可见的控制字符，请重新输入。",
        )
    return None


def _description_error(description: str) -> Bilingual | None:
    if len(description) > DESCRIPTION_MAX:
        return Bilingual(
            f"Shorten the description to at most {DESCRIPTION_MAX} characters.",
            f"描述最多 {DESCRIPTION_MAX} 个字符，请缩短。",
        )
    if _has_control(description, allow_newlines=True):
        return Bilingual(
            "Remove the invisible control characters from the description.",
            "描述中含有不可见的控制字符，请删除。",
        )
    return None


def _phone_error(phone: str) -> Bilingual | None:
    phone = phone.strip()
    if not phone:
        return None
    digits = sum(ch.isdigit() for ch in phone)
    if _PHONE.fullmatch(phone) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return None
    return Bilingual(
        "Enter the phone number with digits only (a leading + and spaces or dashes are fine), "
        f"{PHONE_DIGITS[0]} to {PHONE_DIGITS[1]} digits, or leave it empty.",
        "请只用数字填写电话号码（可以以 + 开头，可含空格或短横线），"
        f"共 {PHONE_DIGITS[0]}–{PHONE_DIGITS[1]} 位，也可以留空。",
    )


def _output_language_error(output_language: str) -> Bilingual | None:
    if not output_language:
        return None
    return _choice_error(
        output_language, LANGUAGES, "output language (output_language)", "输出语言（output_language）"
    )


def _custom_text_error(custom_text: str) -> Bilingual | None:
    if len(custom_text) > CUSTOM_TEXT_MAX:
        return Bilingual(
            f"Shorten the preview text (custom_text) to at most {CUSTOM_TEXT_MAX} characters "
            f"(now {len(custom_text)}).",
            f"试听文本（custom_text）最多 {CUSTOM_TEXT_MAX} 个字符（当前 {len(custom_text)} 个），请缩短。",
        )
    if _has_control(custom_text):
        return Bilingual(
            "Remove the invisible control characters (and line breaks) from the preview text (custom_text).",
            "试听文本（custom_text）中含有不可见的控制字符或换行，请删除。",
        )
    return None


def _services_error(services: tuple[str, ...]) -> Bilingual | None:
    listed = ", ".join(SERVICES)
    unknown = [service for service in services if service not in SERVICES]
    if unknown:
        return Bilingual(
            f"Unknown service “{unknown[0]}” in supported_service; each must be one of {listed}.",
            f"supported_service 中的“{unknown[0]}”无效；每一项必须是 {listed} 之一。",
        )
    if len(set(services)) != len(services):
        return Bilingual(
            "Name each service in supported_service only once.",
            "supported_service 中的每项服务只能出现一次。",
        )
    return None


def validate_voice_form(form: VoiceForm, edition: str) -> dict[str, Bilingual]:
    """Per-field problems of ``form`` and ``edition`` (field name -> message); empty when valid.

    The keys are the VoiceForm field names plus ``edition``, so a UI can show each message
    at its field.
    """
    errors = {
        "voice_name": _voice_name_error(form.voice_name),
        "sex": _choice_error(form.sex, SEXES, "sex", "性别"),
        "tag": _choice_error(form.tag, TAGS, "scenario tag", "场景标签"),
        "language": _choice_error(form.language, LANGUAGES, "language", "语言"),
        "edition": _choice_error(edition, EDITIONS, "edition", "版本"),
        "description": _description_error(form.description),
        "phone": _phone_error(form.phone),
        "output_language": _output_language_error(form.output_language),
        "custom_text": _custom_text_error(form.custom_text),
        "supported_service": _services_error(form.supported_service),
    }
    return {field: message for field, message in errors.items() if message is not None}


def voice_form_warnings(form: VoiceForm, edition: str) -> dict[str, Bilingual]:
    """Per-field cautions that do not block the form (field name -> message); empty when none.

    English training: the service documents training ``language`` as Chinese only (SDK
    CreateTrainingJobReq: 训练语言，当前仅支持中文). On-demand resources: the quota answer
    has a figure only for MIDDLE (``middle_on_demand``).
    """
    warnings = {}
    if form.language == "EN":
        warnings["language"] = Bilingual(
            "MetaStudio documents voice training as Chinese only (CN); an English (EN) training job may "
            "be refused or train poorly. The quality check and recording work in English.",
            "MetaStudio 文档说明声音训练目前仅支持中文（CN）；英文（EN）训练任务可能被拒绝或效果不佳。"
            "质量检测和录音可以使用英文。",
        )
    if form.is_ondemand_resource and edition != "MIDDLE":
        warnings["is_ondemand_resource"] = Bilingual(
            f"On-demand (pay-per-use) resources are documented only for the MIDDLE edition; a {edition} "
            "job asks for them at your own risk.",
            f"按需（按使用量计费）资源仅在 MIDDLE 版本中有文档说明；{edition} 任务使用按需资源需自行确认。",
        )
    return warnings
