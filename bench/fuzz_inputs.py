"""Malformed inputs for the fuzz bench and tests: documents for `loaders.parse`, exports for
`policykg import`. Deterministic for a seed; every kind is covered in turn.

Each input is a file (name → bytes) or, for a CSV export, a folder (file name → bytes).
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "demo"


@dataclass(frozen=True)
class FuzzInput:
    """One malformed input: its kind, its name, and its bytes (a dict for a folder)."""

    kind: str
    name: str
    data: bytes | dict[str, bytes]

    def write(self, folder: Path, index: int) -> Path:
        """Write the input under folder as `<index>-<name>`; the path to hand to the code."""
        path = folder / f"{index:04d}-{self.name}"
        if isinstance(self.data, bytes):
            path.write_bytes(self.data)
        else:
            path.mkdir()
            for name, data in self.data.items():
                (path / name).write_bytes(data)
        return path


# ---------------------------------------------------------------- documents


def seed_text(rng: random.Random) -> str:
    """The text of one demo document."""
    return rng.choice(sorted(DEMO.glob("*.txt"))).read_text("utf-8")


def docx_bytes(text: str) -> bytes:
    """A real .docx holding the first 40 lines of text."""
    import docx

    document = docx.Document()
    for line in text.splitlines()[:40]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    """A real one-page PDF with a text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Policy document text layer. " * 40)
    return bytes(pdf.output())


