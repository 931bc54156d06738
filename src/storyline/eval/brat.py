"""Reading and writing brat standoff (.ann) attribution files, PolNeAR style.

A PolNeAR file has text-bound annotations ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
(labels Source, Cue, Content, Attribution, and Discuss/Discard notes) and events
``E<n>\\tAttribution:T<a> Source:T<s> Cue:T<c> Content:T<x> [Content2:T<y>]`` (or
``Attribution-no-source:T<a>`` without a Source). Annotated text may contain
newlines, so a T line's text can spill onto following lines: the reader keys on
the offsets and skips lines it does not recognise. Events may refer to T lines
written after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError

ROLES = ("Source", "Cue", "Content")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class BratAttribution:
    """One attribution: each role a tuple of (start, end) fragments (empty when absent)."""

    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()

    def role(self, name: str) -> Fragments:
        return {"Source": self.source, "Cue": self.cue, "Content": self.content}[name]


@dataclass
class _Parsed:
    spans: dict[str, tuple[str, Fragments]] = field(default_factory=dict)
    events: list[list[tuple[str, str]]] = field(default_factory=list)


def _role_name(arg: str) -> str:
    # "Content2" -> "Content": extra fragments of the same role
    return re.sub(r"\d+$", "", arg)


def parse_ann(text: str, *, path: str = "<string>") -> list[BratAttribution]:
    """Attributions of one .ann file (event lines only; bare T spans are ignored)."""
    parsed = _Parsed()
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = tuple((int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";")))
            parsed.spans[m.group(1)] = (m.group(2), frags)
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(p.split(":", 1)) for p in m.group(2).split() if ":" in p]
            parsed.events.append([(a, b) for a, b in args])
    out: list[BratAttribution] = []
    for event in parsed.events:
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg, ref in event:
            role = _role_name(arg)
            if role not in roles:
                continue  # the Attribution trigger
            if ref not in parsed.spans:
                raise EvalError(f"{path}: event refers to missing span {ref}", code="E631")
            roles[role].extend(parsed.spans[ref][1])
        out.append(
            BratAttribution(
                source=tuple(sorted(roles["Source"])),
                cue=tuple(sorted(roles["Cue"])),
                content=tuple(sorted(roles["Content"])),
            )
        )
    return out


def read_ann(path: Path) -> list[BratAttribution]:
    try:
        return parse_ann(path.read_text(encoding="utf-8"), path=str(path))
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}", code="E630") from exc


def _frag_text(text: str, frags: Fragments) -> str:
    return " ".join(text[a:b] for a, b in frags).replace("\n", " ").replace("\t", " ")


def format_ann(text: str, attributions: Sequence[BratAttribution]) -> str:
    """A .ann file for ``attributions`` over ``text``, in PolNeAR's layout."""
    lines: list[str] = []
    t = 0
    e = 0

    def span(label: str, frags: Fragments) -> str:
        nonlocal t
        t += 1
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        lines.append(f"T{t}\t{label} {offsets}\t{_frag_text(text, frags)}")
        return f"T{t}"

    for att in attributions:
        args: list[str] = []
        for role in ROLES:
            frags = att.role(role)
            if frags:
                args.append(f"{role}:{span(role, frags)}")
        if not att.cue and not att.content:
            continue
        trigger_frags = att.cue or att.content
        kind = "Attribution" if att.source else "Attribution-no-source"
        trigger = span("Attribution", trigger_frags)
        e += 1
        lines.append(f"E{e}\t{kind}:{trigger} " + " ".join(args))
    return "\n".join(lines) + ("\n" if lines else "")


def write_ann(path: Path, text: str, attributions: Iterable[BratAttribution]) -> None:
    path.write_text(format_ann(text, list(attributions)), encoding="utf-8")
