"""Server-side SVG chart: reported Scope 1+2 emissions by year against a pledge's trajectory.

No JavaScript and nothing loaded from elsewhere. The SVG carries its own
`<title>` and `<desc>` (named by `aria-labelledby`), and the page shows the same
figures as a table, so the chart is never the only way to read the data.
Every piece of text goes through `format_html`, so company data is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from members.tracker.trajectory import Line

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 88, 28, 56, 44

INK = "#3b4946"
GRID = "#e7e0d1"
REPORTED = "#1d4e89"
TRAJECTORY = "#176650"
MILESTONE = "#8a4a06"
EARLIER = "#8b8f8e"
# Benchmark pathways, most ambitious first: a colour and a dash pattern each, so they differ in grey too.
PATHWAY_STYLES = (("#6a3d9a", "1 3"), ("#b03a2e", "8 3 2 3"), ("#c07a00", "12 4"), ("#555555", "3 3"))


@dataclass(frozen=True)
class Series:
    """A benchmark pathway drawn behind the company's figures."""

    code: str
    label: str
    points: tuple[tuple[int, Decimal], ...]
    style: int = 0  # the pathway's place among all pathways, so its colour stays when others are hidden


@dataclass(frozen=True)
class Marked:
    """A reported figure that is estimated or restated (with the figure it replaced)."""

    basis: str  # "estimated" or "restated"
    earlier: Decimal | None = None


# A white outline painted under label text keeps it readable where it crosses a line.
HALO = SafeString('stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"')


def tonnes(value: Decimal | float | int) -> str:
    """A whole number of tonnes with the visitor's digit grouping."""
    return number_format(round(Decimal(value)), decimal_pos=0, force_grouping=True)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def year_step(span: int) -> int:
    for limit, step in ((10, 1), (20, 2), (50, 5)):
        if span <= limit:
            return step
    return 10


def year_ticks(first: int, last: int) -> list[int]:
    """Round years (multiples of the step) from `first` to `last`; both ends are labelled, and a
    round year closer than half a step to an end gives way to it."""
    step = year_step(last - first)
    ticks = [year for year in range(first, last + 1) if year % step == 0] or [first]
    if ticks[0] != first:
        if ticks[0] - first > step / 2:
            ticks.insert(0, first)
        else:
            ticks[0] = first
    if ticks[-1] != last:
        if last - ticks[-1] > step / 2:
            ticks.append(last)
        else:
            ticks[-1] = last
    return ticks


def text_width(text: str, size: int = 13) -> float:
    """A rough rendered width: Han characters are square, Latin ones about half as wide."""
    return sum(size if ord(char) > 0x2E80 else size * 0.56 for char in text)


@dataclass(frozen=True)
class Frame:
    first_year: int
    last_year: int
    top_value: float

    def x(self, year: float) -> float:
        span = self.last_year - self.first_year
        return round(LEFT + (year - self.first_year) / span * (WIDTH - LEFT - RIGHT), 1)

    def y(self, value: Decimal | float) -> float:
        return round(TOP + (1 - float(value) / self.top_value) * (HEIGHT - TOP - BOTTOM), 1)


def frame_for(
    reported: Mapping[int, Decimal],
    line: Line | None,
    milestones: Sequence[tuple[int, Decimal]],
    pathways: Sequence[Series] = (),
    earlier: Sequence[Line] = (),
) -> Frame:
    years = list(reported) + [year for year, _value in milestones]
    values = [float(v) for v in reported.values()] + [float(v) for _year, v in milestones]
    for other in ([line] if line is not None else []) + list(earlier):
        years += [other.baseline_year, other.target_year]
        values += [float(other.baseline_value), float(other.target_value)]
    for series in pathways:
        years += [year for year, _value in series.points]
        values += [float(value) for _year, value in series.points]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    highest = max(values) if values else 0
    step = nice_step(highest or 1)
    return Frame(first, last, max(step * math.ceil(highest * 1.04 / step), step))


