"""`make reliability`, parts 2 and 3: `refresh` and `index build` SIGKILLed at random moments, and each
corruption of tests/test_index_health.py applied to a real small index (bench/reliability.py runs them)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from common import FEEDS, cli

# A few real captures of every kind: a refresh over them takes long enough to be killed in the middle.
KILL_FEEDS = {
    "remoteok": ["api_2026-03-16.json"],
    "remotive": ["remote-jobs_2026-07-18.json"],
    "greenhouse": ["gitlab_content_2026-08-11_trimmed.json", "reddit_list_2026-08-20.json"],
    "weworkremotely": ["remote-jobs_2026-07-10.rss"],
}
QUESTION = "What does a remote senior ML engineer earn?"


def _copy_feeds(directory: Path) -> Path:
    for source, names in KILL_FEEDS.items():
        (directory / source).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(FEEDS / source / name, directory / source / name)
    return directory


def snapshot_ids(home: Path) -> set[str] | None:
    """The ids of the snapshot in service, or None when it does not load whole."""
    from assistant.corpus.listings import snapshots
    from assistant.settings import Settings

    os.environ["CAREER_ASSISTANT_HOME"] = str(home)
    try:
        return {listing.id for listing in snapshots.load_current(Settings().listings_dir)}
    except Exception:
        return None


def kill_refresh(work: Path, kills: int, rng: random.Random) -> dict:
    home, feeds = work / "refresh-home", _copy_feeds(work / "refresh-feeds")
    started = time.perf_counter()
    if cli(home, "refresh", "--from-dir", str(feeds)).wait() != 0:
        return {"kills": 0, "survived": 0, "problems": ["the first refresh failed"]}
    full = time.perf_counter() - started
    before = snapshot_ids(home)
    survived, problems = 0, []
    for n in range(kills):
        process = cli(home, "refresh", "--from-dir", str(feeds))
        time.sleep(rng.uniform(0.1, 1.0) * full)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = snapshot_ids(home)
        if after is not None and before <= after:
            survived += 1
        else:
            problems.append(f"kill {n + 1}: snapshot {'unreadable' if after is None else 'lost listings'}")
    return {
        "kills": kills,
        "survived": survived,
        "problems": problems,
        "listings": len(before),
        "refresh_seconds": round(full, 1),
    }


def _sound(home: Path) -> str | None:
    """None when the index in service passes its checks and answers; else what is wrong."""
    from assistant.chat import Assistant
    from assistant.index import health
    from assistant.settings import Settings

    os.environ["CAREER_ASSISTANT_HOME"] = str(home)
    health._drop_client_cache()
    try:
        damage = health.damage(Settings())
        if damage:
            return damage
        return None if Assistant(Settings()).ask(QUESTION).citations else "no citations"
    except Exception as error:
        return f"{type(error).__name__}: {str(error)[:120]}"


def _small_home(home: Path) -> Path:
    feeds = home / "feeds" / "remoteok"
    feeds.mkdir(parents=True)
    shutil.copy(FEEDS / "remoteok" / "api_2026-07-10_trimmed.json", feeds)
    for step in (("refresh", "--from-dir", str(home / "feeds")), ("index", "build")):
        if cli(home, *step).wait() != 0:
            raise RuntimeError(f"{' '.join(step)} failed in {home}")
    return home


def kill_build(work: Path, kills: int, rng: random.Random) -> dict:
    """Each round changes the inputs (another capture added), so `index build` has work when it is killed."""
    home = _small_home(work / "build-home")
    extra = ["api_2026-02-22_trimmed-no-legal.json", "api_2024-12-04.json"]
    survived, problems = 0, []
    for n in range(kills):
        name = extra[n % len(extra)]
        feeds = home / "feeds" / "remoteok"
        for path in feeds.iterdir():
            if path.name in extra:
                path.unlink()
        shutil.copy(FEEDS / "remoteok" / name, feeds / name)
        if cli(home, "refresh", "--from-dir", str(home / "feeds")).wait() != 0:
            problems.append(f"round {n + 1}: refresh failed")
            continue
        process = cli(home, "index", "build")
        time.sleep(rng.uniform(3, 25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        problem = _sound(home)
        if problem is None:
            survived += 1
        else:
            problems.append(f"kill {n + 1}: {problem}")
    final = cli(home, "index", "build").wait()
    return {
        "kills": kills,
        "survived": survived,
        "problems": problems,
        "final_build_ok": final == 0 and _sound(home) is None,
    }


def corruptions(work: Path) -> dict:
    from assistant.answer.models import AnswerError
    from assistant.chat import Assistant
    from assistant.index import health
    from assistant.index.build import build_index
    from assistant.settings import Settings
    from tests.test_index_health import CORRUPTIONS

    built = _small_home(work / "corrupt-built")
    results = {}
    for name, corrupt in CORRUPTIONS.items():
        home = work / f"corrupt-{name.replace(' ', '-')}"
        shutil.copytree(built, home)
        os.environ["CAREER_ASSISTANT_HOME"] = str(home)
        corrupt(home)
        health._drop_client_cache()
        try:
            Assistant(Settings())
            refused = "answered without noticing"
        except AnswerError as error:
            refused = "one line" if "\n" not in str(error) else "several lines"
        except Exception as error:
            refused = f"traceback ({type(error).__name__})"
        try:
            build_index(Settings(), say=lambda _: None)
            healed = _sound(home)
        except Exception as error:
            healed = f"index build failed: {type(error).__name__}"
        results[name] = {"refused": refused, "healed": healed is None, "problem": healed}
    return results


# --- soak: many chat sessions against a real server ---------------------------------------------------------

# Each session is one of these conversations: a guide question, follow-ups read against it, a listing search and
