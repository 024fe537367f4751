"""Every connector against the real captured responses in ../shared/feeds."""

import json
from typing import get_args

import pytest

from assistant.corpus.listings.fetch import endpoints
from assistant.corpus.listings.sources import CONNECTORS, InputError
from assistant.settings import Settings
from assistant.vocab.boards import REMOTE_BOARDS, SOURCE_NAMES, SOURCES, Source, keyed_by_board
from tests.conftest import FEEDS


def parse(source: str, name: str):
    path = FEEDS / source / name
    return CONNECTORS[source].parse(path.read_bytes(), name)


def by_id(batch):
    return {raw.id: raw for raw in batch.listings}


@pytest.mark.parametrize(
    ("source", "name", "seen", "parsed"),
    [
        ("remoteok", "api_2024-12-04.json", 98, 97),
        ("remoteok", "api_2026-03-16.json", 97, 96),
        ("remoteok", "api_2026-02-22_trimmed-no-legal.json", 5, 4),
        ("remoteok", "api_2026-07-10_trimmed.json", 4, 4),
        ("remotive", "remote-jobs_2026-07-18.json", 42, 42),
        ("remotive", "remote-jobs_2026-08-05.json", 31, 31),
        ("remotive", "jobs-array_2026-02-19_trimmed.json", 3, 3),
        ("remotive", "remote-jobs_2026-07-09_trimmed.json", 4, 4),
        ("jobicy", "v2_2024-12-08_tag-python.json", 20, 20),
        ("jobicy", "v2_2026-07-10_trimmed.json", 4, 4),
        ("jobicy", "v2_2026-08-15_jobs-only.json", 3, 3),
        ("weworkremotely", "remote-jobs_2026-02-22.rss", 5, 5),
        ("weworkremotely", "remote-jobs_2026-07-10.rss", 4, 4),
        ("weworkremotely", "remote-jobs_2026-03-27_trimmed.rss", 3, 3),
        ("greenhouse", "anthropic_content_2026-07-14_trimmed.json", 4, 4),
        ("greenhouse", "gitlab_content_2026-08-11_trimmed.json", 3, 3),
        ("greenhouse", "reddit_list_2026-08-20.json", 148, 148),
        ("greenhouse", "waymo_list_2026-08-22.json", 366, 366),
    ],
)
def test_counts_match_the_files(source, name, seen, parsed):
    batch = parse(source, name)
    assert (batch.seen, len(batch.listings)) == (seen, parsed)
    assert all(raw.id.startswith(f"{source}:") and raw.url.startswith("https://") for raw in batch.listings)


def test_remoteok_drops_the_legal_notice_and_skips_untitled_jobs():
    batch = parse("remoteok", "api_2026-03-16.json")
    assert not any("legal" in raw.title.lower() for raw in batch.listings)
    assert [skip.reason for skip in batch.skipped] == ["no title"]
    raw = by_id(batch)["remoteok:1130788"]
    assert raw.title == "Benefits Advisor Leadership Training Program"
    assert raw.company == "Fisher Agencies"
    assert "Please mention the word" not in raw.description_html
    assert (
        raw.url
        == "https://remoteOK.com/remote-jobs/remote-benefits-advisor-leadership-training-program-fisher-agencies-1130788"
    )


def test_remoteok_without_legal_element_keeps_every_job():
    raw = by_id(parse("remoteok", "api_2026-02-22_trimmed-no-legal.json"))["remoteok:1130495"]
    assert raw.location_texts == ["Buenos Aires"]


def test_remotive_reads_envelope_and_bare_array_and_free_text_salary():
    raw = by_id(parse("remotive", "remote-jobs_2026-07-09_trimmed.json"))["remotive:2091048"]
    assert raw.salary_text == "$55k - $100k"
    assert raw.location_texts == ["USA, CST (UTC-6)"]
    assert raw.employment_raw == "full_time"
    bare = by_id(parse("remotive", "jobs-array_2026-02-19_trimmed.json"))["remotive:2088634"]
    assert bare.company == "shopware AG"


def test_jobicy_reads_both_salary_schemas():
    old = by_id(parse("jobicy", "v2_2024-12-08_tag-python.json"))["jobicy:74847"]
    assert old.salary_fields == {"min": "150000", "max": "220000", "currency": "USD", "period": "yearly"}
    new = parse("jobicy", "v2_2026-08-15_jobs-only.json")
    with_salary = [raw for raw in new.listings if raw.salary_fields]
    assert [raw.salary_fields["min"] for raw in with_salary] == [115000]
    assert with_salary[0].salary_fields["period"] == "yearly"
    trimmed = [raw for raw in parse("jobicy", "v2_2026-07-10_trimmed.json").listings if raw.salary_fields]
    assert trimmed[0].salary_fields["max"] is None  # salaryMax missing in the newer schema


def test_jobicy_list_fields_are_unescaped():
    raw = by_id(parse("jobicy", "v2_2026-08-15_jobs-only.json"))["jobicy:150796"]
    assert raw.tags == ["DevOps & Infrastructure"]
    assert raw.level_hint == "Senior"


