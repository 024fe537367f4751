"""The filters a listing question applies, built from its cues, with one explanation line each."""

from __future__ import annotations

from typing import cast

from assistant.vocab.boards import SOURCE_NAMES
from assistant.vocab.currencies import written
from assistant.vocab.listing import KINDRED_EMPLOYMENT, Location, Salary
from assistant.vocab.places import country_name

from .cues import _Cues, _Hit
from .results import Filters


def _listing_filters(cues: _Cues) -> tuple[Filters, list[str]]:
    filters = Filters(kind="listing")
    lines = []
    for h in cues.sources:
        filters.sources.append(h.value)
        lines.append(f"source: {SOURCE_NAMES[h.value]} (from '{h.quote}')")
    for place in cues.places:
        lines += _place_filter(filters, place)
    for mode in cues.work_modes:
        filters.work_modes.append(mode.value)
        lines.append(f"work mode: {mode.value.value} (from '{mode.quote}')")
    for kind in cues.employment:
        if cues.employment_asked:  # "is it a permanent position?": each job's type is shown, none hidden
            lines.append(f"employment: asked of the jobs found, shown, not filtered (from '{kind.quote}')")
        else:
            kindred = KINDRED_EMPLOYMENT.get(kind.value)
            filters.employment += [k for k in (kind.value, kindred) if k is not None and k not in filters.employment]
            also = f", or {kindred.value.replace('_', ' ')}" if kindred else ""
            lines.append(f"employment: {kind.value.value.replace('_', ' ')}{also} (from '{kind.quote}')")
    for level in cues.seniority:
        filters.seniority.append(level.value)
        lines.append(f"seniority: {level.value.value} (from '{level.quote}')")
    lines += _salary_filters(filters, cues)
    if cues.posted:
        filters.posted_within_days = cues.posted.value
        lines.append(f"posted within: {_days_text(cues.posted.value)} (from '{cues.posted.quote}')")
    for h in cues.companies:
        filters.companies.append(h.value)
        lines.append(f"company: {h.value} (from '{h.quote}')")
    for h in cues.excluded:
        filters.excluded_companies.append(h.value)
        lines.append(f"company: not {h.value} (from '{h.quote}')")
    for h in cues.skills:
        filters.skills.append(h.value)
        lines.append(f"skill: {h.value} (from '{h.quote}')")
    if cues.roles and all(is_ml for _, is_ml in (h.value for h in cues.roles)):
        filters.ml_only = True
        filters.ml_titles = list(dict.fromkeys(h.quote for h in cues.roles))
        titles = " or ".join(f"'{word}'" for word in filters.ml_titles)
        lines.append(f"ml only: yes, or a title saying {titles} (from '{cues.roles[0].quote}')")
    elif cues.companies and not cues.roles and not cues.any_role:
        # This is an assistant for ML careers: "any openings at Waymo?" means its ML openings.
        filters.ml_only = True
        lines.append("ml only: yes (a company's ML roles; ask for any role to see all its jobs)")
    if cues.any_role and filters.ml_only:
        filters.ml_only = False
        lines = [line for line in lines if not line.startswith("ml only:")]
        lines.append(f"ml only: no (from '{cues.any_role.quote}')")
    return filters, lines


def _days_text(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _place_filter(filters: Filters, hit: _Hit[Location]) -> list[str]:
    lines = []
    for cc in hit.value.countries:
        if cc not in filters.countries:
            filters.countries.append(cc)
            lines.append(f"country: {country_name(cc)} ({cc}) (from '{hit.quote}')")
    for region in hit.value.regions:
        if region not in filters.regions:
            filters.regions.append(region)
            lines.append(f"region: {region} (from '{hit.quote}')")
    return lines


def _salary_filters(filters: Filters, cues: _Cues) -> list[str]:
    lines = []
    if cues.floor:
        salary: Salary = cues.floor.value
        filters.min_annual_usd = salary.annual_usd_min
        lines.append(f"salary floor: {_describe_floor(salary)} (from '{cues.floor.quote}')")
    if cues.ceiling:
        lines.append(f"ignored: upper salary bound '{cues.ceiling.quote}' (only a salary floor filters listings)")
    if cues.disclosed:
        filters.salary_disclosed = True
        lines.append(f"salary disclosed: only listings that state a salary (from '{cues.disclosed.quote}')")
    return lines


def _describe_floor(salary: Salary) -> str:
    low = salary.min if salary.min is not None else salary.max
    stated = f"{written(cast(float, low), salary.currency)}/{salary.period}"  # a floor always has a figure
    if salary.period_inferred and salary.period != "year":
        stated += " (period inferred)"
    if salary.currency == "USD" and salary.period == "year":
        return stated
    usd = f"≈ ${salary.annual_usd_min:,.0f}/year"
    rate = f" (ECB rate of {salary.fx_date.isoformat()})" if salary.fx_date else ""
    return f"{stated} {usd}{rate}"