def trajectory_chart(
    reported: Mapping[int, Decimal],
    line: Line | None,
    milestones: Sequence[tuple[int, Decimal]] = (),
    *,
    title: str,
    description: str,
    id_prefix: str = "chart",
    pathways: Sequence[Series] = (),
    earlier: Sequence[Line] = (),
    marked: Mapping[int, Marked] | None = None,
) -> SafeString:
    """The SVG markup; empty when there is nothing to draw.

    `pathways` are drawn behind everything, `earlier` (targets since revised) in grey, and figures in
    `marked` as hollow (estimated) or square (restated, with the earlier figure as a grey cross).
    """
    if not reported and line is None:
        return SafeString("")
    marked = marked or {}
    frame = frame_for(reported, line, milestones, pathways, earlier)
    parts: list[SafeString] = [
        format_html(
            '<svg class="trajectory-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
            'aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg" font-size="13">',
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            id_prefix,
            id_prefix,
        ),
        format_html('<title id="{}-title">{}</title>', id_prefix, title),
        format_html('<desc id="{}-desc">{}</desc>', id_prefix, description),
    ]
    parts += _axes(frame)
    parts += _legend(bool(reported), line is not None, bool(milestones))
    parts += _pathway_legend(bool(earlier), {m.basis for m in marked.values()})
    for series in pathways:
        parts += _pathway(frame, series, PATHWAY_STYLES[series.style % len(PATHWAY_STYLES)])
    for old in earlier:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="4 3">'
                "<title>{}</title></line>",
                frame.x(old.baseline_year),
                frame.y(old.baseline_value),
                frame.x(old.target_year),
                frame.y(old.target_value),
                EARLIER,
                _("Earlier target: %(value)s tCO2e by %(year)s")
                % {"value": tonnes(old.target_value), "year": old.target_year},
            )
        )
    if line is not None:
        parts += _trajectory(frame, line)
    for year, value in milestones:
        x, y = frame.x(year), frame.y(value)
        parts.append(
            format_html(
                '<path d="M{} {}l6 6l-6 6l-6-6z" fill="#fff" stroke="{}" stroke-width="2"><title>{}</title></path>',
                x,
                y - 6,
                MILESTONE,
                _("Milestone %(year)s: %(value)s tCO2e") % {"year": year, "value": tonnes(value)},
            )
        )
    if reported:
        parts += _reported(frame, reported, marked)
    parts.append(SafeString("</svg>"))
    return format_html_join("", "{}", ((part,) for part in parts))


def _axes(frame: Frame) -> list[SafeString]:
    parts = []
    step = nice_step(frame.top_value)
    ticks = round(frame.top_value / step)
    for n in range(ticks + 1):
        value = step * n
        y = frame.y(value)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" fill="{}">{}</text>',
                LEFT,
                WIDTH - RIGHT,
                y,
                y,
                GRID if n else INK,
                LEFT - 8,
                y,
                INK,
                tonnes(value),
            )
        )
    for year in year_ticks(frame.first_year, frame.last_year):
        x = frame.x(year)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                x,
                x,
                HEIGHT - BOTTOM,
                HEIGHT - BOTTOM + 5,
                INK,
                x,
                HEIGHT - BOTTOM + 22,
                INK,
                year,
            )
        )
    parts.append(
        format_html('<text x="{}" y="{}" fill="{}" font-weight="700">{}</text>', LEFT - 8, TOP - 14, INK, _("tCO2e"))
    )
    return parts


def _legend(has_reported: bool, has_line: bool, has_milestones: bool) -> list[SafeString]:
    items = []
    if has_reported:
        items.append(
            (
                format_html(
                    '<line x1="0" x2="24" y1="0" y2="0" stroke="{}" stroke-width="3"/><circle cx="12" cy="0" r="4" fill="{}"/>',
                    REPORTED,
                    REPORTED,
                ),
                _("Reported Scope 1+2"),
            )
        )
    if has_line:
        items.append(
            (
                format_html(
                    '<line x1="0" x2="24" y1="0" y2="0" stroke="{}" stroke-width="2.5" stroke-dasharray="6 4"/>',
                    TRAJECTORY,
                ),
                _("Trajectory to the target"),
            )
        )
    if has_milestones:
        items.append(
            (
                format_html('<path d="M12 -6l6 6l-6 6l-6-6z" fill="#fff" stroke="{}" stroke-width="2"/>', MILESTONE),
                _("Interim milestone"),
            )
        )
    parts = [SafeString('<g class="trajectory-chart__legend" aria-hidden="true">')]
    x = LEFT + 60
    for symbol, label in items:
        parts.append(
            format_html(
                '<g transform="translate({} {})">{}<text x="32" y="0" dominant-baseline="middle" fill="{}">{}</text></g>',
                x,
                TOP - 32,
                symbol,
                INK,
                label,
            )
        )
        x += 32 + text_width(label) + 28
    parts.append(SafeString("</g>"))
    return parts


def _trajectory(frame: Frame, line: Line) -> list[SafeString]:
    x1, y1 = frame.x(line.baseline_year), frame.y(line.baseline_value)
    x2, y2 = frame.x(line.target_year), frame.y(line.target_value)
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5" stroke-dasharray="6 4"/>',
            x1,
            y1,
            x2,
            y2,
            TRAJECTORY,
        )
    ]
    if frame.last_year > line.target_year:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5" stroke-dasharray="2 4"/>',
                x2,
                y2,
                frame.x(frame.last_year),
                y2,
                TRAJECTORY,
            )
        )
    for x, y in ((x1, y1), (x2, y2)):
        parts.append(
            format_html('<circle cx="{}" cy="{}" r="5" fill="#fff" stroke="{}" stroke-width="2.5"/>', x, y, TRAJECTORY)
        )
    # The target's label sits above and to the left of its point, clear of the line.
    parts.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="end" fill="{}" font-weight="700" {}>{}</text>',
            x2 - 10,
            y2 - 12,
            TRAJECTORY,
            HALO,
            _("Target %(year)s") % {"year": line.target_year},
        )
    )
    return parts


