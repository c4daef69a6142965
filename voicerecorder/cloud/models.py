"""Typed requests and results of the MetaStudio voice-training operations (field names as in the API)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from voicerecorder.cloud.errors import ParameterError
from voicerecorder.cloud.states import JOB_STATES
from voicerecorder.text import Bilingual

EDITIONS = ("BASIC", "MIDDLE", "ADVANCE")
SEXES = ("FEMALE", "MALE")
LANGUAGES = ("CN", "EN")
TAGS = ("ECOMMERCE", "NEWS", "MARKETING", "LIVE", "EDUCATION", "CUSTOMER", "STORYTELLING")
CREATE_TYPES = ("PACKAGE", "SEGMENT")
SERVICES = ("VIDEO_2D", "LIVE_2D", "CHAT_2D")
SORT_KEYS = ("create_time", "update_time")
SORT_DIRS = ("asc", "desc")


def check_choice(field: str, value: str | None, allowed: Iterable[str]) -> None:
    """Raise :class:`ParameterError` naming ``field`` when ``value`` is set and not one of ``allowed``."""
    allowed = tuple(allowed)
    if value is not None and value not in allowed:
        raise ParameterError(
            Bilingual(
                f"“{value}” is not a valid {field}. Use one of: {', '.join(allowed)}.",
                f"“{value}”不是有效的 {field}。可选值：{'、'.join(allowed)}。",
            ),
            field=field,
        )


def check_text(field: str, value: str | None, *, required: bool = False) -> None:
    """Raise :class:`ParameterError` when a required text is empty or any text is only spaces."""
    if (required and not value) or (value is not None and not value.strip()):
        raise ParameterError(
            Bilingual(f"Enter a value for {field}.", f"请填写 {field}。"),
            field=field,
        )


def check_range(field: str, value: int | None, low: int, high: int) -> None:
    """Raise :class:`ParameterError` naming ``field`` when ``value`` is set and outside [low, high]."""
    if value is not None and not low <= value <= high:
        raise ParameterError(
            Bilingual(
                f"{field} must be between {low} and {high}, not {value}.",
                f"{field} 必须介于 {low} 与 {high} 之间，而不是 {value}。",
            ),
            field=field,
        )


@dataclass(frozen=True)
class CreateShortJobReq:
    """Body of CreateShortJob: a voice-quality assessment (VOICE_ASSESS) in ``language``."""

    job_type: str = "VOICE_ASSESS"
    language: str | None = "CN"

    def __post_init__(self) -> None:
        check_choice("job_type", self.job_type, ("VOICE_ASSESS",))
        check_choice("language", self.language, LANGUAGES)


@dataclass(frozen=True)
class CreateShortJobResult:
    """The new short job's id and the pre-signed URL for its zip (``application/zip``)."""

    job_id: str
    data_uploading_url: str | None = None


@dataclass(frozen=True)
class AssessProperty:
    """One assessment metric: expected range, measured value, advice (zh / en), out-of-range status."""

    expected: str | None = None
    actual: str | None = None
    suggestion: str | None = None
    suggestion_en: str | None = None
    status: int | None = None


@dataclass(frozen=True)
class AssessResult:
    """The six assessment metrics and the overall suggestion."""

    speed: AssessProperty | None = None
    sound: AssessProperty | None = None
    snr: AssessProperty | None = None
    reverb: AssessProperty | None = None
    dnsmos_ovrl: AssessProperty | None = None
    dnsmos_bak: AssessProperty | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class ShortJob:
    """ShowShortJob: state of an assessment job and, once SUCCEED, its result."""

    job_id: str
    state: str
    job_type: str | None = None
    job_failed_code: str | None = None
    job_failed_reason: str | None = None
    create_time: int | None = None
    lastupdate_time: int | None = None
    assess_result: AssessResult | None = None


@dataclass(frozen=True)
class CreateTrainingJobReq:
    """Body of CreateTraining{Basic,Middle,Advance}Job."""

    voice_name: str
    sex: str | None = None
    language: str | None = None
    tag: str | None = None
    create_type: str | None = None
    description: str | None = None
    phone: str | None = None
    dhtms_job_id: str | None = None
    batch_name: str | None = None
    output_language: str | None = None
    custom_text: str | None = None
    is_ondemand_resource: bool | None = None
    supported_service: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        check_text("voice_name", self.voice_name, required=True)
        check_choice("sex", self.sex, SEXES)
        check_choice("language", self.language, LANGUAGES)
        check_choice("tag", self.tag, TAGS)
        check_choice("create_type", self.create_type, CREATE_TYPES)
        for service in self.supported_service or ():
            check_choice("supported_service", service, SERVICES)