def _cjk(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def _flip(rng: random.Random, data: bytes, most: int) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, most)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zipish(rng: random.Random, docx_sample: bytes) -> tuple[str, bytes]:
    """Zip archives that are not quite a .docx: members missing, garbled or huge when unpacked."""
    with zipfile.ZipFile(io.BytesIO(docx_sample)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    choice = rng.randrange(6)
    if choice == 0:  # no document.xml
        members.pop("word/document.xml")
    elif choice == 1:  # document.xml is not XML
        members["word/document.xml"] = rng.randbytes(rng.randint(0, 3000))
    elif choice == 2:  # document.xml cut short
        xml = members["word/document.xml"]
        members["word/document.xml"] = xml[: rng.randint(0, len(xml))]
    elif choice == 3:  # a zip bomb: 80 MB of one byte in the XML (about 80 KB packed)
        members["word/document.xml"] = b"<" + b"a" * (80 * 2**20)
    elif choice == 4:  # some other zip, named .docx
        members = {f"file{i}.txt": rng.randbytes(100) for i in range(rng.randint(0, 5))}
    else:  # a zip of a zip
        members = {"inner.docx": docx_sample}
    return rng.choice(["zipish.docx", "zipish.txt", "zipish.zip"]), _zip(members)


def _odd_markup(rng: random.Random) -> tuple[str, bytes]:
    """Web pages with a lying charset, 20,000 nested tags, or entity soup."""
    text = seed_text(rng)[:3000]
    choice = rng.randrange(4)
    if choice == 0:
        page = f'<html><head><meta charset="gbk"></head><body><p>{text}</p></body></html>'
        return "charset.html", page.encode("utf-8")
    if choice == 1:
        return "nested.html", ("<div>" * 20000 + text + "</div>" * 20000).encode("utf-8")
    if choice == 2:
        page = "<html><body>" + "&#x4e00;&amp;&#99999999;&nbsp;&bogus;" * 2000 + "</body></html>"
        return "entities.html", page.encode("utf-8")
    page = f"<html><body><p>{text}</p></body></html>"
    return "utf16.html", page.encode("utf-16")


def _control(rng: random.Random) -> tuple[str, bytes]:
    """Text with NULs, escape codes, lone surrogates and lines ending every which way."""
    text = seed_text(rng)
    pieces = [text[i : i + 80] for i in range(0, len(text), 80)]
    junk = [b"\x00", b"\x1b[31m", b"\xed\xa0\x80", b"\r", b"\x0c", b"\xe2\x80\xae", b"\x85"]
    data = b"".join(p.encode("utf-8") + rng.choice(junk) for p in pieces)
    return rng.choice(["control.txt", "control.md", "control.html"]), data


def document_input(
    rng: random.Random, index: int, docx_sample: bytes, pdf_sample: bytes
) -> FuzzInput:
    """One malformed document; the kind cycles through DOCUMENT_KINDS so every kind is covered."""
    kind = DOCUMENT_KINDS[index % len(DOCUMENT_KINDS)]
    name, data = _document(kind, rng, index, docx_sample, pdf_sample)
    return FuzzInput(kind, name, data)


DOCUMENT_KINDS = (
    "random.txt", "random-other", "truncated.docx", "truncated.pdf", "empty", "huge-line",
    "mixed-encodings", "broken.html", "corrupt.txt", "corrupt.docx", "corrupt.pdf",
    "skeleton", "zip-ish", "odd-markup", "control-chars",
)  # fmt: skip


def _document(
    kind: str, rng: random.Random, index: int, docx_sample: bytes, pdf_sample: bytes
) -> tuple[str, bytes]:
    size = rng.randint(0, 4000)
    if kind == "random.txt":
        return "random.txt", rng.randbytes(size)
    if kind == "random-other":
        name = rng.choice(["random.docx", "random.pdf", "random.html", "random.md", "random.doc"])
        return name, rng.randbytes(size)
    if kind == "truncated.docx":
        return "truncated.docx", docx_sample[: rng.randint(0, len(docx_sample) - 1)]
    if kind == "truncated.pdf":
        return "truncated.pdf", pdf_sample[: rng.randint(0, len(pdf_sample) - 1)]
    if kind == "empty":
        blank = rng.choice(["", " ", "\n\n\n", "\t \r\n", "\u3000\u3000\n", "\ufeff"])
        return rng.choice(["empty.txt", "empty.html", "empty.md", "empty.docx"]), blank.encode()
    if kind == "huge-line":
        # A single line, 1 MB in some cases (kept few: each takes a second or two), of CJK
        # with spaces and numbers, like a flattened export gone wrong.
        length = 1_000_000 if index % 75 == 5 else 50_000
        words = [_cjk(rng, rng.randint(1, 30)) for _ in range(200)]
        words += [str(rng.randint(0, 999)) for _ in range(60)]
        line = " ".join(rng.choice(words) for _ in range(length // 12))[:length]
        return "oneline.txt", line.encode("utf-8")
    if kind == "mixed-encodings":
        text = seed_text(rng)
        cut = rng.randint(0, len(text))
        mixed = text[:cut].encode("utf-8") + text[cut:].encode("gbk", "replace")
        return "mixed.txt", mixed + "尾部".encode("utf-16")
    if kind == "broken.html":
        text = seed_text(rng)
        tags = ["<div>", "</p>", "<table><tr><td>", "<script>var a='", "<!--", "<p", "&#x", "]]>"]
        pieces = [text[i : i + 200] + rng.choice(tags) for i in range(0, len(text), 200)]
        return "broken.html", "".join(pieces).encode("utf-8")
    if kind == "corrupt.txt":
        return "corrupt.txt", _flip(rng, seed_text(rng).encode("utf-8"), 200)
    if kind == "corrupt.docx":
        return "corrupt.docx", _flip(rng, docx_sample, 20)
    if kind == "corrupt.pdf":
        return "corrupt.pdf", _flip(rng, pdf_sample, 20)
    if kind == "zip-ish":
        return _zipish(rng, docx_sample)
    if kind == "odd-markup":
        return _odd_markup(rng)
    if kind == "control-chars":
        return _control(rng)
    # Structure-only text: headings without bodies, lone numbers, TOC with nothing after it.
    parts = ["目录", "一、", "(一)", "1.", "——", "附件", "2015年11月6日", "第一章", "|", "x"]
    lines = [rng.choice(parts) for _ in range(rng.randint(1, 60))]
    return "skeleton.txt", "\n".join(lines).encode("utf-8")


def document_inputs(seed: int, count: int) -> list[FuzzInput]:
    """count malformed documents, the same ones for the same seed."""
    rng = random.Random(seed)
    docx_sample = docx_bytes(seed_text(rng))
    pdf_sample = pdf_bytes()
    return [document_input(rng, i, docx_sample, pdf_sample) for i in range(count)]


# ---------------------------------------------------------------- imports

IMPORT_FORMATS = ("graphml", "gexf", "ttl", "jsonld", "csv")
EXPORT_NAMES = {"graphml": "g.graphml", "gexf": "g.gexf", "ttl": "g.ttl", "jsonld": "g.jsonld"}

_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lololololololololololol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(2, 10))
    + '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
)


def _mutate_text(rng: random.Random, data: bytes, xml: bool) -> tuple[str, bytes]:
    """One way to break an export file: (what was done, the broken bytes)."""
    text = data.decode("utf-8")
    lines = text.split("\n")
    choice = rng.randrange(12 if xml else 11)
    if choice == 0:
        return "empty", b""
    if choice == 1:
        return "truncated", data[: rng.randint(1, max(1, len(data) - 1))]
    if choice == 2:
        return "bytes-flipped", _flip(rng, data, 30)
    if choice == 3:
        return "random-bytes", rng.randbytes(rng.randint(1, 4000))
    if choice == 4:
        kept = [line for line in lines if rng.random() > 0.15]
        return "lines-dropped", "\n".join(kept).encode("utf-8")
    if choice == 5:
        shuffled = lines[:]
        rng.shuffle(shuffled)
        return "lines-shuffled", "\n".join(shuffled).encode("utf-8")
    if choice == 6:
        extra = [rng.choice(lines) for _ in range(rng.randint(1, 20))]
        at = rng.randint(0, len(lines))
        return "lines-duplicated", "\n".join(lines[:at] + extra + lines[at:]).encode("utf-8")
    if choice == 7:
        return "gbk", text.encode("gbk", "replace")
    if choice == 8:
        huge = "x" * rng.choice([10_000, 1_000_000]) + _cjk(rng, 1000)
        at = rng.randint(0, len(lines))
        return "huge-line", "\n".join([*lines[:at], huge, *lines[at:]]).encode("utf-8")
    if choice == 9:
        return "tokens-swapped", _swap_tokens(rng, text).encode("utf-8")
    if choice == 10:
        junk = rng.choice(["null", '"', "{", "]", "<", "&", "\\", "NaN", "-1e999", "\x00", "🀄"])
        at = rng.randint(0, len(text))
        return "junk-inserted", (text[:at] + junk + text[at:]).encode("utf-8")
    # XML only: an entity expansion bomb in front of the document element
    body = text.split("?>", 1)[-1]
    return "entity-bomb", (_BOMB + body.replace(">", ">&lol9;", 1)).encode("utf-8")


def _swap_tokens(rng: random.Random, text: str) -> str:
    """Replace a few quoted or tag tokens by others from the file (types, ids, values swap)."""
    import re

    tokens = re.findall(r'"[^"\n]{1,60}"|>[^<\n]{1,60}<|[A-Z_]{3,}', text)
    for _ in range(rng.randint(1, 8)):
        if not tokens:
            break
        old, new = rng.choice(tokens), rng.choice([*tokens, '"NO_SUCH"', ">[1,2<", "NO_SUCH_TYPE"])
        text = text.replace(old, new, 1)
    return text


def _mutate_csv(rng: random.Random, folder: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """One way to break a CSV export folder."""
    files = dict(folder)
    csvs = sorted(n for n in files if n.endswith(".csv"))
    name = rng.choice(csvs)
    choice = rng.randrange(5)
    if choice == 0:
        del files[name]
        return "file-removed", files
    if choice == 1:
        files = {n: b"" for n in files} if rng.random() < 0.2 else {**files, name: b""}
        return "file-emptied", files
    if choice == 2:
        files["nodes_Bogus.csv"] = rng.choice([b"id:ID,name\nx,y\n", rng.randbytes(200)])
        return "file-added", files
    if choice == 3:
        header, _, rest = files[name].partition(b"\n")
        columns = header.split(b",")
        rng.shuffle(columns)
        files[name] = b",".join(columns[: rng.randint(0, len(columns))]) + b"\n" + rest
        return "header-changed", files
    what, files[name] = _mutate_text(rng, files[name], xml=False)
    return what, files


def import_inputs(seed: int, count: int, exports: Path) -> list[FuzzInput]:
    """count malformed exports made from the good ones in exports (see EXPORT_NAMES and csv/)."""
    rng = random.Random(seed)
    csv_folder = {p.name: p.read_bytes() for p in sorted((exports / "csv").iterdir())}
    inputs = []
    for index in range(count):
        fmt = IMPORT_FORMATS[index % len(IMPORT_FORMATS)]
        if fmt == "csv":
            what, folder = _mutate_csv(rng, csv_folder)
            inputs.append(FuzzInput(f"csv:{what}", "csv", folder))
            continue
        name = EXPORT_NAMES[fmt]
        what, data = _mutate_text(rng, (exports / name).read_bytes(), fmt in ("graphml", "gexf"))
        inputs.append(FuzzInput(f"{fmt}:{what}", name, data))
    return inputs


# ---------------------------------------------------------------- outcomes


def clear_error(exc: BaseException, path: Path) -> str | None:
    """Why exc is not a clear error about path (None when it is): ours, one line, naming it."""
    from policykg.errors import PolicyKGError

    if not isinstance(exc, PolicyKGError):
        return f"{type(exc).__name__}: {exc}"
    message = str(exc)
    if "\n" in message or "\n" in exc.hint:
        return f"more than one line: {message!r}"
    if path.name not in message:
        return f"does not name the file: {message!r}"
    return None


def parse_input(path: Path) -> str:
    """Parse one document the way `policykg load` does: "parsed", or raise."""
    from policykg.loaders import parse

    doc = parse(path)
    for part in doc.documents():  # what every parse promises, however odd the input
        assert len(part.offsets) == len(part.text)
        for section in part.all_sections():
            assert 0 <= section.start <= section.end <= len(part.text)
    return "parsed"


def write_exports(folder: Path, home: Path, graph_name: str) -> None:
    """The demo corpus loaded into a graph of its own and exported in every importable format."""
    from policykg.graph import open_store
    from policykg.graph.exporters import export_graph
    from policykg.graph.writer import write_extraction
    from policykg.loaders import parse
    from policykg.loaders.extract import extract
    from policykg.settings import Settings

    store = open_store(Settings.from_env(env={}, home=home, graph_name=graph_name))
    try:
        store.clear()
        store.ensure_schema()
        for path in sorted(DEMO.glob("*.txt"))[:2]:
            write_extraction(store, extract(parse(path)), 1000)
        for fmt in IMPORT_FORMATS:
            export_graph(store, fmt, folder / EXPORT_NAMES.get(fmt, "csv"))
    finally:
        store.clear()
        store.close()
