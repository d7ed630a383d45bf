"""Windows (CRLF) and old Mac (CR) line endings and a byte-order mark, in every loader.

Before, a Markdown file saved on Windows lost its front matter (its lines became text and
claims) and columns came out one off.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from numcheck.documents import load_paths

ENDINGS = {"crlf": "\r\n", "cr": "\r", "lf": "\n"}


def write(path: Path, lines: list[str], ending: str, bom: bool) -> Path:
    data = ending.join(lines) + ending
    path.write_bytes(("\ufeff" if bom else "").encode() + data.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_markdown_front_matter_survives(tmp_path: Path, ending: str, bom: bool) -> None:
    front = ["---", "id: flood", "published: 2024-03-05", "---"]
    lines = [*front, "", "The flood destroyed 310 homes."]
    result = load_paths([write(tmp_path / "d.md", lines, ENDINGS[ending], bom)])
    [doc] = result.documents
    assert (doc.id, doc.published) == ("flood", dt.date(2024, 3, 5))
    assert "published" not in doc.text and "\r" not in doc.text
    assert doc.line_column(doc.text.index("310")) == (6, 21)


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_plain_text_lines_and_columns(tmp_path: Path, ending: str, bom: bool) -> None:
    lines = ["Flood", "The flood destroyed 310 homes."]
    [doc] = load_paths([write(tmp_path / "d.txt", lines, ENDINGS[ending], bom)]).documents
    assert not doc.text.startswith("\ufeff") and "\r" not in doc.text
    assert doc.line_column(doc.text.index("310")) == (2, 21)


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_html_lines(tmp_path: Path, ending: str) -> None:
    lines = ["<html><head><title>Flood</title></head>", "<body><p>It destroyed 310 homes.</p>"]
    [doc] = load_paths([write(tmp_path / "d.html", lines, ENDINGS[ending], True)]).documents
    assert doc.title == "Flood" and "\r" not in doc.text
    assert doc.line_column(doc.text.index("310")) == (2, 23)


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_jsonl_rows_and_lines(tmp_path: Path, ending: str) -> None:
    rows = [json.dumps({"id": i, "text": f"{n} died."}) for i, n in (("a", "Two"), ("b", 3))]
    result = load_paths([write(tmp_path / "d.jsonl", rows, ENDINGS[ending], True)])
    assert [d.id for d in result.documents] == ["a", "b"]
    assert [s.status for s in result.statuses] == ["checked", "checked"]
    assert result.documents[1].line_column(0)[0] == 2


def test_metadata_csv_saved_by_a_spreadsheet(tmp_path: Path) -> None:
    """Excel writes CSV with a byte-order mark and CRLF: the ``file`` column still counts."""
    from numcheck.documents import load_metadata

    (tmp_path / "a.txt").write_text("The flood destroyed 310 homes.", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_bytes("\ufefffile,published\r\na.txt,2024-03-05\r\n".encode())
    [doc] = load_paths([tmp_path / "a.txt"], load_metadata(meta)).documents
    assert doc.published == dt.date(2024, 3, 5)


def test_configuration_with_a_byte_order_mark(tmp_path: Path) -> None:
    from numcheck.ci.config import load_config

    path = tmp_path / "numcheck.toml"
    path.write_bytes('\ufefffail-on = "error"\r\n'.encode())
    assert load_config(path).config.fail_on == "error"