def _pathway(frame: Frame, series: Series, style: tuple[str, str]) -> list[SafeString]:
    colour, dashes = style
    points = " ".join(f"{frame.x(year)},{frame.y(value)}" for year, value in series.points)
    year, value = series.points[-1]
    return [
        format_html(
            '<polyline class="pathway pathway--{}" points="{}" fill="none" stroke="{}" stroke-width="2" '
            'stroke-dasharray="{}"><title>{}</title></polyline>',
            series.code,
            points,
            colour,
            dashes,
            series.label,
        ),
        format_html(
            '<circle cx="{}" cy="{}" r="3" fill="{}"><title>{}</title></circle>',
            frame.x(year),
            frame.y(value),
            colour,
            _("%(pathway)s: %(value)s tCO2e in %(year)s")
            % {"pathway": series.label, "value": tonnes(value), "year": year},
        ),
    ]


def pathway_swatch(index: int) -> SafeString:
    """The line a pathway is drawn with, for the legend beside the chart (which is also its switch)."""
    colour, dashes = PATHWAY_STYLES[index % len(PATHWAY_STYLES)]
    return format_html(
        '<svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true"><line x1="2" x2="26" y1="5" y2="5" '
        'stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/></svg>',
        colour,
        dashes,
    )


def _pathway_legend(has_earlier: bool, bases: set[str]) -> list[SafeString]:
    """A second legend row, under the chart's top edge: earlier targets, estimated and restated figures.
    The pathways' legend is the switch beside the chart."""
    items = []
    if has_earlier:
        items.append(
            (
                format_html(
                    '<line x1="0" x2="24" y1="0" y2="0" stroke="{}" stroke-width="1.5" stroke-dasharray="4 3"/>',
                    EARLIER,
                ),
                _("Earlier target"),
            )
        )
    if "estimated" in bases:
        items.append(
            (
                format_html('<circle cx="12" cy="0" r="4.5" fill="#fff" stroke="{}" stroke-width="2"/>', REPORTED),
                _("Estimated"),
            )
        )
    if "restated" in bases:
        items.append(
            (
                format_html('<rect x="7.5" y="-4.5" width="9" height="9" fill="{}"/>', REPORTED),
                _("Restated"),
            )
        )
    if not items:
        return []
    parts = [SafeString('<g class="trajectory-chart__legend" aria-hidden="true">')]
    x = LEFT + 60
    for symbol, label in items:
        parts.append(
            format_html(
                '<g transform="translate({} {})">{}<text x="32" y="0" dominant-baseline="middle" fill="{}">{}</text></g>',
                x,
                TOP - 12,
                symbol,
                INK,
                label,
            )
        )
        x += 32 + text_width(str(label), 12) + 20
    parts.append(SafeString("</g>"))
    return parts


def _reported(
    frame: Frame, reported: Mapping[int, Decimal], marked: Mapping[int, Marked] | None = None
) -> list[SafeString]:
    marked = marked or {}
    points = sorted(reported.items())
    path = " ".join(f"{frame.x(year)},{frame.y(value)}" for year, value in points)
    parts = [
        format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="3" stroke-linejoin="round"/>', path, REPORTED
        )
    ]
    year, value = points[-1]
    parts.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="start" fill="{}" font-weight="700" {}>{}</text>',
            frame.x(year) + 9,
            frame.y(value) - 9,
            REPORTED,
            HALO,
            tonnes(value),
        )
    )
    for year, value in points:
        x, y = frame.x(year), frame.y(value)
        mark = marked.get(year)
        if mark is None:
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="5" fill="{}" stroke="#fff" stroke-width="1.5"><title>{}</title></circle>',
                    x,
                    y,
                    REPORTED,
                    _("%(year)s: %(value)s tCO2e reported") % {"year": year, "value": tonnes(value)},
                )
            )
        elif mark.basis == "estimated":
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="5" fill="#fff" stroke="{}" stroke-width="2.5"><title>{}</title></circle>',
                    x,
                    y,
                    REPORTED,
                    _("%(year)s: %(value)s tCO2e, estimated") % {"year": year, "value": tonnes(value)},
                )
            )
        else:
            if mark.earlier is not None:
                ex, ey = x, frame.y(mark.earlier)
                parts.append(
                    format_html(
                        '<path d="M{} {}l8 8m0 -8l-8 8" stroke="{}" stroke-width="2"><title>{}</title></path>',
                        ex - 4,
                        ey - 4,
                        EARLIER,
                        _("%(year)s: %(value)s tCO2e as first reported, since restated")
                        % {"year": year, "value": tonnes(mark.earlier)},
                    )
                )
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="10" height="10" fill="{}" stroke="#fff" stroke-width="1.5">'
                    "<title>{}</title></rect>",
                    x - 5,
                    y - 5,
                    REPORTED,
                    _("%(year)s: %(value)s tCO2e, restated") % {"year": year, "value": tonnes(value)},
                )
            )
    return parts
