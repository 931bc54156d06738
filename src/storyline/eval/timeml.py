"""Read and write TimeML (.tml) documents: raw text, DCT and TIMEX3 spans.

The raw text is the content of the TEXT element with every tag removed and
XML entities decoded; TIMEX3 offsets are character offsets into it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from storyline.errors import EvalError
from storyline.models import Timex

_DATE_RX = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDoc:
    docid: str
    text: str
    dct: dt.date | None
    dct_value: str | None
    timexes: tuple[GoldTimex, ...]
    dct_type: str = "DATE"


def _walk(elem: ET.Element, parts: list[str], pos: list[int], out: list[GoldTimex]) -> None:
    """Depth-first over TEXT: collect the text and the TIMEX3 spans inside it."""
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        start = pos[0]
        _walk(child, parts, pos, out)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start : pos[0]]
            out.append(
                GoldTimex(
                    start=start,
                    end=pos[0],
                    text=text,
                    type=child.get("type", ""),
                    value=child.get("value", ""),
                    mod=child.get("mod") or None,
                )
            )
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)


def _date_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _DATE_RX.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file; raises EvalError [E610] when it is not well-formed."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvalError(f"cannot read TimeML file {path}: {exc}", code="E610") from exc
    text_elem = root.find(".//TEXT")
    if text_elem is None:
        raise EvalError(f"TimeML file {path} has no TEXT element", code="E611")
    dct_value = None
    dct_type = "DATE"
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct_value = tx.get("value")
            dct_type = tx.get("type") or "DATE"
            break
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_elem, parts, [0], timexes)
    docid_elem = root.find(".//DOCID")
    docid = (docid_elem.text or "").strip() if docid_elem is not None else path.stem
    timexes = [t for t in timexes if t.end > t.start]
    return TimeMLDoc(
        docid=docid or path.stem,
        text="".join(parts),
        dct=_date_of(dct_value),
        dct_value=dct_value,
        timexes=tuple(timexes),
        dct_type=dct_type,
    )


def write_timeml(path: Path, doc: TimeMLDoc, timexes: list[Timex]) -> None:
    """Write ``doc`` with ``timexes`` as TIMEX3 tags inside TEXT (DCT kept)."""
    out: list[str] = []
    cursor = 0
    text = doc.text
    for i, tx in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if tx.start < cursor or tx.end > len(text):
            continue  # overlapping or out of range: TimeML tags cannot nest here
        out.append(escape(text[cursor : tx.start]))
        attrs = f'tid="t{i}" type={quoteattr(tx.type)} value={quoteattr(tx.value)}'
        if tx.mod:
            attrs += f" mod={quoteattr(tx.mod)}"
        out.append(f"<TIMEX3 {attrs}>{escape(text[tx.start : tx.end])}</TIMEX3>")
        cursor = tx.end
    out.append(escape(text[cursor:]))
    dct = ""
    if doc.dct_value:
        dct = (
            f'<DCT><TIMEX3 tid="t0" type={quoteattr(doc.dct_type)} value={quoteattr(doc.dct_value)} '
            f'temporalFunction="false" functionInDocument="CREATION_TIME">'
            f"{escape(doc.dct_value)}</TIMEX3></DCT>\n"
        )
    body = (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc.docid)}</DOCID>\n{dct}<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