def test_weworkremotely_splits_title_reads_custom_tags_and_uses_slug_ids():
    batch = parse("weworkremotely", "remote-jobs_2026-02-22.rss")
    raw = by_id(batch)["weworkremotely:betu-front-end-web-developer-betu"]
    assert (raw.company, raw.title) == ("Betu", "Front End Web Developer - BetU")
    assert raw.location_texts[0] == "Denpasar"
    assert "Version Control" in raw.tags and "Back-End Programming" in raw.tags
    assert raw.employment_raw == "Full-Time"
    assert "Headquarters" not in raw.description_html


def test_greenhouse_content_mode_is_unescaped_and_list_mode_has_no_content():
    content = by_id(parse("greenhouse", "anthropic_content_2026-07-14_trimmed.json"))["greenhouse:5311686008"]
    assert content.description_html.startswith("<div")
    assert "&lt;" not in content.description_html
    assert content.work_mode_hint == "Remote"
    listed = by_id(parse("greenhouse", "reddit_list_2026-08-20.json"))["greenhouse:7617155"]
    assert listed.description_html == "" and listed.tags == []
    assert listed.level_hint == "IC5" and listed.employment_raw == ["Regular", "Full time"]
    waymo = by_id(parse("greenhouse", "waymo_list_2026-08-22.json"))["greenhouse:8049315"]
    assert waymo.level_hint == "4"  # a list value, joined


def test_greenhouse_offices_with_null_location_are_read():
    raw = by_id(parse("greenhouse", "gitlab_content_2026-07-17_trimmed.json"))["greenhouse:8503792002"]
    assert raw.location_texts == ["Remote, Italy", "Italy"]


@pytest.mark.parametrize("source", ["remoteok", "remotive", "jobicy", "greenhouse"])
def test_html_error_page_is_a_clear_error(source):
    page = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    with pytest.raises(InputError, match="HTML page where JSON was expected"):
        CONNECTORS[source].parse(page, "error.html")


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("remoteok", "api_2026-03-16.json"),
        ("remotive", "remote-jobs_2026-07-18.json"),
        ("jobicy", "v2_2024-12-08_tag-python.json"),
        ("greenhouse", "reddit_list_2026-08-20.json"),
    ],
)
def test_truncated_json_is_a_clear_error(source, name):
    content = (FEEDS / source / name).read_bytes()
    with pytest.raises(InputError, match="not valid JSON"):
        CONNECTORS[source].parse(content[: len(content) // 2], name)


def test_truncated_rss_keeps_complete_items_and_says_so():
    content = (FEEDS / "weworkremotely" / "remote-jobs_2026-02-22.rss").read_bytes()
    cut = content[: content.index(b"<item>", content.index(b"</item>")) + 300]  # inside the 2nd item
    batch = CONNECTORS["weworkremotely"].parse(cut, "cut.rss")
    assert [raw.company for raw in batch.listings] == ["Summedd"]
    assert any("malformed feed" in skip.reason for skip in batch.skipped)


def test_record_without_title_or_of_wrong_shape_is_skipped_with_reason():
    jobs = json.loads((FEEDS / "remotive" / "remote-jobs_2026-07-09_trimmed.json").read_text())
    jobs["jobs"][0]["title"] = ""
    jobs["jobs"].append("not a job")
    batch = CONNECTORS["remotive"].parse(json.dumps(jobs).encode(), "edited.json")
    assert len(batch.listings) == 3
    assert sorted(skip.reason for skip in batch.skipped) == ["no title", "record is a str, not an object"]


# --- the registry of boards ------------------------------------------------------------------------------


def test_one_connector_per_board_of_the_registry_in_its_order():
    assert get_args(Source) == SOURCES == ("remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse")
    assert list(CONNECTORS) == list(SOURCES)
    assert all(connector.BOARD == source for source, connector in CONNECTORS.items())
    assert SOURCE_NAMES["weworkremotely"] == "We Work Remotely" and REMOTE_BOARDS == set(SOURCES) - {"greenhouse"}


def test_each_connector_names_its_boards_default_urls():
    settings = Settings(
        endpoints={}, greenhouse_boards=["reddit", "waymo"], greenhouse_api="https://boards-api.greenhouse.io"
    )
    assert endpoints(settings) == {
        "remoteok": ["https://remoteok.com/api"],
        "remotive": ["https://remotive.com/api/remote-jobs"],
        "jobicy": ["https://jobicy.com/api/v2/remote-jobs?count=100"],
        "weworkremotely": ["https://weworkremotely.com/remote-jobs.rss"],
        "greenhouse": [
            "https://boards-api.greenhouse.io/v1/boards/reddit/jobs?content=true",
            "https://boards-api.greenhouse.io/v1/boards/waymo/jobs?content=true",
        ],
    }
    local = ["http://127.0.0.1:9/jobicy"]
    assert endpoints(Settings(endpoints={"jobicy": local}))["jobicy"] == local


def test_a_table_keyed_by_board_holds_every_board_and_no_other():
    assert list(keyed_by_board({source: 1 for source in reversed(SOURCES)}, "table")) == list(SOURCES)
    with pytest.raises(ValueError, match="table: no entry for greenhouse"):
        keyed_by_board({source: 1 for source in SOURCES[:-1]}, "table")
    with pytest.raises(ValueError, match="indeed not in assistant.vocab.boards"):
        keyed_by_board({**{source: 1 for source in SOURCES}, "indeed": 1}, "table")
