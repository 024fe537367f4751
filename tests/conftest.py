import os
from pathlib import Path

import pytest

# Rich wraps tables to the terminal width; a wide one keeps CLI output assertions readable.
os.environ["COLUMNS"] = "200"

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FEEDS = SHARED / "feeds"
REFERENCE = SHARED / "reference" / "remote-senior-ml-engineer.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own CAREER_ASSISTANT_HOME, so no test touches the checkout's corpus or index."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(home))
    return home
