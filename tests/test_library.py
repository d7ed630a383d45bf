"""The library as users import it: without the test extras, and text only by constructor."""

from __future__ import annotations

import subprocess
import sys


def test_case_runner_imports_without_hypothesis() -> None:
    probe = (
        "import sys\n"
        "class NoHypothesis:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'hypothesis':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, NoHypothesis())\n"
        "import numcheck.testing as t\n"
        "print(callable(t.run_case), callable(t.load_cases))\n"
        "try:\n    t.scenarios\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines() == [
        "True True",
        "numcheck.testing.scenarios needs hypothesis: pip install 'numcheck[testing]'",
    ], result.stderr
