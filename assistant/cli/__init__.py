"""The `career-assistant` command (`assistant.cli:app`): one module per command group, all on one Typer app.

* common.py: the app, the error console, `fail`, the progress bar.
* corpus.py: `refresh`, `listings export|show`, `guides list`.
* index.py: `index build|status|verify`, `search`.
* serve.py: `prepare`, `serve`.
* answer.py: `ask`, `chat`.
* evals.py: `eval`.
* brief.py: `brief`.
* intent.py: `intent train|classify`.

Importing a module registers its commands, and `--help` lists them in the order they were registered: the
imports below keep the order the commands had when cli was one module, so they are not to be sorted.
"""

from assistant.cli.common import app

# isort: off
from assistant.cli import corpus  # noqa: F401
from assistant.cli import index  # noqa: F401
from assistant.cli import serve  # noqa: F401
from assistant.cli import answer  # noqa: F401
from assistant.cli import evals  # noqa: F401
from assistant.cli import brief  # noqa: F401
from assistant.cli import intent  # noqa: F401
# isort: on

__all__ = ["app"]
