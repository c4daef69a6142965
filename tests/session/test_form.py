import pytest

from voicerecorder.session.form import CUSTOM_TEXT_MAX, VoiceForm, validate_voice_form, voice_form_warnings


def form(**changes) -> VoiceForm:
    values = {"voice_name": "Ada", "sex": "FEMALE", "tag": "NEWS", "language": "EN"} | changes
    return VoiceForm(**values)


def test_a_complete_form_is_valid():
    assert (
        validate_voice_form(form(phone="+86 138-0013-8000", description="Line one\nline two"), "BASIC") == {}
    )


@pytest.mark.parametrize(
    ("changes", "edition", "field"),
    [
        ({"voice_name": "   "}, "BASIC", "voice_name"),
        ({"voice_name": "x" * 65}, "BASIC", "voice_name"),
        ({"voice_name": "Ada\x07"}, "BASIC", "voice_name"),
        ({"voice_name": "Ada\u200e"}, "BASIC", "voice_name"),
        ({"sex": "OTHER"}, "BASIC", "sex"),
        ({"tag": "SPORTS"}, "BASIC", "tag"),
        ({"language": "FR"}, "BASIC", "language"),
        ({}, "ULTRA", "edition"),
        ({"phone": "call me"}, "BASIC", "phone"),
        ({"phone": "12"}, "BASIC", "phone"),
        ({"phone": "1" * 21}, "BASIC", "phone"),
        ({"phone": "138+0013"}, "BASIC", "phone"),
        ({"description": "d" * 501}, "BASIC", "description"),
        ({"description": "bell\x07"}, "BASIC", "description"),
        ({"output_language": "FR"}, "BASIC", "output_language"),
        ({"custom_text": "c" * (CUSTOM_TEXT_MAX + 1)}, "BASIC", "custom_text"),
        ({"custom_text": "line\nbreak"}, "BASIC", "custom_text"),
        ({"supported_service": ("VIDEO_2D", "TV")}, "BASIC", "supported_service"),
        ({"supported_service": ("LIVE_2D", "LIVE_2D")}, "BASIC", "supported_service"),
    ],
)
def test_each_bad_field_is_reported_at_its_field(changes, edition, field):
    errors = validate_voice_form(form(**changes), edition)
    assert list(errors) == [field]
    message = errors[field]
    assert message.en
    assert message.zh
    assert message.en != message.zh


def test_several_errors_at_once():
    errors = validate_voice_form(form(voice_name="", sex="", phone="abc"), "MIDDLE")
    assert set(errors) == {"voice_name", "sex", "phone"}


def test_unicode_names_and_empty_phone_are_fine():
    assert validate_voice_form(form(voice_name="张伟 Zoë", phone=""), "MIDDLE") == {}


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"output_language": "FR"}, "CN, EN"),
        ({"custom_text": "c" * (CUSTOM_TEXT_MAX + 1)}, f"at most {CUSTOM_TEXT_MAX} characters"),
        ({"supported_service": ("TV",)}, "VIDEO_2D, LIVE_2D, CHAT_2D"),
        ({"supported_service": ("LIVE_2D", "LIVE_2D")}, "only once"),
    ],
)
def test_the_job_field_messages_name_the_field_and_the_rule(changes, rule):
    [(field, message)] = validate_voice_form(form(**changes), "BASIC").items()
    assert field in message.en
    assert field in message.zh
    assert rule in message.en


def test_every_job_field_is_valid_when_set_and_survives_a_round_trip():
    full = form(
        language="CN",
        output_language="CN",
        custom_text="欢迎使用新的声音。",
        supported_service=("VIDEO_2D", "LIVE_2D", "CHAT_2D"),
        is_ondemand_resource=True,
    )
    assert validate_voice_form(full, "MIDDLE") == {}
    assert VoiceForm.from_dict(full.to_dict()) == full
    assert full.to_dict()["supported_service"] == ["VIDEO_2D", "LIVE_2D", "CHAT_2D"]
    assert VoiceForm.from_dict(
        {"voice_name": "Old", "sex": "MALE", "tag": "NEWS", "language": "CN"}
    ) == VoiceForm("Old", "MALE", "NEWS", "CN")


def test_english_training_is_a_warning_not_an_error():
    english = form(language="EN")
    assert validate_voice_form(english, "BASIC") == {}
    warning = voice_form_warnings(english, "BASIC")["language"]
    assert "Chinese only" in warning.en
    assert "仅支持中文" in warning.zh
    assert voice_form_warnings(form(language="CN"), "BASIC") == {}


def test_on_demand_outside_middle_is_a_warning():
    assert voice_form_warnings(form(language="CN", is_ondemand_resource=True), "MIDDLE") == {}
    warning = voice_form_warnings(form(language="CN", is_ondemand_resource=True), "BASIC")
    assert list(warning) == ["is_ondemand_resource"]
    assert "MIDDLE" in warning["is_ondemand_resource"].en
    assert "MIDDLE" in warning["is_ondemand_resource"].zh
