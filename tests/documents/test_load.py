"""Loading documents: formats, offsets back to the source, and errors that name the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from numcheck.documents import load_metadata, load_paths


def _one(path: Path):  # type: ignore[no-untyped-def]
    result = load_paths([path])
    assert [s.status for s in result.statuses] == ["checked"]
    return result.documents[0]


def test_markdown_front_matter_and_code_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\nid: story-1\ntitle: Floods\npublished: 2024-03-05\n---\n"
        "# Floods\n\n```\n999 lines of code\n```\n"
        "<!-- an editor's note of 77 words -->\n"
        "The flood destroyed 120 homes.\n",
        encoding="utf-8",
    )
    doc = _one(path)
    assert doc.id == "story-1"
    assert doc.published == dt.date(2024, 3, 5)
    assert "999" not in doc.text and "77" not in doc.text
    offset = doc.text.index("120 homes")
    assert doc.line_column(offset) == (12, 21)


def test_html_visible_text_maps_back_to_source(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>T</title><script>var n = 42;</script></head>\n"
        "<body><p>Rain &amp; wind:</p>\n<p>  about <b>5 km</b> of road</p></body></html>",
        encoding="utf-8",
    )
    doc = _one(path)
    assert "42" not in doc.text
    assert "Rain & wind:" in doc.text
    offset = doc.text.index("5 km")
    line, column = doc.line_column(offset)
    source_line = path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert source_line[column - 1 :].startswith("5 km")
    assert doc.title == "T"


def test_jsonl_documents_keep_their_ids_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "a", "text": "Two people died.", "published": "2024-01-02"},
        {"id": "b", "text": "Three people died."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    result = load_paths([path])
    assert [d.id for d in result.documents] == ["a", "b"]
    assert result.documents[0].published == dt.date(2024, 1, 2)
    assert result.documents[1].line_column(0) == (2, 1)
    errors = [s for s in result.statuses if s.status == "error"]
    assert len(errors) == 1 and errors[0].source.endswith("batch.jsonl:3")


def test_a_bad_file_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Five ships sank.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad bytes \xc3")
    result = load_paths([tmp_path, tmp_path / "missing.txt"])
    by_source = {Path(s.source).name: s for s in result.statuses}
    assert by_source["good.txt"].status == "checked"
    assert by_source["bad.txt"].status == "error" and "UTF-8" in (by_source["bad.txt"].error or "")
    assert by_source["missing.txt"].status == "error"


def test_metadata_files_give_dates_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ten boats.", encoding="utf-8")
    meta_csv = tmp_path / "meta.csv"
    meta_csv.write_text("file,published,title\na.txt,2021-07-01,Boats\n", encoding="utf-8")
    meta_yaml = tmp_path / "meta.yaml"
    meta_yaml.write_text("a.txt:\n  published: 2021-07-02\n", encoding="utf-8")
    for meta, day in ((meta_csv, 1), (meta_yaml, 2)):
        doc = load_paths([tmp_path / "a.txt"], load_metadata(meta)).documents[0]
        assert doc.published == dt.date(2021, 7, day)
