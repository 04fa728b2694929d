"""Charts as inline SVG, drawn server-side from the read API's plain values.

No JavaScript and no style attributes: shapes carry presentation attributes and CSS
classes only, so the pages keep a strict Content-Security-Policy (``style-src 'self'``)
and a brief can embed the very same SVG in a self-contained file. Every chart has a
<title>/<desc> pair and per-mark <title> tooltips; all text goes through ``esc``.
"""
from __future__ import annotations

import math
import re
from html import escape
from typing import Callable, Iterable, Sequence

from markupsafe import Markup

# One palette, shared by pages and briefs (briefs have no stylesheet for the SVG).
COOP = "#1f7a6d"      # cooperative weight
CONFLICT = "#b8432f"  # conflictual weight
NEUTRAL = "#6b7280"
INK = "#1f2933"
GRID = "#d9dee5"
MUTED = "#52606d"

_PERIOD = re.compile(r"^(?:FY)?(\d{4})(?:-Q([1-4])|[-/](\d{2})(?:-(\d{2}))?)?$", re.I)
_YEAR = re.compile(r"(1[89]\d\d|2\d\d\d)")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def esc(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def period_pos(period: str | None) -> float | None:
    """'2015' -> 2015.5, '2015-Q2' -> 2015.375, '2015-04' -> 2015.29, '2015-04-10' -> day;
    fiscal '2022-23' -> mid fiscal year. Anything else: the first year it names, or None."""
    if not period:
        return None
    p = period.strip()
    m = _PERIOD.match(p)
    if m:
        y, q, mo, d = m.groups()
        y = int(y)
        if q:
            return y + (int(q) - 0.5) / 4
        if mo:
            mo_i = int(mo)
            if 1 <= mo_i <= 12 and not (len(mo) == 2 and p[4] == "/"):
                if d and 1 <= int(d) <= 31:
                    return y + (mo_i - 1) / 12 + (int(d) - 0.5) / 366
                return y + (mo_i - 0.5) / 12
            return y + 1.0  # fiscal year 2022-23 / 2022/23: straddles the new year
        return y + 0.5
    m = _YEAR.search(p)
    return int(m.group(1)) + 0.5 if m else None


def period_span(period: str | None) -> tuple[float, float] | None:
    """The time range a (possibly coarse) date covers, for precision bars."""
    pos = period_pos(period)
    if pos is None:
        return None
    p = period.strip()
    if re.fullmatch(r"\d{4}", p):
        return (pos - 0.5, pos + 0.5)
    if re.fullmatch(r"\d{4}-Q[1-4]", p, re.I):
        return (pos - 0.125, pos + 0.125)
    if re.fullmatch(r"\d{4}-\d{2}", p):
        return (pos - 1 / 24, pos + 1 / 24)
    return (pos, pos)


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (lo <= 0 <= hi is kept if given)."""
    if hi == lo:
        hi = lo + 1
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, v = [], start
    while v <= hi + step * 1e-9:
        ticks.append(round(v, 10))
        v += step
    if ticks[-1] < hi:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def fmt_num(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 100 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.1f}"


CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "¥", "RUB": "₽"}


def fmt_money(v: float | None, unit: str | None) -> str:
    """540000000, USD -> '$540m'; 2.1e9 -> '$2.1bn'; unknown units are written after."""
    if v is None:
        return "–"
    sym = CURRENCY.get((unit or "").upper())
    a = abs(v)
    for div, suf in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if a >= div:
            num = f"{v / div:,.2f}".rstrip("0").rstrip(".") + suf
            break
    else:
        num = f"{v:,.0f}"
    if sym:
        return f"{sym}{num}"
    return f"{num} {unit}" if unit else num


def _svg_open(uid: str, width: int, height: int, title: str, desc: str, cls: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {cls}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'font-family="{esc(FONT)}" font-size="12" fill="{INK}">',
        f'<title id="{uid}-t">{esc(title)}</title>',
        f'<desc id="{uid}-d">{esc(desc)}</desc>',
    ]


def _empty(uid: str, title: str, message: str, width: int = 760, height: int = 90) -> Markup:
    out = _svg_open(uid, width, height, title, message, "empty")
    out.append(f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="6" fill="#f7f9fb" '
               f'stroke="{GRID}"/>')
    out.append(f'<text x="{width / 2}" y="{height / 2 + 4}" text-anchor="middle" fill="{MUTED}">{esc(message)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


# ---------------------------------------------------------------- trend


def fill_periods(periods: Sequence[str], period: str, cap: int = 240) -> list[str]:
    """Every period between the first and the last, so gaps show as gaps."""
    if not periods:
        return []
    def key(p: str) -> int | None:
        m = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d{2}))?", p)
        if not m:
            return None
        y, q, mo = int(m.group(1)), m.group(2), m.group(3)
        return y * 12 + ((int(q) - 1) * 3 if q else (int(mo) - 1 if mo else 0))
    keys = [key(p) for p in periods]
    if any(k is None for k in keys):
        return list(periods)
    step = {"year": 12, "quarter": 3, "month": 1}.get(period, 12)
    lo, hi = min(keys), max(keys)
    if (hi - lo) // step + 1 > cap:
        return list(periods)
    out = []
    for k in range(lo, hi + 1, step):
        y, m = divmod(k, 12)
        out.append(str(y) if step == 12 else (f"{y}-Q{m // 3 + 1}" if step == 3 else f"{y}-{m + 1:02d}"))
    return out


def trend_chart(rows: Sequence[dict], period: str = "year", *, uid: str = "trend",
                label: str = "", width: int = 760, height: int = 280) -> Markup:
    """Bars above zero for cooperative weight, below zero for conflictual weight, a
    dashed outline stacked on top for what was only planned or proposed, and a dot for
    the net score of what happened."""
    title = f"Relationship trend by {period}" + (f", {label}" if label else "")
    dated = [r for r in rows if r.get("period")]
    undated = next((r for r in rows if not r.get("period")), None)
    if not dated:
        return _empty(uid, title, "No dated events to chart yet.")
    by = {r["period"]: r for r in dated}
    slots = fill_periods([r["period"] for r in dated], period)
    top = max([0.0] + [r["cooperation"] + max(r["intended_score"], 0) for r in dated])
    bottom = min([0.0] + [r["conflict"] + min(r["intended_score"], 0) for r in dated])
    ticks = nice_ticks(bottom, top if top > bottom else bottom + 1)
    lo, hi = ticks[0], ticks[-1]
    ml, mr, mt, mb = 52, 14, 34, 44
    pw, ph = width - ml - mr, height - mt - mb
    y = lambda v: mt + (hi - v) / (hi - lo) * ph  # noqa: E731
    band = pw / len(slots)
    bw = max(2.0, min(band * 0.62, 48))
    total_n = sum(r["n"] for r in dated)
    desc = (f"{total_n} events that happened across {len(dated)} {period}s, from {slots[0]} to {slots[-1]}; "
            f"bars up are cooperative weight, bars down conflictual weight, dashed outlines planned or proposed.")
    if undated and (undated["n"] or undated["n_intended"]):
        desc += f" {undated['n'] + undated['n_intended']} events without a precise enough date are not charted."
    out = _svg_open(uid, width, height, title, desc, "trend")
    # legend
    lx = ml
    for sw, text in ((f'<rect width="12" height="12" fill="{COOP}"/>', "cooperative"),
                     (f'<rect width="12" height="12" fill="{CONFLICT}"/>', "conflictual"),
                     (f'<rect x="0.75" y="0.75" width="10.5" height="10.5" fill="none" stroke="{COOP}" '
                      f'stroke-width="1.5" stroke-dasharray="3 2"/>', "planned / proposed"),
                     (f'<circle cx="6" cy="6" r="4" fill="{INK}"/>', "net score")):
        out.append(f'<g transform="translate({lx:.1f},8)">{sw}<text x="17" y="10.5" fill="{MUTED}">{text}</text></g>')
        lx += 30 + len(text) * 6.6
    # grid and axis
    for t in ticks:
        yy = y(t)
        out.append(f'<line x1="{ml}" x2="{width - mr}" y1="{yy:.1f}" y2="{yy:.1f}" '
                   f'stroke="{INK if t == 0 else GRID}" stroke-width="{1.2 if t == 0 else 1}"/>')
        out.append(f'<text x="{ml - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="{MUTED}">{fmt_num(t)}</text>')
    out.append(f'<text x="12" y="{mt + ph / 2:.1f}" transform="rotate(-90 12 {mt + ph / 2:.1f})" '
               f'text-anchor="middle" fill="{MUTED}">weighted score</text>')
    every = max(1, math.ceil(len(slots) / (pw / 52)))
    for i, p in enumerate(slots):
        cx = ml + band * (i + 0.5)
        x0 = cx - bw / 2
        if i % every == 0 or i == len(slots) - 1 and len(slots) <= 12:
            out.append(f'<text x="{cx:.1f}" y="{height - mb + 18}" text-anchor="middle" fill="{MUTED}">{esc(p)}</text>')
        r = by.get(p)
        if not r:
            continue
        tip = (f"{p}: {r['n']} events happened, net {r['score']:+g} (cooperative {r['cooperation']:+g}, "
               f"conflictual {r['conflict']:+g}); {r['n_intended']} planned or proposed ({r['intended_score']:+g})")
        g = [f'<g class="bar"><title>{esc(tip)}</title>']
        z = y(0)
        if r["cooperation"]:
            g.append(f'<rect x="{x0:.1f}" y="{y(r["cooperation"]):.1f}" width="{bw:.1f}" '
                     f'height="{z - y(r["cooperation"]):.1f}" fill="{COOP}"/>')
        if r["conflict"]:
            g.append(f'<rect x="{x0:.1f}" y="{z:.1f}" width="{bw:.1f}" height="{y(r["conflict"]) - z:.1f}" '
                     f'fill="{CONFLICT}"/>')
        if r["intended_score"]:
            base = r["cooperation"] if r["intended_score"] > 0 else r["conflict"]
            a, b = sorted((y(base), y(base + r["intended_score"])))
            col = COOP if r["intended_score"] > 0 else CONFLICT
            g.append(f'<rect x="{x0 + 0.75:.1f}" y="{a:.1f}" width="{bw - 1.5:.1f}" height="{b - a:.1f}" '
                     f'fill="none" stroke="{col}" stroke-width="1.5" stroke-dasharray="4 3"/>')
        if r["n"]:
            g.append(f'<circle cx="{cx:.1f}" cy="{y(r["score"]):.1f}" r="4" fill="{INK}" stroke="#fff" '
                     f'stroke-width="1.5"/>')
        # an invisible hit area so the tooltip works over the whole band
        g.append(f'<rect x="{cx - band / 2:.1f}" y="{mt}" width="{band:.1f}" height="{ph}" fill="transparent"/>')
        g.append("</g>")
        out.append("".join(g))
    out.append("</svg>")
    return Markup("".join(out))


# ---------------------------------------------------------------- trade


def trade_chart(rows: Sequence[dict], *, uid: str = "trade", label: str = "", width: int = 760,
                height: int = 260) -> Markup:
    """Bilateral trade value per period: a line through the points of the most
    reported unit; a hollow point where the reports for a period disagree."""
    title = "Bilateral trade" + (f", {label}" if label else "")
    units: dict[str, int] = {}
    for r in rows:
        units[r.get("unit") or ""] = units.get(r.get("unit") or "", 0) + 1
    if not rows:
        return _empty(uid, title, "No bilateral trade figures reported.")
    unit = max(units, key=lambda u: (units[u], u))
    pts = sorted(((period_pos(r["period"]), r) for r in rows if (r.get("unit") or "") == unit
                  and r.get("value") is not None and period_pos(r["period"]) is not None), key=lambda t: t[0])
    if not pts:
        return _empty(uid, title, "No dated trade figures to chart.")
    xs = [p for p, _ in pts]
    x_lo, x_hi = math.floor(min(xs)), math.ceil(max(xs))
    if x_hi - x_lo < 2:
        x_lo, x_hi = x_lo - 1, x_hi + 1
    vals = [r["value"] for _, r in pts]
    ticks = nice_ticks(0, max(vals) * 1.08 if max(vals) > 0 else 1)
    lo, hi = min(ticks[0], 0), ticks[-1]
    ml, mr, mt, mb = 70, 20, 22, 40
    pw, ph = width - ml - mr, height - mt - mb
    X = lambda v: ml + (v - x_lo) / (x_hi - x_lo) * pw  # noqa: E731
    Y = lambda v: mt + (hi - v) / (hi - lo) * ph  # noqa: E731
    desc = (f"{len(pts)} reported values in {unit or 'unknown unit'} from {pts[0][1]['period']} to "
            f"{pts[-1][1]['period']}: " + "; ".join(f"{r['period']} {fmt_money(r['value'], unit)}" for _, r in pts))
    others = sorted(u for u in units if u != unit)
    if others:
        desc += f". Figures in other units not drawn: {', '.join(others)}."
    out = _svg_open(uid, width, height, title, desc, "trade")
    for t in ticks:
        out.append(f'<line x1="{ml}" x2="{width - mr}" y1="{Y(t):.1f}" y2="{Y(t):.1f}" stroke="{GRID}"/>')
        out.append(f'<text x="{ml - 6}" y="{Y(t) + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                   f'{esc(fmt_money(t, unit))}</text>')
    span = x_hi - x_lo
    step = max(1, math.ceil(span / 12))
    for yr in range(x_lo, x_hi + 1, step):
        out.append(f'<line x1="{X(yr):.1f}" x2="{X(yr):.1f}" y1="{mt + ph}" y2="{mt + ph + 5}" stroke="{MUTED}"/>')
        if yr < x_hi:
            out.append(f'<text x="{X(yr + 0.5):.1f}" y="{height - mb + 18}" text-anchor="middle" '
                       f'fill="{MUTED}">{yr}</text>')
    out.append(f'<line x1="{ml}" x2="{width - mr}" y1="{mt + ph}" y2="{mt + ph}" stroke="{INK}"/>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{X(p):.1f},{Y(r['value']):.1f}" for i, (p, r) in enumerate(pts))
    out.append(f'<path d="{path}" fill="none" stroke="{COOP}" stroke-width="2.2" stroke-linejoin="round"/>')
    for p, r in pts:
        n = len(r.get("reports") or [])
        tip = f"{r['period']}: {fmt_money(r['value'], unit)} ({n} report{'s' if n != 1 else ''}"
        tip += ")" if r.get("agree", True) else ", reports disagree)"
        fill = COOP if r.get("agree", True) else "#fff"
        out.append(f'<g class="point"><title>{esc(tip)}</title>'
                   f'<circle cx="{X(p):.1f}" cy="{Y(r["value"]):.1f}" r="5" fill="{fill}" stroke="{COOP}" '
                   f'stroke-width="2"/>'
                   f'<text x="{X(p):.1f}" y="{Y(r["value"]) - 10:.1f}" text-anchor="middle" font-size="11" '
                   f'fill="{INK}">{esc(fmt_money(r["value"], unit))}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))


# ---------------------------------------------------------------- timeline strip

LANES = (("happened", ("occurred", "ongoing")), ("planned / proposed", ("planned", "proposed")),
         ("negated", ("negated",)))
MAX_MARKS = 300  # beyond this many events the strip shows counts per period instead


def _marker(status: str | None, x: float, y: float, r: float, col: str) -> str:
    if status in ("planned", "proposed"):
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#fff" stroke="{col}" stroke-width="2"/>'
    if status == "negated":
        d = r * 0.8
        return (f'<path d="M{x - d:.1f},{y - d:.1f}L{x + d:.1f},{y + d:.1f}M{x - d:.1f},{y + d:.1f}'
                f'L{x + d:.1f},{y - d:.1f}" stroke="{col}" stroke-width="2"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{col}" stroke="#fff" stroke-width="1"/>'


def _bin_of(pos: float, size: float) -> float:
    return math.floor(pos / size + 1e-9) * size


def _bin_label(start: float, size: float) -> tuple[str, str, str]:
    """(label, date_from, date_to) of the bin starting at ``start`` years."""
    y = int(math.floor(start + 1e-9))
    if size >= 1:
        return str(y), str(y), str(y)
    q = int(round((start - y) * 4)) + 1
    a, b = (q - 1) * 3 + 1, q * 3
    return f"{y}-Q{q}", f"{y}-{a:02d}", f"{y}-{b:02d}"


def timeline_strip(events: Iterable[dict], *, uid: str = "strip", label: str = "",
                   link: Callable[[dict], str | None] | None = None,
                   bin_link: Callable[[str, str], str | None] | None = None,
                   width: int = 760, max_marks: int = MAX_MARKS) -> Markup:
    """One lane per status group; filled markers for what happened, hollow for what was
    planned or proposed, crosses for what is said not to have happened. A faint bar
    shows the range a coarse date (a year, a month) covers. With more than
    ``max_marks`` dated events each lane shows one marker per year (or quarter), sized
    by its count, so the chart stays readable and small."""
    title = "Events over time" + (f", {label}" if label else "")
    placed = [(period_pos(e.get("date")), e) for e in events]
    undated = sum(1 for p, _ in placed if p is None)
    placed = [(p, e) for p, e in placed if p is not None]
    if not placed:
        return _empty(uid, title, "No dated events to place on the timeline.")
    lanes = [(name, sts) for name, sts in LANES if any(e.get("status") in sts for _, e in placed)]
    x_lo = math.floor(min(p for p, _ in placed))
    x_hi = math.ceil(max(p for p, _ in placed))
    if x_hi - x_lo < 2:
        x_lo, x_hi = x_lo - 1, x_hi + 1
    ml, mr, mt, mb = 150, 16, 14, 34
    lane_h = 52
    height = mt + mb + lane_h * len(lanes)
    pw = width - ml - mr
    X = lambda v: ml + (v - x_lo) / (x_hi - x_lo) * pw  # noqa: E731
    counts = {name: sum(1 for _, e in placed if e.get("status") in sts) for name, sts in lanes}
    aggregate = len(placed) > max_marks
    desc = (f"{len(placed)} dated events from {x_lo} to {x_hi - 1}: "
            + ", ".join(f"{counts[n]} {n}" for n, _ in lanes) + ".")
    if aggregate:
        desc += " Markers are sized by the number of events in each period."
    if undated:
        desc += f" {undated} undated events are not placed."
    out = _svg_open(uid, width, height, title, desc, "strip")
    if undated:
        out.append(f'<text x="{width - mr}" y="{height - 4}" text-anchor="end" font-size="11" fill="{MUTED}">'
                   f'{undated} undated event{"s" if undated != 1 else ""} not placed</text>')
    step = max(1, math.ceil((x_hi - x_lo) / 12))
    for yr in range(x_lo, x_hi + 1, step):
        out.append(f'<line x1="{X(yr):.1f}" x2="{X(yr):.1f}" y1="{mt}" y2="{height - mb}" stroke="{GRID}"/>')
        if yr < x_hi:
            out.append(f'<text x="{X(yr + 0.5):.1f}" y="{height - mb + 18}" text-anchor="middle" '
                       f'fill="{MUTED}">{yr}</text>')
    size = 1.0 if (x_hi - x_lo) > 6 else 0.25
    for li, (name, sts) in enumerate(lanes):
        cy0 = mt + lane_h * li + lane_h / 2
        out.append(f'<text x="{ml - 10}" y="{cy0 - 2:.1f}" text-anchor="end" fill="{INK}">{esc(name)}</text>'
                   f'<text x="{ml - 10}" y="{cy0 + 12:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">'
                   f'{counts[name]:,} event{"s" if counts[name] != 1 else ""}</text>')
        out.append(f'<line x1="{ml}" x2="{width - mr}" y1="{cy0:.1f}" y2="{cy0:.1f}" stroke="{GRID}" '
                   f'stroke-dasharray="2 3"/>')
        lane = sorted(((p, e) for p, e in placed if e.get("status") in sts), key=lambda t: t[0])
        if aggregate:
            out.extend(_lane_bins(lane, sts, size, X, cy0, bin_link))
            continue
        last_x: dict[int, float] = {}
        for p, e in lane:
            x = X(p)
            # stack markers that would overlap: the nearest free level around the lane line
            level = next((lv for lv in (0, 1, -1, 2, -2) if x - last_x.get(lv, -1e9) >= 10), 0)
            last_x[level] = x
            cy = cy0 + level * 10
            w = e.get("weight") or 0
            col = COOP if w > 0 else CONFLICT if w < 0 else NEUTRAL
            tip = f"{e.get('date')} · {e.get('type')} · {e.get('status')}: {e.get('evidence') or ''}"
            if e.get("doc"):
                tip += f" [{e.get('doc')}]"
            parts = [f"<title>{esc(tip)}</title>"]
            span = period_span(e.get("date"))
            if span and span[1] - span[0] > 0.05:
                parts.append(f'<line x1="{X(span[0]):.1f}" x2="{X(span[1]):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
                             f'stroke="{col}" stroke-opacity="0.35" stroke-width="4" stroke-linecap="round"/>')
            parts.append(_marker(e.get("status"), x, cy, 5, col))
            href = link(e) if link else None
            body = "".join(parts)
            if href:
                out.append(f'<a href="{esc(href)}" class="mark">{body}</a>')
            else:
                out.append(f'<g class="mark">{body}</g>')
    out.append("</svg>")
    return Markup("".join(out))


def _lane_bins(lane, statuses, size: float, X, cy: float, bin_link) -> list[str]:
    """One marker per period of ``size`` years, its area proportional to the count."""
    bins: dict[float, list[dict]] = {}
    for p, e in lane:
        bins.setdefault(_bin_of(p, size), []).append(e)
    biggest = max(len(v) for v in bins.values())
    out = []
    for start, es in sorted(bins.items()):
        n = len(es)
        net = sum(e.get("weight") or 0 for e in es)
        col = COOP if net > 0 else CONFLICT if net < 0 else NEUTRAL
        r = 3 + 9 * math.sqrt(n / biggest)
        lab, d_from, d_to = _bin_label(start, size)
        tip = f"{lab}: {n} event{'s' if n != 1 else ''} ({'/'.join(statuses)}), net weight {net:+g}"
        body = f"<title>{esc(tip)}</title>" + _marker(statuses[0], X(start + size / 2), cy, r, col)
        href = bin_link(d_from, d_to) if bin_link else None
        out.append(f'<a href="{esc(href)}" class="mark">{body}</a>' if href else f'<g class="mark">{body}</g>')
    return out


_QUAL = {"more_than": "more than ", "about": "about ", "up_to": "up to "}


def fmt_amount(a: dict) -> str:
    """An extracted amount for people: money compact, other units spelled out."""
    v, unit = a.get("value"), a.get("unit") or ""
    if v is None:
        return ""
    pre = _QUAL.get(a.get("qualifier") or "", "")
    if re.fullmatch(r"[A-Z]{3}", unit):
        return pre + fmt_money(v, unit)
    if unit == "percent":
        return f"{pre}{fmt_num(v)}%"
    if unit in ("count", ""):
        return pre + fmt_num(v)
    return f"{pre}{fmt_num(v)} {unit.replace('_per_', '/').replace('_', ' ')}"
