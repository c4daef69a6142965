"""The errors the sandbox answers with, shaped like the real gateway, MetaStudio and OBS.

Codes marked "documented" appear in the MetaStudio / API Gateway / OBS documentation;
codes marked "sandbox" are the sandbox's own choice where the public documentation shows
no number (they sit in the documented ``MSS.2002xxxx`` audit block or ``MSS.1000xxxx``
parameter block so a client maps them the same way).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ApiErrorCode:
    """One error: HTTP status, code and the message the sandbox sends with it."""

    status: int
    code: str
    message: str


# API Gateway (documented).
GATEWAY_API_NOT_FOUND = ApiErrorCode(404, "APIGW.0101", "The API does not exist or has not been published.")
GATEWAY_AUTH_FAILED = ApiErrorCode(401, "APIGW.0301", "Incorrect IAM authentication information: {detail}")
GATEWAY_SIGNATURE_EXPIRED = ApiErrorCode(
    401,
    "APIGW.0303",
    "Incorrect app authentication information: the X-Sdk-Date {detail} differs from the server time "
    "by more than 15 minutes.",
)
GATEWAY_THROTTLED = ApiErrorCode(429, "APIGW.0308", "The throttling threshold has been reached.")

# MetaStudio (documented).
MSS_METHOD_NOT_ALLOWED = ApiErrorCode(400, "MSS.00010004", "Method {method} is not allowed on {path}.")
MSS_PROJECT_MISMATCH = ApiErrorCode(
    400, "MSS.00010009", "The project in the URL ({url}) is not yours ({own})."
)
MSS_NOT_JSON = ApiErrorCode(400, "MSS.10000002", "The request body is not JSON: {detail}")
MSS_INVALID_PARAMETER = ApiErrorCode(400, "MSS.10000003", "Parameter validation failed: {detail}")
MSS_INTERNAL = ApiErrorCode(500, "MSS.00000005", "Internal error: {detail}")
# MetaStudio (sandbox numbers for documented situations).
MSS_JOB_NOT_FOUND = ApiErrorCode(400, "MSS.10000004", "The job {job_id} does not exist.")
MSS_WRONG_JOB_STATE = ApiErrorCode(
    400, "MSS.10000005", "The job {job_id} is {state}; {action} is not allowed."
)
MSS_NO_DATA_UPLOADED = ApiErrorCode(
    400, "MSS.20020001", "No training data has been uploaded for job {job_id}; upload it before committing."
)
MSS_NO_RESOURCE = ApiErrorCode(
    400, "MSS.20020002", "No {resource_type} voice-training resource is available; buy or free one first."
)
MSS_SEGMENTS_MISSING = ApiErrorCode(
    400, "MSS.20020003", "Sentences {indices} have not been confirmed; confirm every sentence first."
)


class SandboxError(Exception):
    """A request the sandbox refuses: rendered as the JSON error body of ``code``."""

    def __init__(self, code: ApiErrorCode, **values: object) -> None:
        self.code = code
        self.message = code.message.format(**values)
        super().__init__(f"{code.code}: {self.message}")

    @property
    def status(self) -> int:
        """The HTTP status."""
        return self.code.status

    def body(self, request_id: str) -> dict[str, str]:
        """The JSON body: gateway errors carry ``request_id`` as well."""
        body = {"error_code": self.code.code, "error_msg": self.message}
        if self.code.code.startswith("APIGW."):
            body["request_id"] = request_id
        return body
