"""Section headers in a description: which parts list the job's duties."""

from __future__ import annotations

import re

# Section headers: a short line naming what follows. Only duty sections (and text before any header) count.
SECTION = re.compile(
    r"(?im)^(?=[^\n]{0,60}$)[^\n]{0,30}?\b(?:(?P<duty>(?:key |main |core |your )?responsibilities|"
    r"what you(?:'ll|’ll| will) (?:do|be doing|work on)|(?:about )?the role|your role|role overview|duties|"
    r"day[- ]to[- ]day|in this role|you will)|(?P<other>(?:nice|good) to have|bonus|preferred|qualifications|"
    r"requirements|what (?:we're|we’re|we are) looking for|about you|who you are|skills|"
    r"tech(?:nology)? stack|you have|must[- ]haves?|plus(?:es)?|benefits|perks|what we offer|compensation|"
    r"about (?:us|the company)|who we are|why join))\b[^\n.]*$"
)