@dataclass(frozen=True)
class SegmentUploadingUrls:
    """Per-sentence upload URLs: audio (``audio/wav``) and text (``text/plain``), by index."""

    audio_uploading_url: tuple[str, ...] = ()
    txt_uploading_url: tuple[str, ...] = ()


@dataclass(frozen=True)
class CreateTrainingJobResult:
    """The new training job's id and its upload URLs (package zip or per-sentence, and the letter)."""

    job_id: str
    training_data_uploading_url: str | None = None
    segment_uploading_url: SegmentUploadingUrls | None = None
    authorization_letter_uploading_url: str | None = None


@dataclass(frozen=True)
class CommitJobReq:
    """Optional body of CommitVoiceTrainingJob (the form's final values)."""

    tag: str | None = None
    description: str | None = None
    sex: str | None = None
    voice_name: str | None = None
    language: str | None = None
    phone: str | None = None
    app_user_id: str | None = None
    output_language: str | None = None
    custom_text: str | None = None

    def __post_init__(self) -> None:
        check_text("voice_name", self.voice_name)
        check_choice("sex", self.sex, SEXES)
        check_choice("language", self.language, LANGUAGES)
        check_choice("tag", self.tag, TAGS)


@dataclass(frozen=True)
class AllocatedResource:
    """The training resource a job consumed."""

    resource_id: str | None = None
    charge_mode: str | None = None
    expire_time: str | None = None


@dataclass(frozen=True)
class TrainingJob:
    """ShowVoiceTrainingJob / one entry of ListVoiceTrainingJob."""

    job_id: str
    state: str
    job_type: str | None = None
    app_user_id: str | None = None
    voice_name: str | None = None
    sex: str | None = None
    language: str | None = None
    reject_times: int | None = None
    asset_id: str | None = None
    job_failed_code: str | None = None
    job_failed_reason: str | None = None
    create_time: int | None = None
    lastupdate_time: int | None = None
    voice_authorization_url: str | None = None
    training_input_source_url: str | None = None
    create_type: str | None = None
    tag: str | None = None
    phone: str | None = None
    dhtms_job_id: str | None = None
    batch_name: str | None = None
    output_language: str | None = None
    allocated_resource: AllocatedResource | None = None
    is_remake: bool | None = None
    assess_result: AssessResult | None = None
    is_ondemand_resource: bool | None = None


@dataclass(frozen=True)
class ListJobsQuery:
    """Filters of ListVoiceTrainingJob; ``state`` is sent comma-separated."""

    offset: int | None = None
    limit: int | None = None
    create_until: str | None = None
    create_since: str | None = None
    update_until: str | None = None
    update_since: str | None = None
    state: tuple[str, ...] = ()
    job_id: str | None = None
    voice_name: str | None = None
    tag: str | None = None
    job_type: str | None = None
    batch_name: str | None = None
    sort_key: str | None = None
    sort_dir: str | None = None
    is_ondemand_resource: bool | None = None

    def __post_init__(self) -> None:
        for state in self.state:
            check_choice("state", state, JOB_STATES)
        check_choice("sort_key", self.sort_key, SORT_KEYS)
        check_choice("sort_dir", self.sort_dir, SORT_DIRS)
        check_range("offset", self.offset, 0, 2147483647)
        check_range("limit", self.limit, 1, 100)

    def query_pairs(self) -> list[tuple[str, str]]:
        """The filters as query (name, value) pairs; booleans as ``true``/``false``."""
        pairs = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is None or value == ():
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif isinstance(value, tuple):
                value = ",".join(value)
            pairs.append((name, str(value)))
        return pairs


@dataclass(frozen=True)
class JobList:
    """ListVoiceTrainingJob: total matches and this page of jobs."""

    count: int = 0
    jobs: tuple[TrainingJob, ...] = ()


