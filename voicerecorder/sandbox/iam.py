"""The slice of IAM the app uses: password tokens (POST /v3/auth/tokens) and GET /v3/projects."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from voicerecorder.regions import DEFAULT_REGION, REGIONS
from voicerecorder.sandbox.auth import Authenticator, rfc3339
from voicerecorder.sandbox.credentials import (
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    DEMO_USER,
    is_project_id,
    project_id_for,
)

DOMAIN_ID = "5a1d0b0c5a1d0b0c5a1d0b0c5a1d0b0c"
USER_ID = "7e57ab1e7e57ab1e7e57ab1e7e57ab1e"


@dataclass
class IamAnswer:
    """Status, extra headers and JSON body of an IAM response."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, code: str, message: str) -> IamAnswer:
    return IamAnswer(status, {"error_code": code, "error_msg": message})


def _password_login(body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | IamAnswer:
    identity = body.get("auth", {}).get("identity", {})
    if "password" not in (identity.get("methods") or []):
        return _error(400, "IAM.0003", 'auth.identity.methods must contain "password".')
    user = identity.get("password", {}).get("user", {})
    domain = (user.get("domain") or {}).get("name")
    if (user.get("name"), user.get("password"), domain) != (DEMO_USER, DEMO_PASSWORD, DEMO_DOMAIN):
        return _error(401, "IAM.0005", "The username or password is wrong.")
    return user, body.get("auth", {}).get("scope") or {}


def _scoped_project(scope: dict[str, Any]) -> dict[str, str] | IamAnswer:
    project = scope.get("project") or {}
    if project.get("id"):
        if not is_project_id(str(project["id"])):
            return _error(400, "IAM.0003", "scope.project.id must be 32 hexadecimal digits.")
        return {"id": project["id"], "name": project.get("name", DEFAULT_REGION)}
    if project.get("name"):
        return {"id": project_id_for(project["name"]), "name": project["name"]}
    return _error(400, "IAM.0003", "Scope the token to a project: auth.scope.project.name = the region id.")


def create_token(auth: Authenticator, raw_body: bytes, now: float) -> IamAnswer:
    """POST /v3/auth/tokens with password authentication, scoped to a project."""
    try:
        body = json.loads(raw_body or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _error(400, "IAM.0003", "The request body is not JSON.")
    login = (
        _password_login(body)
        if isinstance(body, dict)
        else _error(400, "IAM.0003", "Body must be an object.")
    )
    if isinstance(login, IamAnswer):
        return login
    project = _scoped_project(login[1])
    if isinstance(project, IamAnswer):
        return project
    token, expires = auth.issue_token(project["id"], DEMO_USER, now)
    domain = {"id": DOMAIN_ID, "name": DEMO_DOMAIN}
    payload = {
        "token": {
            "methods": ["password"],
            "expires_at": rfc3339(expires),
            "issued_at": rfc3339(now),
            "user": {"id": USER_ID, "name": DEMO_USER, "domain": domain, "password_expires_at": ""},
            "project": {**project, "domain": domain},
            "roles": [{"id": "0", "name": "te_admin"}],
            "catalog": [],
        }
    }
    return IamAnswer(201, payload, {"X-Subject-Token": token})


def list_projects(region: str | None) -> IamAnswer:
    """GET /v3/projects?name=REGION: the sandbox has one project per region."""
    names = [region] if region else list(REGIONS)
    projects = [
        {
            "id": project_id_for(name),
            "name": name,
            "domain_id": DOMAIN_ID,
            "enabled": True,
            "is_domain": False,
            "parent_id": DOMAIN_ID,
            "description": "",
            "links": {"self": ""},
        }
        for name in names
    ]
    return IamAnswer(200, {"projects": projects, "links": {"self": "", "previous": None, "next": None}})
