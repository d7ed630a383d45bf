"""The HTML report: one self-contained file an editor opens in a browser.

Written for the editor who reads it: findings ordered by severity, then by document;
each passage under its article's title and publication date; the disagreement said in
plain words ("the draft says some 3,500 soldiers; the Jan 5, 2024 article says about
2,500 soldiers"); on each card, how to accept the finding (the ignore comment to paste,
or the baseline). The header says when the report was made and from which inputs; print
styles drop the filters and keep cards whole. Every document follows with all its claims
marked and its Markdown headings shown as headings, so a link from a finding jumps to
the passage in its article. Filters by severity and rule run in a few lines of inline
script; nothing is fetched from the network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from html import escape
from pathlib import PurePath

from numcheck.claims import Claim
from numcheck.documents.model import Document
from numcheck.findings import Evidence, Finding, Report, Severity
from numcheck.report.context import ReportContext, document_sources
from numcheck.report.text import quote_bounds

_STYLE = """
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --mark: #fff3b0; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2939; background: #f9fafb; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d0d5dd;
  padding: .75rem 1.5rem; z-index: 1; }
header h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
main { padding: 0 1.5rem 3rem; max-width: 80rem; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
.finding { background: #fff; border: 1px solid #d0d5dd; border-left: 6px solid var(--info);
  border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.finding[data-severity=error] { border-left-color: var(--error); }
.finding[data-severity=warning] { border-left-color: var(--warning); }
.finding h3 { font-size: 1rem; margin: 0 0 .5rem; }
.badge { font-size: .75rem; text-transform: uppercase; padding: .1rem .4rem; border-radius: 4px;
  color: #fff; background: var(--info); }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.passages { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.passage { margin: 0; padding: .5rem .75rem; background: #f2f4f7; border-radius: 4px; }
.passage figcaption { font-size: .85rem; color: #475467; }
.passage blockquote { margin: .25rem 0 0; }
mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; scroll-margin-top: 10rem; }
mark.flagged { background: #fecdca; font-weight: 600; }
mark.flagged a { color: inherit; }
:target { outline: 3px solid var(--info); outline-offset: 2px; }
.why, .caveats, .fid { font-size: .9rem; color: #475467; }
.fid { font-family: ui-monospace, monospace; }
.document { background: #fff; border: 1px solid #d0d5dd; border-radius: 6px; padding: .75rem 1rem;
  margin: 1rem 0; }
.document .text { white-space: pre-wrap; }
.hidden { display: none; }
.passage .article { font-weight: 600; color: #1d2939; }
.plain { font-size: 1rem; margin: .5rem 0; }
.accept summary { cursor: pointer; font-size: .9rem; color: #475467; }
.accept code { display: block; background: #f2f4f7; padding: .25rem .5rem; margin: .25rem 0;
  white-space: pre-wrap; }
.inputs { font-size: .85rem; color: #475467; margin: 0; }
.text .heading { font-weight: 700; display: inline-block; margin: .25rem 0; }
.text .h1 { font-size: 1.4rem; } .text .h2 { font-size: 1.2rem; } .text .h3 { font-size: 1.05rem; }
@media print {
  header { position: static; border: 0; }
  .filters, .jump-hint { display: none; }
  .hidden { display: block; }
  body { background: #fff; font-size: 11pt; }
  .finding, .document { break-inside: avoid; border-color: #98a2b3; }
  .accept[open] summary, .accept summary { color: #1d2939; }
  a { color: inherit; text-decoration: none; }
}
"""

_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  function apply() {
    var shown = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      shown[box.value] = box.checked;
    });
    var rule = form.querySelector("select[name=rule]").value;
    var visible = 0;
    document.querySelectorAll(".finding").forEach(function (finding) {
      var ok = shown[finding.dataset.severity] && (rule === "" || finding.dataset.rule === rule);
      finding.classList.toggle("hidden", !ok);
      if (ok) { visible += 1; }
    });
    document.getElementById("visible-count").textContent = String(visible);
  }
  form.addEventListener("change", apply);
  apply();
})();
"""


def _anchor(doc_index: int, start: int, end: int) -> str:
    return f"c-{doc_index}-{start}-{end}"


def _passage(
    evidence: Evidence, sources: dict[str, str], indexes: dict[str, int], context: ReportContext
) -> str:
    source = sources.get(evidence.document, evidence.document)
    where = escape(f"{context.relative(source)}:{evidence.line}:{evidence.column}")
    if evidence.document in indexes and evidence.document in context.documents:
        target = _anchor(indexes[evidence.document], evidence.start, evidence.end)
        where = f'<a class="jump" href="#{target}">{where}</a>'
    doc = context.documents.get(evidence.document)
    if doc is not None and (doc.title or doc.published):
        title = escape(doc.title or evidence.document)
        day = f" · {_day(doc.published)}" if doc.published else ""
        where = f'<span class="article">{title}</span>{day}<br>{where}'
    bounds = quote_bounds(evidence)
    sentence = evidence.claim.sentence
    if bounds is None:
        body = f"<mark>{escape(evidence.quote)}</mark>"
    else:
        start, end = bounds
        body = (
            f"{escape(sentence[:start])}<mark>{escape(sentence[start:end])}</mark>"
            f"{escape(sentence[end:])}"
        )
    return (
        f'<figure class="passage"><figcaption>{where}</figcaption>'
        f"<blockquote>{body}</blockquote></figure>"
    )


def _day(day: dt.date | None) -> str:
    return f"{day:%b} {day.day}, {day.year}" if day else "undated"


def _says(evidence: Evidence, context: ReportContext) -> str:
    """Who says what, in an editor's words: "the draft says ...", "the Jan 5 article says"."""
    doc = context.documents.get(evidence.document)
    if context.drafts is not None and context.is_draft(evidence.document):
        who = "the draft"
    elif doc is not None and doc.published:
        who = f"the {_day(doc.published)} article"
    else:
        who = f"“{doc.title}”" if doc is not None and doc.title else "another passage"
    return f"{who} says <q>{escape(evidence.quote)}</q>"


def plain_words(finding: Finding, context: ReportContext) -> str:
    """The disagreement as a sentence: each piece of evidence and who says it."""
    said = [_says(e, context) for e in context.ordered(finding)]
    if len(said) == 1:
        return said[0][:1].upper() + said[0][1:] + "."
    text = "; ".join(said)
    return text[:1].upper() + text[1:] + "."


def _how_to_accept(finding: Finding, context: ReportContext) -> str:
    """The ignore comment for the draft's passage, or the baseline, on the card itself."""
    lead = context.ordered(finding)[0]
    doc = context.documents.get(lead.document)
    suffix = PurePath(doc.source).suffix.lower() if doc is not None else ""
    reason = "why the figures may both stand"
    if suffix in (".md", ".markdown", ".html", ".htm"):
        comment = f"<!-- numcheck: ignore[{finding.rule}] {reason} -->"
    else:
        comment = f"numcheck: ignore[{finding.rule}] {reason}"
    return (
        '<details class="accept"><summary>How to accept this finding</summary>'
        f"<p>Put this comment next to the sentence (line {lead.line}), with the reason:</p>"
        f"<code>{escape(comment)}</code>"
        "<p>or accept every current finding in a baseline file "
        "(its ids are kept across edits):</p>"
        "<code>numcheck check … --write-baseline numcheck-baseline.json</code>"
        f"<p>This finding's id: <code>{escape(finding.id)}</code></p></details>"
    )


def _finding(
    finding: Finding, sources: dict[str, str], indexes: dict[str, int], context: ReportContext
) -> str:
    severity = finding.severity.value
    passages = "".join(_passage(e, sources, indexes, context) for e in context.ordered(finding))
    caveats = "".join(f"<li>{escape(c)}</li>" for c in finding.caveats)
    return (
        f'<article class="finding" id="{escape(finding.id)}" data-severity="{severity}" '
        f'data-rule="{escape(finding.rule)}">'
        f'<h3><span class="badge {severity}">{severity}</span> <code>{escape(finding.rule)}</code> '
        f"{escape(finding.message)}</h3>"
        f'<p class="plain">{plain_words(finding, context)}</p>'
        f'<div class="passages">{passages}</div>'
        f'<p class="why">{escape(finding.explanation)}</p>'
        + (f'<ul class="caveats">{caveats}</ul>' if caveats else "")
        + _how_to_accept(finding, context)
        + f'<p class="fid">{escape(finding.id)} · {escape(finding.category.value)}</p></article>'
    )


Flagged = dict[tuple[int, int], str]
"""Spans of a document that are evidence, with the id of the (first) finding they support."""


def _marks(doc: Document, doc_index: int, claims: list[Claim], flagged: Flagged) -> str:
    """The document's text with every claim marked; flagged ones first when spans overlap,
    each linking back to its finding."""
    spans = sorted(flagged) + sorted({(c.start, c.end) for c in claims} - flagged.keys())
    titles = {(c.start, c.end): f"{c.kind.value}: {c.quote}" for c in claims}
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if 0 <= start <= end <= len(doc.text) and all(
            end <= s or start >= e or (start == end == s == e) for s, e in kept
        ):
            kept.append((start, end))
    headings = _headings(doc) if _is_markdown(doc) else []
    parts: list[str] = []
    position = 0

    def plain(start: int, end: int) -> str:
        return _with_headings(doc.text, start, end, headings)

    for start, end in sorted(kept):
        parts.append(plain(position, start))
        title = escape(titles.get((start, end), "flagged"), quote=True)
        quote = escape(doc.text[start:end])
        finding = flagged.get((start, end))
        css = "claim flagged" if finding else "claim"
        if finding:
            quote = f'<a href="#{escape(finding)}">{quote}</a>'
        anchor = _anchor(doc_index, start, end)
        parts.append(f'<mark class="{css}" id="{anchor}" title="{title}">{quote}</mark>')
        position = max(position, end)
    parts.append(plain(position, len(doc.text)))
    return "".join(parts)


_HEADING = re.compile(r"^(#{1,6})[ \t]+", re.M)


def _is_markdown(doc: Document) -> bool:
    return PurePath(doc.source).suffix.lower() in (".md", ".markdown")


def _headings(doc: Document) -> list[tuple[int, int, int, int]]:
    """(line start, text start, line end, level) of each ATX heading ("## Casualties")."""
    found = []
    for match in _HEADING.finditer(doc.text):
        end = doc.text.find("\n", match.end())
        found.append((match.start(), match.end(), len(doc.text) if end < 0 else end, len(match[1])))
    return found


def _with_headings(
    text: str, start: int, end: int, headings: list[tuple[int, int, int, int]]
) -> str:
    """``text[start:end]`` escaped, with heading markers dropped and heading lines styled."""
    out: list[str] = []
    position = start
    for line_start, text_start, line_end, level in headings:
        if line_end < start or line_start >= end:
            continue
        if start <= line_start:
            out.append(escape(text[position:line_start]))
            out.append(f'<span class="heading h{level}">')
            position = max(position, min(text_start, end))
        if line_end <= end:
            out.append(escape(text[position:line_end]))
            out.append("</span>")
            position = line_end
    out.append(escape(text[position:end]))
    return "".join(out)


def _document(
    doc: Document, doc_index: int, claims: list[Claim], flagged: Flagged, source: str
) -> str:
    body = _marks(doc, doc_index, claims, flagged)
    published = f" · published {doc.published.isoformat()}" if doc.published else ""
    title = f" — {escape(doc.title)}" if doc.title else ""
    return (
        f'<article class="document" id="d-{doc_index}"><h3>{escape(source)}{title}</h3>'
        f'<p class="why">{len(claims)} claims{published}</p>'
        f'<div class="text">{body}</div></article>'
    )


def render_html(report: Report, context: ReportContext | None = None) -> str:
    context = context or ReportContext()
    sources = document_sources(report)
    indexes = {status.id: i for i, status in enumerate(report.documents)}
    counts = Counter(f.severity for f in report.findings)
    rules = sorted({f.rule for f in report.findings} | {r.id for r in context.rules})
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s.value}" checked> '
        f"{s.value} ({counts.get(s, 0)})</label>"
        for s in Severity
    )
    options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in rules)
    ordered = sorted(
        report.findings,
        key=lambda f: (-f.severity.rank, indexes.get(context.ordered(f)[0].document, 0)),
    )
    findings = "".join(_finding(f, sources, indexes, context) for f in ordered)
    drafts = [s for s in report.documents if context.drafts is None or s.id in context.drafts]
    archive = len(report.documents) - len(drafts)
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    shown = ", ".join(escape(context.relative(s.source)) for s in drafts[:5])
    more = f" and {len(drafts) - 5} more" if len(drafts) > 5 else ""
    inputs = (
        f'<p class="inputs">Made {made} · drafts: {shown or "none"}{more}'
        + (f" · archive: {archive} documents" if archive else "")
        + (f" · {escape(context.tally.line())}" if context.tally else "")
        + "</p>"
    )
    documents = []
    for status in report.documents:
        doc = context.documents.get(status.id)
        if doc is None:
            if status.status == "error":
                documents.append(
                    f'<article class="document"><h3>{escape(status.source)}</h3>'
                    f'<p class="why">not read: {escape(status.error or "")}</p></article>'
                )
            continue
        claims = [c for c in context.claims if c.document == doc.id]
        flagged: Flagged = {}
        for finding in report.findings:
            for e in finding.evidence:
                if e.document == doc.id:
                    flagged.setdefault((e.start, e.end), finding.id)
        documents.append(
            _document(doc, indexes[doc.id], claims, flagged, context.relative(status.source))
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>numcheck report</title>
<link rel="icon" href="data:,">
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1>numcheck report</h1>
{inputs}
<p><span id="visible-count">{len(report.findings)}</span> of {len(report.findings)} findings
shown · {len(report.documents)} documents</p>
<form id="filters" class="filters">{boxes}
<label>rule <select name="rule"><option value="">all rules</option>{options}</select></label>
</form>
</header>
<main>
<section id="findings"><h2>Findings</h2>
{findings or '<p class="why">No findings.</p>'}
</section>
<section id="documents"><h2>Documents</h2>
{"".join(documents)}
</section>
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""