@dataclass(frozen=True)
class AuditError:
    """One file the system review rejected (e.g. ``7.wav``) and why."""

    audio_name: str | None = None
    text_name: str | None = None
    error_code: str | None = None
    error_message: str | None = None


@dataclass(frozen=True)
class SystemAuditResult:
    """Automatic review outcome."""

    audit_time: int | None = None
    errors: tuple[AuditError, ...] = ()


@dataclass(frozen=True)
class AdminAuditResult:
    """Manual review outcome: the reviewer's comment and an optional attachment."""

    message: str | None = None
    attachment_name: str | None = None
    attachment_url: str | None = None
    audit_time: int | None = None


@dataclass(frozen=True)
class AuditResult:
    """ShowJobAuditResult."""

    system_audit_result: SystemAuditResult | None = None
    admin_audit_result: AdminAuditResult | None = None


@dataclass(frozen=True)
class PackageUrl:
    """The re-issued package upload URL (``application/zip``)."""

    training_data_uploading_url: str | None = None


@dataclass(frozen=True)
class UploadingAddress:
    """ShowJobUploadingAddress: fresh upload URLs of a training job."""

    segment_url: SegmentUploadingUrls | None = None
    package_url: PackageUrl | None = None
    authorization_letter_uploading_url: str | None = None


@dataclass(frozen=True)
class TenantDurationCfg:
    """ShowTenantDurationCfg: the tenant's audio-duration limits in seconds, per edition."""

    tenant_id: str | None = None
    basic_min: int | None = None
    basic_max: int | None = None
    basic_advice_value: int | None = None
    middle_min: int | None = None
    middle_max: int | None = None
    middle_advice_value: int | None = None
    advance_min: int | None = None
    advance_max: int | None = None
    advance_advice_value: int | None = None
    flexus_min: int | None = None
    flexus_max: int | None = None
    flexus_advice_value: int | None = None
    cmww_min: int | None = None
    cmww_max: int | None = None
    cmww_advice_value: int | None = None
    ljzn_min: int | None = None
    ljzn_max: int | None = None
    ljzn_advice_value: int | None = None
    short_assess_min: int | None = None
    short_assess_max: int | None = None

    def bounds(self, edition: str) -> tuple[int | None, int | None]:
        """(min, max) total seconds for ``edition`` (BASIC, MIDDLE or ADVANCE)."""
        check_choice("edition", edition, EDITIONS)
        prefix = edition.lower()
        return getattr(self, f"{prefix}_min"), getattr(self, f"{prefix}_max")


@dataclass(frozen=True)
class ResourceAvailableNums:
    """How many training resources of each kind are left."""

    flexus: int | None = None
    basic: int | None = None
    middle: int | None = None
    middle_on_demand: int | None = None
    advance: int | None = None
    third_party_cmww: int | None = None

    def for_edition(self, edition: str) -> int:
        """Resources left for ``edition`` (0 when the service does not say)."""
        return self.figure(edition) or 0

    def figure(self, edition: str, on_demand: bool = False) -> int | None:
        """Resources left for ``edition``, None when the answer has no figure for it; with
        ``on_demand`` a MIDDLE job counts pay-per-use resources (``middle_on_demand``)."""
        check_choice("edition", edition, EDITIONS)
        return getattr(self, "middle_on_demand" if on_demand and edition == "MIDDLE" else edition.lower())


@dataclass(frozen=True)
class VoiceTrainingResource:
    """One purchased or allocated training resource."""

    operation_type: str | None = None
    resource_source: str | None = None
    asset_id: str | None = None
    resource_id: str | None = None
    resource_nums: int | None = None
    resource_available_nums: int | None = None
    resource_type: str | None = None
    charge_mode: str | None = None
    expire_time: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class TrainingQuotas:
    """ShowVoiceTrainingQuotas."""

    count: int | None = None
    resource_available_nums: ResourceAvailableNums | None = None
    resources: tuple[VoiceTrainingResource, ...] = ()


@dataclass(frozen=True)
class SegmentConfirmResult:
    """ConfirmTrainingSegment: whether the sentence's audio matched its text."""

    confirm_result: bool = False
    unmatched_index_hit: tuple[int, ...] = ()


@dataclass(frozen=True)
class SegmentInfo:
    """ShowTrainingSegmentInfo: sentence indices already confirmed."""

    confirmed_index: tuple[int, ...] = ()
