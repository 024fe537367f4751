"""Guide topics: the words that make a question one of the guide's intents, in priority order."""

from __future__ import annotations

import re

from .results import Intent
from .text import _Text

# First match wins: the specific topics first, so "red flags in the interview" is flags, "what should I
# ask in the interview" is checks, "how long until promotion" is levels and "MLE vs data scientist pay" is pay.
# FAQ has two entries: credentials rank high, the MLE-vs-data-scientist question below pay.
# The text is normalized, so there is no "?" in it: "[^?]{0,40}" is a bounded gap of any words.
_GUIDE_TOPICS = (
    (Intent.flags, r"red flags?|green flags?|warning signs?|(?:bad|good|positive|negative) signs?"
                   r"|deal ?breakers?|watch out|beware|what to avoid|should i avoid|toxic|flags?"
                   r"|(?:should|do|must) i (?:be )?(?:worr\w*|concerned)|worr(?:y|ied|ying) about"
                   r"|is (?:it|that|this) a concern"
                   r"|signals? (?:that|of)|signs? (?:that|of)|(?:is|are) (?:\w+ ){0,3}(?:a )?(?:bad|good) sign"),
    (Intent.faq, r"ph ?ds?|doctorate|degrees?|masters?|master's"),  # "a PhD before applying" is about the PhD
    (Intent.checks, r"(?:check|ask|confirm|verify|clarify|know|consider|research) before|before (?:applying|i apply"
                    r"|you apply|accepting|i accept|signing)|questions? (?:to|should i|i should|can i) ask"
                    r"|what (?:should|do|can|could) i ask|ask (?:the |my )?(?:recruiter|hiring manager|employer"
                    r"|company|interviewers?|team)|due diligence"
                    r"|vet(?:ting)? (?:a |the )?(?:company|role|employer|job)"
                    r"|evaluate (?:a |the |an )?(?:company|role|employer|job|offer)|what to (?:check|look for|verify)"
                    r"|checklist|things to check|what should i check"
                    r"|look for in (?:a |the )?(?:listing|job ad|posting)"
                    r"|credible|credibility|legit\w*|trustworthy|genuine"
                    r"|(?:fake|scam\w*|bogus) (?:\w+ ){0,2}(?:listing|job|posting|ad)s?"),
    (Intent.levels, r"promot\w*|bottlenecks?|(?:senior|mid|junior|ml engineer|engineer) (?:to|into|→|->) "
                    r"(?:staff|senior|principal|lead)|next level|level up|career (?:ladder|progression|path|growth"
                    r"|advancement)|move up|moving up|step up|stall\w*|held back|hold\w* (?:\w+ ){0,3}back"
                    r"|get (?:to|promoted to) (?:staff|principal|senior)|become (?:a )?(?:staff|principal|senior)"
                    r"|reach (?:staff|senior|principal)|(?:staff|principal) (?:level|promotion)|grow into"),
    (Intent.time_split, r"time split|split (?:of|between) (?:time|research)|(?:how|where) (?:is|do|does|much)\b"
                        r"[^?]{0,40}\btime\b[^?]{0,30}\b(?:spent|split|divided|allocated|spend|go|going)"
                        r"|research (?:vs|versus|or|and|to) engineering|engineering (?:vs|versus|or|and|to) research"
                        r"|percent(?:age)? of (?:their |my |the )?time"
                        r"|how much (?:of (?:the|it|the (?:role|job)) )?is research|how much research"
                        r"|balance (?:between|of) research|research[- ]heavy|time breakdown|split"
                        r"|how much of (?:the|their|my|a|an) (?:week|day|time|working)"),
    (Intent.pay, r"salar(?:y|ies)|(?<!domain )(?<!\bit )pay(?! off)(?:s|ing|check)?|paid|compensation"
                 r"|earn(?:s|ing|ings)?"
                 r"|income|wages?|base (?:salary|pay)|total comp|equity|stock options|rsus?|bonus(?:es)?"
                 r"|how much (?:money|do|does|can|could|would|will|is|are)\b[^?]{0,60}\b(?:make|get|earn|paid|worth)"
                 r"|(?:do|does|would|will|can|could) [^?]{0,50}\bmake(?= *$| in\b| per\b| a year| annually| remotely"
                 r"| on average| there| here)|hourly rate|day rate|pay ?scale|how much money"
                 r"|what (?:base|package|offer)\b[^?]{0,30}\bexpect|base (?:should|would|could|can) i"
                 r"|(?:the|what is|what are) (?:[a-z]+ ){0,3}ranges?(?! of)"),  # "the global remote range"
    (Intent.faq, r"stay(?:ing)? (?:current|up to date|sharp|relevant)"
                 r"|keep (?:up|(?:my |their |your )?skills (?:current|up to date|sharp|fresh))|up to date"
                 r"|conferences?"
                 r"|paper[- ]reading|papers|data scien\w+ (?:vs|versus|or|and|different from|compared)"
                 # The engineer on one side: "coinbase and pinterest data scientist jobs" compares no roles.
                 r"|(?:engineer\w*|mles?|ml) (?:vs|versus|or|and|different from|compared to|compared with)"
                 r"[^?]{0,30}data scien\w+|difference between[^?]{0,30}data scien\w+"
                 r"|domain (?:expertise|knowledge|experience)|fintech|health ?tech|autonomous"),
    (Intent.hiring, r"interview\w*|hiring process|recruit(?:ment|ing) process|application process"
                    r"|(?:hiring|interview) (?:stages|steps|loop|timeline|rounds)|take[- ]?home|system design"
                    r"|coding (?:test|round|challenge)|phone screen|screening|how long (?:does|will|is|do|did)"
                    r"|get hired|land (?:a|the) (?:job|role|offer)|stages?|rounds?|process"
                    r"|how (?:do|does|to) (?:i |you |one )?(?:get in|apply)"),
    # How the role is done day to day in a remote team: before skills, so "valued for writing" is no skill list.
    (Intent.overview, r"in a nutshell|overview|in short|summari[sz]e|async\w*|asynchronous\w*|synchronous\w*|meetings?"
                      r"|(?:valued|prized|appreciated|respected) for|whiteboard\w*"),
    (Intent.skills, r"skills?|skill ?set|requirements?|required|require|qualifications?|qualified|tech stack"
                    r"|platforms|librar(?:y|ies)|documents?|docs|be able to (?:write|do|use|build)"
                    r"|expect\w* (?:\w+ ){0,4}to (?:have|know|use)|(?:have|has) used"
                    r"|(?<!full )(?<!full-)stack|tools?|frameworks?|(?<!natural )languages?|(?:need|have) to know"
                    r"|should i (?:learn|know|study)|(?<!machine )(?<!deep )(?<!reinforcement )learn(?:ing|t|ed)?"
                    r"|experience (?:needed|required)|what (?:do i|does one|should i|would i) need|prerequisites?"
                    r"|background|expected to know"),
    (Intent.responsibilities, r"responsibilit\w*|duties|duty|day[- ]to[- ]day|day in the life|typical (?:day|week)"
                              r"|what (?:do|does|would|will)\b[^?]{0,40}\bdo(?! (?:to|i|you|we)\b)"
                              r"|(?:role|job|position) (?:involve|entail)\w*|involve[sd]?|entail\w*|what work"
                              r"|work on|working on|tasks?|in charge of|ownership"),
    (Intent.employers, r"who (?:hires|is hiring|are hiring|hiring|employs|recruits)"
                       r"|which (?:companies|employers|firms"
                       r"|industries|sectors)|what (?:kinds?|types?|sorts?) of (?:companies|employers|firms|orgs)"
                       r"|what companies|employers?|companies (?:that |who )?(?:hire|are hiring)|segments?"
                       r"|(?:best|top|good|great) (?:companies|employers)|companies for"
                       r"|industries|sectors?|where (?:can|do|should|could)\b[^?]{0,30}\bwork|ai[- ]native"),
    # Last: "what is a senior ML engineer?" asks for the overview only when no specific topic is named.
    (Intent.overview, r"what (?:is|are) (?:a |an |the )?(?:remote )?(?:senior )?"
                      r"(?:ml engineer|machine learning engineer|ml engineering|role|job)s?(?: (?:like|about))?"
                      r"(?= *$| in | exactly| really| anyway)"
                      r"|(?:tell me|talk) about (?:the|this|that) (?:role|job)|describe (?:the|this|that) (?:role|job)"
                      r"|what does (?:a |an |the )?(?:remote )?(?:senior )?(?:ml engineer|role|job) (?:involve|mean)"),
)
_GUIDE_PATTERNS = tuple((intent, re.compile(rf"\b(?:{pattern})(?!\w)")) for intent, pattern in _GUIDE_TOPICS)


def _guide_topic(norm: str) -> tuple[Intent, re.Match] | None:
    for intent, pattern in _GUIDE_PATTERNS:
        m = pattern.search(norm)
        if m:
            return intent, m
    return None


def _topic_quote(text: _Text, intent: Intent) -> str:
    """The words that decided a guide intent, as the user wrote them (empty for general and listings)."""
    found = _guide_topic(text.norm)
    return text.quote(*found[1].span()) if found and found[0] is intent else ""
