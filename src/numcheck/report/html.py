"""The HTML report: one self-contained file an editor opens in a browser.

Each finding shows its passages side by side with the numbers highlighted; every
document follows with all its claims marked, so a link from a finding jumps to the
passage in its article. Filters by severity and rule run in a few lines of inline
script; nothing is fetched from the network.
"""

from __future__ import annotations

from collections import Counter
from html import escape

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
        f'<div class="passages">{passages}</div>'
        f'<p class="why">{escape(finding.explanation)}</p>'
        + (f'<ul class="caveats">{caveats}</ul>' if caveats else "")
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
    parts: list[str] = []
    position = 0
    for start, end in sorted(kept):
        parts.append(escape(doc.text[position:start]))
        title = escape(titles.get((start, end), "flagged"), quote=True)
        quote = escape(doc.text[start:end])
        finding = flagged.get((start, end))
        css = "claim flagged" if finding else "claim"
        if finding:
            quote = f'<a href="#{escape(finding)}">{quote}</a>'
        anchor = _anchor(doc_index, start, end)
        parts.append(f'<mark class="{css}" id="{anchor}" title="{title}">{quote}</mark>')
        position = max(position, end)
    parts.append(escape(doc.text[position:]))
    return "".join(parts)


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
    findings = "".join(_finding(f, sources, indexes, context) for f in report.findings)
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
