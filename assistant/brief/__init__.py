"""The recruiter's interview brief: a listing or a role guide (plus optional candidate notes) in, an
`InterviewBrief` out, every statement cited to a guide section or a listing chunk, quotes verbatim.

Modules: `models` (the brief), `sources` (the quoted documents and one citation numbering), `guide_parts`
and `listing_parts` (what each kind of document contributes), `pay`, `notes` (candidate notes against the
must-haves), `build` (puts them together), `markdown` (the downloadable document).
"""

from assistant.brief.build import build_brief
from assistant.brief.markdown import to_markdown
from assistant.brief.models import BriefError, InterviewBrief

__all__ = ["BriefError", "InterviewBrief", "build_brief", "to_markdown"]
