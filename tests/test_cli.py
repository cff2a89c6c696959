"""The `iphr-desk` command: exit statuses, one-line errors, and light imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from iphr_desk import __version__
from iphr_desk.cli import main
from iphr_desk.cli.common import Progress

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "data" / "letters"


def run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("IPHR_DESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "iphr_desk", *args],
        capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=120, check=False,
    )  # fmt: skip


def assert_one_clean_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_version_in_a_subprocess() -> None:
    result = run(["--version"])
    assert result.returncode == 0
    assert result.stdout.strip() == f"iphr-desk {__version__}"


def test_bad_letter_file_exits_2_with_one_line_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run(["export", "tests/data/letters/bad/unknown_office.md", "-o", str(out)])
    assert result.returncode == 2
    line = assert_one_clean_line(result.stderr)
    assert line == (
        "iphr-desk: tests/data/letters/bad/unknown_office.md: recipient.office: "
        "unknown office 'presidnet' (did you mean 'head_of_state'?)"
    )
    assert not out.exists()


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["list", "people"])
    assert caught.value.code == 2
    assert "invalid choice: 'people'" in capsys.readouterr().err


def test_export_needs_a_file_or_an_id(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "-o", "x.docx"])
    assert caught.value.code == 2
    assert "export needs either a letter file or --id N" in capsys.readouterr().err


def test_generate_refuses_negative_counts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["dev", "generate", "--letters", "-5"])
    assert caught.value.code == 2
    assert "'-5' is negative" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name",
    ["binary.md", "non_utf8.md", "impossible_date.md", "malformed_yaml.md", "unknown_top_key.md"],
)
def test_every_malformed_file_exits_2_in_process(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(LETTERS)
    for command in (["export", f"bad/{name}", "-o", str(tmp_path / "x.docx")], ["import", f"bad/{name}"]):
        status = main(["--data-dir", str(tmp_path / "data"), *command])
        assert status == 2
        line = assert_one_clean_line(capsys.readouterr().err)
        assert line.startswith(f"iphr-desk: bad/{name}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_import_of_several_files_stores_none_when_one_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "--data-dir",
            str(tmp_path),
            "import",
            str(LETTERS / "fr_pre_visit.md"),
            str(LETTERS / "bad/binary.md"),
        ]
    )
    assert status == 2
    assert "binary.md: this is a binary file" in assert_one_clean_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_unexpected_error_is_one_line_with_a_hint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import iphr_desk.core.letters.letterfile as letterfile

    def boom(_: Path) -> None:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(letterfile, "parse_letter_file", boom)
    monkeypatch.delenv("IPHR_DESK_DEBUG", raising=False)
    assert main(["export", "x.md", "-o", "x.docx"]) == 1
    line = assert_one_clean_line(capsys.readouterr().err)
    assert line == (
        "iphr-desk: unexpected error (RuntimeError: a bug over two lines); "
        "set IPHR_DESK_DEBUG=1 to see the details"
    )
    monkeypatch.setenv("IPHR_DESK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["export", "x.md", "-o", "x.docx"])


def test_command_line_path_imports_no_qt_and_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from iphr_desk.cli import main\n"
        "status = main(['export', 'tests/data/letters/bad/binary.md', '-o', '/tmp/never.docx'])\n"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'docx', 'babel') if m in sys.modules]\n"
        "print(status, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert result.stdout.strip() == "2 []"


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_is_a_bar_on_a_terminal_and_lines_otherwise() -> None:
    tty, plain = _Stream(True), _Stream(False)
    for stream in (tty, plain):
        bar = Progress(stream)  # type: ignore[arg-type]
        bar(1, 2, "a.docx")
        bar(2, 2, "b.docx")
    assert tty.text == "\r[###############---------------] 1/2\r[##############################] 2/2\n"
    assert plain.text == "1/2 a.docx\n2/2 b.docx\n"


def test_gui_is_the_default_and_gets_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    calls: list[str | None] = []

    def run_gui(data_dir: str | None) -> int:
        calls.append(data_dir)
        return 0

    fake = types.ModuleType("iphr_desk.gui.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "iphr_desk.gui.app", fake)
    monkeypatch.delenv("IPHR_DESK_DATA_DIR", raising=False)
    assert main([]) == 0
    assert main(["--data-dir", "/tmp/a"]) == 0
    assert main(["gui", "--data-dir", "/tmp/b"]) == 0
    monkeypatch.setenv("IPHR_DESK_DATA_DIR", "/tmp/c")
    assert main(["gui"]) == 0
    assert calls == [None, "/tmp/a", "/tmp/b", "/tmp/c"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["gui"],
        ["--data-dir", "/tmp/a"],
        ["--data-dir=/tmp/a"],
        ["--data-dir="],
        ["--data-dir", ""],
        ["--data-dir", "/tmp/a", "gui"],
        ["gui", "--data-dir", "/tmp/b"],
        ["--data-dir", "/tmp/a", "gui", "--data-dir=/tmp/b"],
        ["--data-dir", "/tmp/a", "--data-dir", "/tmp/b"],
        ["--data-dir", "gui"],
        ["--data-dir", "x", "gui", "gui"],
        ["--data-dir", "-x"],
        ["--data-dir"],
        ["--data", "/tmp/a"],
        ["gui", "--help"],
        ["--version"],
        ["list", "letters"],
        ["gui", "list"],
    ],
)
def test_the_plain_gui_launch_skips_the_parser_and_reads_the_line_as_it_does(argv: list[str]) -> None:
    """The short cut takes only what the parser would read as the GUI, with the same data folder."""
    from iphr_desk.cli import _plain_gui_launch, build_parser

    plain, given = _plain_gui_launch(argv)
    try:
        parsed = build_parser().parse_args(argv)
    except SystemExit:
        assert not plain  # help, version and usage errors stay the parser's
        return
    if plain:
        assert parsed.command in (None, "gui")
        assert given == parsed.data_dir
    else:  # left to the parser: anything but a plain launch (abbreviations included)
        assert parsed.command not in (None, "gui") or argv == ["--data", "/tmp/a"]


def test_version_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from iphr_desk.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('PySide6', 'sqlalchemy', 'docx', 'babel', 'yaml', 'mdformat')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_pdf_flag_with_a_docx_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.docx"
    assert main(["export", str(LETTERS / "fr_pre_visit.md"), "-o", str(out), "--pdf"]) == 2
    line = assert_one_clean_line(capsys.readouterr().err)
    assert line == f"iphr-desk: {out}: --pdf asks for a PDF but the name ends in .docx; use OUT.pdf"
    assert list(tmp_path.iterdir()) == []
