"""The document's own node, its issuer, and the documents it cites (stubs) with CITES."""

from __future__ import annotations

import re

from policykg.loaders.docnumber import normalize_title, title_status
from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.citations import Citation, document_kind, find_citations_halfwidth
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.ids import document_id
from policykg.loaders.extract.issuers import LEVEL_OF_REGION, issuer_of_number, level_of_issuer_name
from policykg.loaders.extract.parks import find_parks
from policykg.loaders.extract.regions import find_regions
from policykg.loaders.extract.responsibilities import organ_unit
from policykg.loaders.extract.sentences import Quote, halfwidth
from policykg.ontology.records import Value

# Relations that say more than a plain mention; a bare reference to the same target is dropped.
_STRONG = ("basis", "implements", "applies", "repeals", "amends")


def own_document(ctx: Context, b: Builder) -> tuple[str, str]:
    """The loaded document's node: strong, never a stub."""
    meta = ctx.doc.metadata
    issuer = meta.issuer or (ctx.issuer.organ if ctx.issuer else None)
    props: dict[str, Value] = {
        "name": meta.title, "title": meta.title, "doc_number": meta.doc_number,
        "title_key": normalize_title(meta.title) if meta.title else None,
        "issuer": issuer, "date": meta.date,
        "kind": meta.kind or (document_kind(meta.title) if meta.title else None),
        "status": meta.status, "source": ctx.doc.source, "stub": False, "level": ctx.level,
    }  # fmt: skip
    return ("Document", b.node("Document", ctx.doc_id, props, weak=False))


def _issuer_from_title(title: str, province: str | None) -> tuple[str | None, str | None]:
    """Issuer and level a title names: 河南省人民政府关于… → 河南省人民政府, provincial."""
    head = title.split("关于", 1)[0].rstrip("、 ") if "关于" in title else ""
    if len(head) >= 2:
        return head, level_of_issuer_name(head)
    parks = find_parks(title[:24], None, province)
    if parks and parks[0].start == 0:  # 亳州高新区…实施意见: a park's own document
        return None, "park"
    hits = find_regions(title[:12], province)
    if hits and hits[0].start == 0:  # 亳州市优化营商环境条例: a city's own document
        return None, LEVEL_OF_REGION[hits[0].region.level]
    return None, None


def _stub(ctx: Context, b: Builder, citation: Citation) -> tuple[str, str]:
    """The cited document as a stub, ISSUED_BY its organ when the 文号 or title names one."""
    province = ctx.province
    found = issuer_of_number(citation.number, province)
    issuer, level = (found.organ, found.level) if found else (None, None)
    title = citation.title
    if title and (issuer is None or level is None):
        named, named_level = _issuer_from_title(title, province)
        issuer, level = issuer or named, level or named_level
    props: dict[str, Value] = {
        "name": title or citation.number, "title": title, "doc_number": citation.number,
        "title_key": normalize_title(title) if title else None,
        "issuer": issuer, "level": level, "kind": citation.kind,
        "status": title_status(title) if title else None, "stub": True,
    }  # fmt: skip
    stub = ("Document", b.node("Document", document_id(citation.number, title), props))
    if issuer:
        # So that lineage can be filtered by issuing province: stub → organ → region.
        organ = organ_unit(ctx, b, issuer)
        if organ is not None:
            evidence = f"文号: {citation.number}" if citation.number else f"标题: {title}"
            b.rel("ISSUED_BY", stub, organ, evidence)
    return stub


_ISSUES = re.compile(r"(?:印发|转发|颁布|发布|印送|下达)[^《]{0,16}《")
# …关于印发X的通知 (X with or without 《》): the plan X and the notice are one cited document.
_NOTICE_OF = re.compile(r"(?:印发|转发)《?(?P<plan>.+?)》?的通知$")
_ABOUT = re.compile(r"^关于")


def _plan_key(title: str) -> str:
    return _ABOUT.sub("", normalize_title(title))


def cite(ctx: Context, b: Builder, doc: tuple[str, str]) -> None:
    """CITES from the document to every document it names, by relation."""
    meta = ctx.doc.metadata
    own_title = meta.title
    found: list[tuple[Citation, str | Quote]] = []  # the sentence, or the title naming it
    # What came in the same file is not cited by it: a notice's attachment (关于印发《X》的通知
    # issues X), the notice that issued this plan, and their 文号.
    same_file = {normalize_title(c.metadata.title) for c in ctx.doc.companions if c.metadata.title}
    same_numbers = {c.metadata.doc_number for c in ctx.doc.companions if c.metadata.doc_number}
    if own_title:
        title_text = halfwidth(own_title)
        title_citations = find_citations_halfwidth(title_text, None, meta.doc_number, body=False)
        if _ISSUES.search(title_text):
            same_file.update(normalize_title(c.title) for c in title_citations if c.title)
        else:
            # 解读《X》: the title names the document this one is about.
            found.extend((c, own_title) for c in title_citations)
    for c in find_citations_halfwidth(ctx.text, own_title, meta.doc_number):
        found.append((c, ctx.sentences.quote(c.start)))
    own_key = normalize_title(own_title) if own_title else None
    issued_plans = {
        _plan_key(m.group("plan"))
        for c, _ in found
        if c.title and c.number and (m := _NOTICE_OF.search(c.title))
    }
    # A document cited with two strong cues keeps the first (the preamble's 贯彻落实 over a
    # later 根据 in the text).
    strong: dict[str, str] = {}
    targets = []
    for citation, evidence in found:
        # A title of this file's documents with a 文号 of its own is an earlier version.
        same_title = citation.title and (
            own_key == normalize_title(citation.title)
            or normalize_title(citation.title) in same_file
        )
        if same_title and (citation.number is None or citation.number == meta.doc_number):
            continue
        if citation.number and citation.number in same_numbers:
            continue
        if citation.title and not citation.number and _plan_key(citation.title) in issued_plans:
            continue
        target = _stub(ctx, b, citation)
        if target[1] == ctx.doc_id:
            continue
        targets.append((citation, evidence, target))
        if citation.relation in _STRONG:
            strong.setdefault(target[1], citation.relation)
    for citation, evidence, target in targets:
        if strong.get(target[1], citation.relation) != citation.relation:
            continue
        b.rel("CITES", doc, target, evidence, relation=citation.relation)
