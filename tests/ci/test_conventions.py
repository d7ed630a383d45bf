"""The command-line conventions users of ruff, sqlfluff and Vale expect."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom import ARCHIVE, DRAFT
from numcheck import __version__
from numcheck.cli import FORMATS, SCHEMAS, main

Capsys = pytest.CaptureFixture[str]
ROOT = Path(__file__).resolve().parents[2]


def numcheck(
    *args: str, stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, as ``python -m numcheck`` (the real extractor, not the stand-in)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
    )


def test_version_flags(capsys: Capsys) -> None:
    for flag in ("--version", "-V"):
        with pytest.raises(SystemExit) as stop:
            main([flag])
        assert stop.value.code == 0
        assert capsys.readouterr().out == f"numcheck {__version__}\n"


def test_python_dash_m_and_version_do_not_load_the_extractors() -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['numcheck', '--version']\n"
        "try:\n    runpy.run_module('numcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('pint', 'lemminflect', 'quantulum3', 'pydantic', 'yaml')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines() == [f"numcheck {__version__}", "[]"]


def test_parser_choices_match_the_registries() -> None:
    from numcheck.report import FORMATS as RENDERERS
    from numcheck.schemas import SCHEMAS as SCHEMA_BUILDERS

    assert tuple(sorted(RENDERERS)) == FORMATS
    assert tuple(sorted(SCHEMA_BUILDERS)) == SCHEMAS


def test_stdin_with_its_filename_and_format(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text(
        ARCHIVE.replace("120 homes.", "120 homes in the valley."), encoding="utf-8"
    )
    draft = DRAFT.replace("310 homes.", "310 homes in the valley.")
    result = numcheck(
        "check", "-", "--stdin-filename", "drafts/flood.md", "--against", str(archive),
        "--no-config", "--format", "json", stdin=draft,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    by_source = {d["source"]: d for d in report["documents"]}  # sorted by source
    assert by_source["drafts/flood.md"]["published"] == "2024-03-05"  # front matter read as .md
    lead = report["findings"][0]["evidence"][0]
    assert (lead["document"], lead["line"]) == ("draft", 5)


def test_stdin_filename_without_dash_is_a_usage_error(newsroom: Path, capsys: Capsys) -> None:
    assert main(["check", "drafts", "--stdin-filename", "x.md"]) == 2
    assert "--stdin-filename" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(
        "\n".join(f"On day {i}, the flood destroyed {i * 10} homes." for i in range(1, 4000)),
        encoding="utf-8",
    )
    pipeline = subprocess.run(
        f"{sys.executable} -m numcheck extract {tmp_path / 'long.txt'} --no-config | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert pipeline.stdout.count("\n") == 1
    assert pipeline.stderr == ""  # no BrokenPipeError traceback


def test_against_takes_one_path_per_use(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "more").mkdir()
    (newsroom / "more" / "b.md").write_text("The fair drew a crowd.\n", encoding="utf-8")
    args = ["check", "--against", "archive", "drafts/d.md", "--no-config", "--format", "json"]
    assert main(args) == 1  # drafts/d.md is a draft, not a second archive path
    report = json.loads(capsys.readouterr().out)
    assert report["findings"][0]["evidence"][0]["document"] == "draft"
    args = ["check", "--no-config", "--against", "archive", "--against", "more"]
    assert main([*args, "--", "drafts/d.md"]) == 1
    capsys.readouterr()


@pytest.mark.parametrize(
    ("flag", "env", "colored"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # not a terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color(
    newsroom: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    flag: str,
    env: dict[str, str],
    colored: bool,
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    main(["check", "drafts", "--against", "archive", "--no-config", "--color", flag])
    assert ("\x1b[" in capsys.readouterr().out) is colored


def test_quiet_prints_the_findings_only(newsroom: Path, capsys: Capsys) -> None:
    assert main(["check", "drafts", "--against", "archive", "--no-config", "-q"]) == 1
    out, err = capsys.readouterr()
    assert "[value-conflict]" in out and "finding" not in out.splitlines()[-1] and err == ""
    assert main(["check", "drafts", "--against", "archive", "--no-config", "-v"]) == 1
    err = capsys.readouterr().err
    assert "numcheck: rules: elapsed-time, " in err and "fail on: warning" in err


def test_rules_lists_kind_severity_and_summary(capsys: Capsys) -> None:
    assert main(["rules", "--no-config"]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if line.startswith("value-conflict "))
    assert row.split()[1:3] == ["value-conflict", "error"] and "Two figures" in row
    assert any(line.startswith("unused-suppression ") for line in lines)
    assert main(["rules", "--no-config", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id", "kind", "severity", "enabled", "summary"} == set(rows[0])


def test_select_and_ignore(newsroom: Path, capsys: Capsys) -> None:
    base = ["check", "drafts", "--against", "archive", "--no-config"]
    assert main([*base, "--ignore", "value-conflict"]) == 0
    assert main([*base, "--select", "weekday-mismatch,totals"]) == 0
    assert main([*base, "--select", "value-conflict"]) == 1
    capsys.readouterr()
    assert main([*base, "--select", "value-conflcit"]) == 2
    assert "--select: no rule 'value-conflcit'" in capsys.readouterr().err


def test_rule_options_in_the_configuration(newsroom: Path, capsys: Capsys) -> None:
    config = newsroom / "pyproject.toml"
    config.write_text(
        '[tool.numcheck]\narchive = ["archive"]\n\n'
        '[tool.numcheck.rules.value-conflict]\nseverity = "info"\n',
        encoding="utf-8",
    )
    assert main(["check", "drafts", "--format", "json"]) == 0  # info does not fail
    assert [f["severity"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["info"]
    config.write_text(
        "[tool.numcheck]\n\n[tool.numcheck.rules.value-conflict]\nmax_days_apart = -3\n",
        encoding="utf-8",
    )
    assert main(["check", "drafts"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml:4: tool.numcheck.rules.value-conflict.max_days_apart" in err


def test_extend_rules_adds_to_the_bundled_pack(newsroom: Path, capsys: Capsys) -> None:
    pack = newsroom / "house"
    pack.mkdir()
    (pack / "house-weekday.yaml").write_text(
        "id: house-weekday\ncheck: weekday-mismatch\nseverity: info\n"
        "summary: The house copy of the weekday rule.\n",
        encoding="utf-8",
    )
    assert main(["rules", "--no-config", "--extend-rules", str(pack)]) == 0
    ids = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert "house-weekday" in ids and "value-conflict" in ids
    (newsroom / "numcheck.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    assert main(["rules"]) == 0
    assert "house-weekday" in capsys.readouterr().out


def test_extract_reads_stdin_too(
    newsroom: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(DRAFT))
    assert main(["extract", "-", "--stdin-filename", "drafts/new.md", "--no-config"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (record["document"], record["quote"], record["line"]) == ("draft", "310 homes", 5)


def test_rules_shows_the_configured_unused_suppression_severity(
    newsroom: Path, capsys: Capsys
) -> None:
    (newsroom / "numcheck.toml").write_text(
        '[severity]\nunused-suppression = "info"\n', encoding="utf-8"
    )
    assert main(["rules"]) == 0
    row = next(r for r in capsys.readouterr().out.splitlines() if r.startswith("unused-"))
    assert row.split()[1:3] == ["built-in", "info"]
