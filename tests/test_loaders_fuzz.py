"""200 malformed inputs: each gives a LoadError or a valid parse, never another exception."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import docx
from fpdf import FPDF

from loaders import ParsedDocument, parse
from policykg.errors import LoadError

DEMO = Path(__file__).resolve().parent.parent / "demo"
SEED = 20261126  # fixed: the same 200 inputs on every run
CASES = 200


def _seed_text(rng: random.Random) -> str:
    return rng.choice(sorted(DEMO.glob("*.txt"))).read_text("utf-8")


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines()[:40]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Policy document text layer. " * 40)
    return bytes(pdf.output())


def _cjk(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def make_input(
    rng: random.Random, index: int, docx_sample: bytes, pdf_sample: bytes
) -> tuple[str, bytes]:
    """One malformed file: (name, bytes); the kind cycles so every kind is covered."""
    kind = index % 12
    size = rng.randint(0, 4000)
    if kind == 0:
        return "random.txt", rng.randbytes(size)
    if kind == 1:
        return rng.choice(["random.docx", "random.pdf", "random.html", "random.md"]), rng.randbytes(
            size
        )
    if kind == 2:
        return "truncated.docx", docx_sample[: rng.randint(0, len(docx_sample) - 1)]
    if kind == 3:
        return "truncated.pdf", pdf_sample[: rng.randint(0, len(pdf_sample) - 1)]
    if kind == 4:
        blank = rng.choice(["", " ", "\n\n\n", "\t \r\n", "\u3000\u3000\n", "\ufeff"])
        return rng.choice(["empty.txt", "empty.html", "empty.md"]), blank.encode("utf-8")
    if kind == 5:
        # A single line, 1 MB in some cases (kept few: each takes a second or two), of CJK
        # with spaces and numbers, like a flattened export gone wrong.
        length = 1_000_000 if index % 60 == 5 else 50_000
        words = [_cjk(rng, rng.randint(1, 30)) for _ in range(200)]
        words += [str(rng.randint(0, 999)) for _ in range(60)]
        line = " ".join(rng.choice(words) for _ in range(length // 12))[:length]
        return "oneline.txt", line.encode("utf-8")
    if kind == 6:
        text = _seed_text(rng)
        cut = rng.randint(0, len(text))
        mixed = text[:cut].encode("utf-8") + text[cut:].encode("gbk", "replace")
        return "mixed.txt", mixed + "尾部".encode("utf-16")
    if kind == 7:
        text = _seed_text(rng)
        tags = ["<div>", "</p>", "<table><tr><td>", "<script>var a='", "<!--", "<p", "&#x", "]]>"]
        pieces = [text[i : i + 200] + rng.choice(tags) for i in range(0, len(text), 200)]
        return "broken.html", "".join(pieces).encode("utf-8")
    if kind == 8:
        data = bytearray(_seed_text(rng).encode("utf-8"))
        for _ in range(rng.randint(1, 200)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "corrupt.txt", bytes(data)
    if kind == 9:
        data = bytearray(docx_sample)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "corrupt.docx", bytes(data)
    if kind == 10:
        data = bytearray(pdf_sample)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "corrupt.pdf", bytes(data)
    # Structure-only text: headings without bodies, lone numbers, TOC with nothing after it.
    parts = ["目录", "一、", "(一)", "1.", "——", "附件", "2015年11月6日", "第一章", "|", "x"]
    lines = [rng.choice(parts) for _ in range(rng.randint(1, 60))]
    return "skeleton.txt", "\n".join(lines).encode("utf-8")


def check(doc: ParsedDocument) -> None:
    """What every parse promises, however odd the input."""
    for part in doc.documents():
        assert len(part.offsets) == len(part.text)
        for section in part.all_sections():
            assert 0 <= section.start <= section.end <= len(part.text)


def test_malformed_inputs_raise_load_error_or_parse(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    docx_sample = _docx_bytes(_seed_text(rng))
    pdf_sample = _pdf_bytes()
    outcomes = {"parsed": 0, "LoadError": 0}
    unexpected: list[str] = []
    for index in range(CASES):
        name, data = make_input(rng, index, docx_sample, pdf_sample)
        path = tmp_path / f"{index:03d}-{name}"
        path.write_bytes(data)
        run: Callable[[], ParsedDocument] = lambda p=path: parse(p)  # noqa: E731
        try:
            check(run())
            outcomes["parsed"] += 1
        except LoadError as exc:
            assert path.name in str(exc)
            outcomes["LoadError"] += 1
        except Exception as exc:  # the point of the test: anything else is a bug
            unexpected.append(f"{path.name}: {type(exc).__name__}: {exc}")
    print(f"fuzz: {CASES} inputs, {outcomes}")
    assert not unexpected, "\n".join(unexpected)
    assert sum(outcomes.values()) == CASES
    assert outcomes["parsed"] > 0 and outcomes["LoadError"] > 0
