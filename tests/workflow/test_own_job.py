"""Crash recovery adopts the job this session's intent created, found by its batch mark, and
never a job of another session, a job the session already knows, or an arbitrary duplicate."""

from __future__ import annotations

import pytest
from support.cloud_fake import AK, PROJECT_ID, SK, FakeCloud, Reply
from support.workflow_rig import FAST_POLL, FAST_RETRY, VOICE, client_of, training_jobs

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.errors import NetworkError
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.recovery import batch_mark, find_created
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track

TOKEN = "0f" * 16
MARK = batch_mark(TOKEN)
INTENT = {"token": TOKEN, "batch_name": MARK, "voice_name": VOICE, "edition": "BASIC"}


def _cut(after_create: bool) -> type[MetaStudioClient]:
    class Cut(MetaStudioClient):
        """The connection breaks on the create: after the service made the job, or before."""

        def create_training_job(self, edition, req):
            if after_create:
                super().create_training_job(edition, req)
            raise NetworkError(Bilingual("The connection was cut.", "连接中断。"))

    return Cut


def _interrupted(session, client, *, after_create: bool) -> dict:
    with pytest.raises(NetworkError):
        submit(session, _cut(after_create)(client.config, retry=FAST_RETRY))
    [intent] = session.jobs(records.TRAINING)
    assert intent["job_id"] is None
    return intent


def test_the_intent_mark_travels_with_the_create_and_finds_the_job(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    intent = _interrupted(session, client, after_create=True)
    [created] = training_jobs(client)
    assert created.batch_name == intent["intent"]["batch_name"] == batch_mark(intent["intent"]["token"])
    outcome = submit(session, client)
    assert (outcome.action, outcome.job_id) == ("resumed", created.job_id)


def test_another_sessions_job_with_the_same_voice_name_is_never_adopted(sandbox, make_session):
    client = client_of(sandbox())
    mine = make_session("mine", voice_name=VOICE)
    theirs = make_session("theirs", voice_name=VOICE)
    _interrupted(mine, client, after_create=False)
    _interrupted(theirs, client, after_create=True)
    [their_job] = training_jobs(client)
    assert their_job.voice_name == VOICE
    assert their_job.state == "CREATING"

    my_outcome = submit(mine, client)
    assert my_outcome.action == "created"
    assert my_outcome.job_id != their_job.job_id
    their_outcome = submit(theirs, client)
    assert (their_outcome.action, their_outcome.job_id) == ("resumed", their_job.job_id)
    assert track(theirs, client, policy=FAST_POLL).state == "SUCCEED"
    both = sorted([my_outcome.job_id, their_job.job_id])
    assert sorted(job.job_id for job in training_jobs(client)) == both


def _job(job_id: str, batch_name: str, create_time: int) -> dict:
    return {
        "job_id": job_id,
        "voice_name": VOICE,
        "job_type": "BASIC",
        "state": "CREATING",
        "batch_name": batch_name,
        "create_time": create_time,
    }


@pytest.fixture
def fake():
    with FakeCloud() as server:
        yield server


@pytest.fixture
def fake_client(fake):
    config = build_config(region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    return MetaStudioClient(config, retry=FAST_RETRY)


def _listing(fake: FakeCloud, *jobs: dict) -> None:
    fake.reply("GET", fake.ms_path("user/jobs"), Reply(body={"count": len(jobs), "jobs": list(jobs)}))


def test_the_lookup_asks_by_mark_only_never_by_voice_name_or_time(fake, fake_client, make_session):
    _listing(fake, _job("mine", MARK, 1_700_000_000_000))
    assert find_created(make_session(with_takes=()), fake_client, INTENT).job_id == "mine"
    [seen] = fake.calls("GET", fake.ms_path("user/jobs"))
    query = dict(seen.query)
    assert query["batch_name"] == MARK
    assert query["job_type"] == "BASIC"
    assert not {"voice_name", "create_since", "create_until"} & set(query)


def test_a_similarly_marked_job_is_not_ours_even_when_the_service_lists_it(fake, fake_client, make_session):
    _listing(
        fake,
        _job("longer", MARK + "0", 1_700_000_000_000),
        _job("shorter", MARK[:-1], 1_700_000_000_001),
        _job("unmarked", "", 1_700_000_000_002),
    )
    assert find_created(make_session(with_takes=()), fake_client, INTENT) is None


def test_a_job_the_session_already_knows_is_skipped(fake, fake_client, make_session):
    session = make_session(with_takes=())
    records.save(session, records.TRAINING, {"job_id": "known", "step": "committed"}, new=True)
    records.save(session, records.TRAINING, {"intent": INTENT, "job_id": None, "step": "intent"}, new=True)
    _listing(fake, _job("known", MARK, 1_700_000_000_000), _job("new", MARK, 1_700_000_000_500))
    assert find_created(session, fake_client, INTENT).job_id == "new"
    _listing(fake, _job("known", MARK, 1_700_000_000_000))
    assert find_created(session, fake_client, INTENT) is None


def test_of_two_marked_jobs_the_first_created_is_taken_whatever_the_listing_order(
    fake, fake_client, make_session
):
    session = make_session(with_takes=())
    _listing(fake, _job("later", MARK, 1_700_000_000_900), _job("first", MARK, 1_700_000_000_100))
    assert find_created(session, fake_client, INTENT).job_id == "first"
    _listing(fake, _job("job-b", MARK, 1_700_000_000_100), _job("job-a", MARK, 1_700_000_000_100))
    assert find_created(session, fake_client, INTENT).job_id == "job-a"


def test_an_intent_without_a_mark_looks_nothing_up(fake, fake_client, make_session):
    unmarked = {key: value for key, value in INTENT.items() if key != "batch_name"}
    assert find_created(make_session(with_takes=()), fake_client, unmarked) is None
    assert fake.calls("GET") == []
