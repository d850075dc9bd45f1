"""app.plain_table prints query results exactly as rich's table does, or leaves them to rich."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from policykg.app.plain_table import table_text

ROOT = Path(__file__).resolve().parent.parent

# Characters of every width: ASCII, CJK (two cells), accented, emoji; and what rich treats
# specially: colons (emoji codes), combining marks and joiners (no width), controls.
PLAIN = [*"ab z09.-_[]/\\", *"中文〔〕（）：，", "é", "😀", ":"]
SPECIAL = ["\u0301", "\u200d", "\ufe0f", "\t", "\n", "\r", "\x1b", "\x85"]


class Stream(io.StringIO):
    """Output that is, or is not, a terminal."""

    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"


def rich_text(columns: list[str], rows: list[list[str]], caption: str,
              terminal: bool, environ: dict[str, str]) -> str:  # fmt: skip
    """What the CLI printed before: its data console (rich) with the table and caption."""
    stream = Stream(terminal)
    console = Console(file=stream, soft_wrap=True, markup=False, highlight=False, _environ=environ)
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(caption, style="dim")
    return stream.getvalue()


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    # Most tables plain (the lean path prints them), some with special characters anywhere.
    alphabet = PLAIN + SPECIAL if draw(st.integers(0, 3)) == 0 else PLAIN
    text = st.text(alphabet=st.sampled_from(alphabet), max_size=16)
    width = draw(st.integers(0, 4))
    columns = draw(st.lists(text, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(text, min_size=width, max_size=width), max_size=4))
    return columns, rows


@settings(max_examples=600, deadline=None)
@given(
    table=tables(),
    terminal=st.booleans(),
    columns=st.sampled_from(["12", "20", "30", "40", "80", "200", None]),
    term=st.sampled_from(["xterm-256color", "dumb", "", None]),
    force=st.sampled_from([None, "", "1"]),
)
def test_what_it_prints_is_what_rich_prints(
    table: tuple[list[str], list[list[str]]],
    terminal: bool,
    columns: str | None,
    term: str | None,
    force: str | None,
) -> None:
    names, rows = table
    environ = {"COLUMNS": columns, "TERM": term, "FORCE_COLOR": force}
    environ = {k: v for k, v in environ.items() if v is not None}
    caption = f"{len(rows)} row(s)"
    mine = table_text(tuple(names), rows, caption, Stream(terminal), environ)
    if mine is not None:
        assert mine == rich_text(names, rows, caption, terminal, environ)


def test_ordinary_results_do_not_need_rich() -> None:
    rows = [["豫政〔2019〕19号", "河南省人民政府关于支持鹤壁市建设高质量发展城市的指导意见", "2019-06-01"],
            ["", "亳州市优化营商环境条例", "12"]]  # fmt: skip
    columns = ("d.doc_number", "d.title", "d.date")
    for terminal, environ in (
        (False, {"COLUMNS": "100"}),
        (True, {"TERM": "xterm", "COLUMNS": "120"}),
    ):
        mine = table_text(columns, rows, "2 row(s)", Stream(terminal), environ)
        assert mine is not None
        assert mine == rich_text(list(columns), rows, "2 row(s)", terminal, environ)
        assert ("\x1b[1m" in mine) == terminal  # bold headers in a terminal only


def test_tables_wider_than_the_console_are_narrowed_as_rich_narrows_them() -> None:
    columns = ("document", "relations", "ancestor", "level")
    rows = [["解读《亳州高新区城市功能品质活力提升实施意见》的通知", '["basis"]',
             "中共安徽省委安徽省人民政府关于推进新型城镇化的意见", "provincial"]] * 3  # fmt: skip
    for terminal, environ in ((False, {}), (True, {"TERM": "xterm", "COLUMNS": "60"})):
        mine = table_text(columns, rows, "3 row(s)", Stream(terminal), environ)
        assert mine is not None and "…" in mine
        assert mine == rich_text(list(columns), rows, "3 row(s)", terminal, environ)


def test_what_rich_would_change_is_left_to_rich() -> None:
    spaced = [["中文 " * 25, "x" * 40]]  # too wide, and rich would wrap it at a space
    assert table_text(("a", "b"), spaced, "1 row(s)", Stream(False), {}) is None
    assert table_text(("a", "b"), spaced, "1 row(s)", Stream(False), {"COLUMNS": "200"})
    dumb = {"COLUMNS": "200", "TERM": "dumb"}  # rich lays out a dumb terminal at 80
    assert table_text(("a", "b"), spaced, "1 row(s)", Stream(True), dumb) is None
    for text in ("two\nlines", "tab\there", "a :smile: b", "e\u0301"):
        assert table_text(("a",), [[text]], "1 row(s)", Stream(False), {}) is None
    assert table_text((), [], "0 row(s)", Stream(False), {}) is None
    assert (
        table_text(("a", "b"), [["x" * 40, "y" * 40]], "", Stream(False), {"COLUMNS": "8"}) is None
    )


def test_a_query_printed_as_a_table_does_not_import_rich_s_console(server_home: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('loaded:', *sorted(sys.modules)))\n"
        "sys.argv = ['policykg', 'query', \"RETURN 1 AS one, '中文' AS text\"]\n"
        "from policykg.app.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "POLICYKG_HOME": str(server_home), "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    printed, loaded = done.stdout.split("loaded:", 1)
    assert printed == rich_text(["one", "text"], [["1", "中文"]], "1 row(s)", False, {})
    assert "rich.console" not in loaded.split() and "rich.table" not in loaded.split()
