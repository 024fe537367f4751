"""Role guides: Markdown with front matter (shipped), plus Markdown, plain text or HTML a user drops in.

Every format becomes Markdown first, so one parser splits all of them into sections with stable ids.
A heading may carry its id explicitly (`## Pay by market {#pay}`); otherwise the id is the heading's slug.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Literal

import frontmatter
import html2text
import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.corpus.text import fix_text

FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
# A heading's marks, then its text; the closing hashes and an explicit `{#id}` are taken off the text in code:
# one pattern doing all three backtracked cubically on a heading of spaces (2,000 took 16 s).
_HEADING = re.compile(r"(#{1,6})\s(.+)")
_EXPLICIT_ID = re.compile(r"[A-Za-z0-9_-]+")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)


class GuideError(ValueError):
    pass


class GuideSource(BaseModel):
    id: str | None = None
    title: str
    publisher: str | None = None
    url: str | None = None
    path: str | None = None


class Section(BaseModel):
    id: str
    title: str
    level: int
    heading_path: list[str]  # the titles from the guide's top heading down to this one
    text: str  # the section's own body, without its heading or any subsection


class Guide(BaseModel):
    id: str
    title: str
    role: str | None = None
    as_of: date | None = None
    sources: list[GuideSource] = Field(default_factory=list)
    path: str
    format: Literal["markdown", "text", "html"]
    sections: list[Section]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"guide {self.id} has no section {section_id!r}")


def slugify(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "section"


def _warn(message: str) -> None:
    sys.stderr.write(f"warning: {message}\n")


def load_guides(directory: Path, on_skip: Callable[[str], None] = _warn) -> list[Guide]:
    """Every readable guide in the folder, in file-name order; ids are made unique by file extension if they
    clash. A file that cannot be read is skipped with one line saying why: one bad file hides no other."""
    guides: dict[str, Guide] = {}
    for path in sorted(directory.glob("*")):
        if path.suffix.lower() not in FORMATS or path.name.startswith((".", "_")) or path.stem.upper() == "README":
            continue
        try:
            guide = load_guide(path)
        except GuideError as error:
            on_skip(f"skipped guide {error}")
            continue
        if guide.id in guides:
            guide = guide.model_copy(update={"id": f"{guide.id}-{path.suffix.lstrip('.').lower()}"})
        guides[guide.id] = guide
    return list(guides.values())


def load_guide(path: Path) -> Guide:
    """One guide; anything wrong with the file (encoding, YAML, front matter fields) is a GuideError."""
    try:
        return _load_guide(path)
    except GuideError:
        raise
    except UnicodeDecodeError as error:
        raise GuideError(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    except yaml.YAMLError as error:
        raise GuideError(f"{path.name}: front matter is not valid YAML ({_first_line(error)})") from None
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise GuideError(f"{path.name}: front matter `{where}`: {error.errors()[0]['msg']}") from None
    except ValueError as error:  # a date YAML cannot build ("2026-13-45"), a field of the wrong shape
        raise GuideError(f"{path.name}: front matter: {_first_line(error)}") from None
    except (OSError, TypeError, AttributeError) as error:
        raise GuideError(f"{path.name}: {type(error).__name__}: {_first_line(error)}") from None


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [""])[0][:200]


def _load_guide(path: Path) -> Guide:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise GuideError(f"{path.name}: unsupported guide format {path.suffix!r} (use .md, .txt or .html)")
    meta: dict[str, Any]
    if kind == "markdown":
        post = frontmatter.load(path)
        meta, markdown = dict(post.metadata), post.content
    else:
        raw = fix_text(path.read_text(encoding="utf-8", errors="replace"))
        if kind == "html":
            meta, markdown = _html_meta(raw), _html_to_markdown(raw)
        else:
            meta, markdown = {}, _text_to_markdown(raw)
    sections = split_sections(markdown)
    if not sections:
        raise GuideError(f"{path.name}: no text found")
    return Guide(
        id=str(meta.get("id") or slugify(path.stem)),
        title=str(meta.get("title") or sections[0].title),
        role=meta.get("role"),
        as_of=meta.get("as_of"),
        sources=_sources(meta.get("sources")),
        path=str(path),
        format=kind,
        sections=sections,
    )


def _sources(value: object) -> list[GuideSource]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"`sources` must be a list, not {type(value).__name__}")
    sources: list[GuideSource] = []
    for number, source in enumerate(value, 1):
        try:
            sources.append(GuideSource.model_validate(source))
        except ValidationError as error:
            raise ValueError(f"`sources` entry {number}: {error.errors()[0]['msg']}") from None
    return sources


def _heading(line: str) -> tuple[int, str, str | None] | None:
    """(level, title, explicit id) of a Markdown heading line, else None."""
    match = _HEADING.fullmatch(line)
    if not match:
        return None
    text = match.group(2).rstrip()
    text = text.rstrip("#").rstrip() or text[:1]  # closing hashes ("## Pay ##")
    section_id = None
    if text.endswith("}") and (opening := text.rfind("{#")) > 0 and _EXPLICIT_ID.fullmatch(text[opening + 2 : -1]):
        text, section_id = text[:opening], text[opening + 2 : -1]
    return len(match.group(1)), text.strip(), section_id


def split_sections(markdown: str) -> list[Section]:
    """A section per heading; text before the first heading becomes an untitled 'intro' section."""
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    current: dict[str, Any] = {"id": "intro", "title": "", "level": 1, "heading_path": [], "lines": []}
    taken: set[str] = set()
    for line in markdown.splitlines():
        heading = _heading(line)
        if heading is None:
            current["lines"].append(line)
            continue
        _close(current, sections)
        level, title, explicit = heading
        path = [(lvl, t) for lvl, t in path if lvl < level] + [(level, title)]
        section_id = _unique(explicit or slugify(title), taken)
        current = {"id": section_id, "title": title, "level": level, "heading_path": [t for _, t in path], "lines": []}
    _close(current, sections)
    return sections


def _unique(section_id: str, taken: set[str]) -> str:
    candidate, n = section_id, 2
    while candidate in taken:
        candidate, n = f"{section_id}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _close(current: dict[str, Any], sections: list[Section]) -> None:
    text = "\n".join(current.pop("lines")).strip()
    if text or current["title"]:
        sections.append(Section(text=text, **current))


def _html_meta(markup: str) -> dict[str, Any]:
    found = _HTML_TITLE.search(markup)
    return {"title": fix_text(found.group(1))} if found else {}


def _html_to_markdown(markup: str) -> str:
    conv = html2text.HTML2Text()
    conv.ignore_links = conv.ignore_images = conv.ignore_emphasis = True
    conv.body_width = 0
    return _HTML_TITLE.sub("", conv.handle(markup))


def _text_to_markdown(text: str) -> str:
    """Plain text has no markup: a short line with no closing punctuation, before a longer one, is a heading."""
    lines = [line.rstrip() for line in text.splitlines()]
    # The next non-blank line after each line, found in one backward pass: a forward scan from every line was
    # quadratic, 6.5 s for a file of 9,000 blank lines (found by `make fuzz`).
    following, upcoming = [""] * len(lines), ""
    for index in range(len(lines) - 1, -1, -1):
        following[index] = upcoming
        if lines[index].strip():
            upcoming = lines[index]
    out = [f"## {line.strip()}" if _looks_like_heading(line, after) else line for line, after in zip(lines, following)]
    if out and out[0].startswith("## "):
        out[0] = "# " + out[0][3:]  # the first heading is the document's title
    return "\n".join(out)


def _looks_like_heading(line: str, following: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= 80
        and not stripped.endswith((".", ":", ";", ",", "?", "!"))
        and not stripped.startswith(("|", "-", "*", "•"))
        and (len(following) > len(stripped) or following.startswith("|"))
    )
