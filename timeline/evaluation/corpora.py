"""Gold corpora of temporal expressions, read into one shape: :class:`GoldDocument`.

Three formats are read:

* ACE TERN / TIMEX2 (WikiWarsDE): ``in/*.sgm`` raw documents, ``key/*.key.apf.xml`` stand-off
  gold, and optionally ``keyinline/*.key.xml`` (the same gold inline) -- :func:`read_ace_tern`;
* TimeML / TIMEX3 inline files (TempEval-3 ``.tml``) -- :func:`read_timeml`;
* the project's seed gold, JSON lines over plain-text files -- :func:`read_seeds_jsonl`;
* news JSON lines (news-dev): one row per article with its timexes (``gold_timex.jsonl``) beside
  one row per article with its text and timestamp (``texts_gold.jsonl``) -- :func:`read_news_jsonl`.

:func:`load_corpus` picks the reader from the path.  Every reader checks that each gold span
indexes its document text (``text[start:end] == timex.text``) and records what does not align in
``GoldDocument.problems`` instead of failing: :func:`alignment_problems` collects them.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import attrs

from timeline.context import local_day
from timeline.errors import InputError
from timeline.evaluation.markup import Element, parse_attributes, strip_markup

PathLike = Union[str, Path]

#: TIMEX2/TIMEX3 attributes that become GoldTimex fields; the others go to ``GoldTimex.extra``.
_FIELD_ATTRIBUTES = {"val", "value", "type", "mod", "tid", "id"}


@attrs.frozen
class GoldTimex:
    """One gold temporal expression: ``doc.text[start:end] == text`` (end exclusive).

    ``value`` is None when the annotation gives none; ``type`` is None for TIMEX2 (it has no
    type); ``extra`` keeps the other attributes (anchor_val, anchor_dir, set, non_specific, ...).
    """

    start: int
    end: int
    text: str
    value: Optional[str]
    type: Optional[str] = None
    mod: Optional[str] = None
    tid: Optional[str] = None
    extra: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False)


@attrs.define
class GoldDocument:
    """A gold document: its text (what the tagger is given), its creation date and its timexes."""

    doc_id: str
    text: str
    dct: Optional[date]
    timexes: List[GoldTimex]
    path: Optional[str] = None
    problems: List[str] = attrs.field(factory=list)


def parse_dct(raw: Optional[str]) -> Optional[date]:
    """The date at the start of a DCT string (``2011-02-16T17:00:00``, ``20030422-10:05``), or None."""
    if not raw:
        return None
    m = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _blank_to_none(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    return value or None


def check_spans(doc: GoldDocument) -> List[str]:
    """Messages for the gold timexes of ``doc`` whose span does not index their text."""
    bad = []
    for t in doc.timexes:
        if not (0 <= t.start < t.end <= len(doc.text)) or doc.text[t.start : t.end] != t.text:
            bad.append(
                f"{doc.doc_id}: span {t.start}-{t.end} reads {doc.text[t.start:t.end]!r}, gold says {t.text!r}"
            )
    return bad


def alignment_problems(docs: Iterable[GoldDocument]) -> List[str]:
    """Every problem the readers recorded (misaligned spans, disagreeing gold files), in order."""
    return [p for d in docs for p in d.problems]


# --- ACE TERN / TIMEX2 --------------------------------------------------------------------------

_APF_TIMEX = re.compile(r"<timex2\b([^>]*)>(.*?)</timex2>", re.DOTALL | re.IGNORECASE)
_APF_CHARSEQ = re.compile(r"<charseq\b([^>]*)>(.*?)</charseq>", re.DOTALL | re.IGNORECASE)


def _timex2_from_attributes(start: int, end: int, text: str, pairs: Sequence[Tuple[str, str]]) -> GoldTimex:
    """Build a GoldTimex from TIMEX2 attributes (APF or inline; names are case-folded).

    In the APF files of WikiWarsDE a timex with an anchor carries VAL twice: the first is the
    inline ``anchor_val``, the last the real ``val``.  So the last VAL is the value and an
    earlier one is kept as ``extra["anchor_val"]``.
    """
    vals = [v for k, v in pairs if k.lower() == "val"]
    extra = {k.lower(): v for k, v in pairs if k.lower() not in _FIELD_ATTRIBUTES}
    if len(vals) > 1:
        extra.setdefault("anchor_val", vals[0])
    lookup = {k.lower(): v for k, v in pairs}
    return GoldTimex(
        start=start,
        end=end,
        text=text,
        value=_blank_to_none(vals[-1]) if vals else None,
        type=_blank_to_none(lookup.get("type")),
        mod=_blank_to_none(lookup.get("mod")),
        tid=lookup.get("id"),
        extra=extra,
    )


def read_apf(apf_text: str) -> List[GoldTimex]:
    """The TIMEX2 mentions of an ACE APF file, offsets as in the file (END made exclusive)."""
    timexes = []
    for m in _APF_TIMEX.finditer(apf_text):
        pairs = parse_attributes(m.group(1))
        for cm in _APF_CHARSEQ.finditer(m.group(2)):
            cattrs = dict(parse_attributes(cm.group(1)))
            start, end = int(cattrs["START"]), int(cattrs["END"]) + 1
            timexes.append(_timex2_from_attributes(start, end, html.unescape(cm.group(2)), pairs))
    timexes.sort(key=lambda t: (t.start, t.end))
    return timexes


def _bytes_to_chars(text: str, timexes: List[GoldTimex]) -> Optional[List[GoldTimex]]:
    """Timexes with UTF-8 byte offsets into ``text`` re-expressed in characters (None if impossible)."""
    char_at: Dict[int, int] = {}
    offset = 0
    for i, ch in enumerate(text):
        char_at[offset] = i
        offset += len(ch.encode("utf-8"))
    char_at[offset] = len(text)
    converted = []
    for t in timexes:
        if t.start not in char_at or t.end not in char_at:
            return None
        converted.append(attrs.evolve(t, start=char_at[t.start], end=char_at[t.end]))
    return converted


def _aligned(text: str, timexes: Sequence[GoldTimex]) -> int:
    return sum(text[t.start : t.end] == t.text for t in timexes)


def align_offsets(text: str, timexes: List[GoldTimex], unit: str = "auto") -> List[GoldTimex]:
    """The timexes with character offsets into ``text``.

    WikiWarsDE's APF offsets count UTF-8 *bytes* of the tag-stripped text (they only look like
    character offsets until the first umlaut).  ``unit`` is ``"byte"``, ``"char"`` or ``"auto"``:
    whichever reading aligns more gold spans with their text, bytes on a tie.  Offsets that fall
    inside a character cannot be bytes and are left as they are (misaligned spans get reported).
    """
    if unit == "char":
        return timexes
    as_bytes = _bytes_to_chars(text, timexes)
    if as_bytes is None:
        return timexes
    if unit == "byte" or _aligned(text, as_bytes) >= _aligned(text, timexes):
        return as_bytes
    return timexes


def _inline_timex2(doc: GoldDocument, inline_raw: str) -> Optional[Dict[Tuple[int, int], Element]]:
    """TIMEX2 elements of the inline key by span, or None (with a problem noted) if its text differs."""
    stripped = strip_markup(inline_raw, decode_entities=False)
    if stripped.text != doc.text:
        doc.problems.append(f"{doc.doc_id}: inline key text differs from the .sgm text; APF attributes used")
        return None
    return {(e.start, e.end): e for e in stripped.find("TIMEX2")}


def _merge_inline(doc: GoldDocument, inline: Dict[Tuple[int, int], Element]) -> None:
    """Replace APF attributes by the inline key's (APF drops most MOD and confuses anchor_val/val)."""
    merged = []
    for t in doc.timexes:
        element = inline.pop((t.start, t.end), None)
        if element is None:
            doc.problems.append(f"{doc.doc_id}: APF timex {t.start}-{t.end} {t.text!r} is not in the inline key")
            merged.append(t)
            continue
        new = _timex2_from_attributes(t.start, t.end, t.text, element.attributes)
        merged.append(attrs.evolve(new, tid=t.tid))
    for (start, end), element in sorted(inline.items()):
        doc.problems.append(
            f"{doc.doc_id}: inline timex {start}-{end} {doc.text[start:end]!r} is not in the APF key"
        )
    doc.timexes = merged


def read_ace_tern(directory: PathLike, use_inline: bool = True, offsets: str = "auto") -> List[GoldDocument]:
    """Read an ACE TERN corpus directory (``in/*.sgm`` + ``key/*.apf.xml`` [+ ``keyinline/``]).

    The text is the ``.sgm`` file with every SGML tag removed (entities left as written): APF
    offsets index exactly that text, in UTF-8 bytes for WikiWarsDE, and are converted to
    characters (``offsets``: see :func:`align_offsets`).  The DCT comes from ``<DATETIME>``.
    When ``keyinline/<id>.key.xml`` exists and strips to the same text, its TIMEX2 attributes
    are used (``val`` absent means no value); otherwise the APF attributes, last VAL winning.
    """
    root = Path(directory)
    docs = []
    for sgm in sorted((root / "in").glob("*.sgm")):
        doc_id = sgm.name[: -len(".sgm")]
        stripped = strip_markup(sgm.read_text(encoding="utf-8"), decode_entities=False)
        doc = GoldDocument(doc_id, stripped.text, parse_dct(stripped.first_text("DATETIME")), [], path=str(sgm))
        apf = root / "key" / f"{doc_id}.key.apf.xml"
        if not apf.exists():
            candidates = sorted((root / "key").glob(f"{doc_id}*.apf.xml"))
            apf = candidates[0] if candidates else apf
        if apf.exists():
            doc.timexes = align_offsets(doc.text, read_apf(apf.read_text(encoding="utf-8")), offsets)
            doc.problems.extend(check_spans(doc))
        else:
            doc.problems.append(f"{doc_id}: no APF key file")
        inline_path = root / "keyinline" / f"{doc_id}.key.xml"
        if use_inline and inline_path.exists():
            inline = _inline_timex2(doc, inline_path.read_text(encoding="utf-8"))
            if inline is not None:
                _merge_inline(doc, inline)
        docs.append(doc)
    return docs


# --- TimeML / TIMEX3 ----------------------------------------------------------------------------


def read_timeml_document(raw: str, doc_id: str, path: Optional[str] = None) -> GoldDocument:
    """One TimeML document: the TEXT element's content without tags, its TIMEX3s, and its DCT.

    Entities are decoded (``&amp;`` is one character of the text).  Non-consuming (empty) TIMEX3
    elements are skipped: they have no extent to find.  ``doc_id`` is used when the file has no
    ``<DOCID>``.
    """
    whole = strip_markup(raw)
    doc = GoldDocument((whole.first_text("DOCID") or "").strip() or doc_id, "", None, [], path=path)
    creation = [e for e in whole.find("TIMEX3") if (e.get("functionInDocument") or "").upper() == "CREATION_TIME"]
    doc.dct = parse_dct(creation[0].get("value")) if creation else parse_dct(whole.first_text("DCT"))
    bodies = whole.find("TEXT")
    if not bodies:
        doc.problems.append(f"{doc.doc_id}: no <TEXT> element")
        return doc
    body = bodies[0]
    doc.text = whole.text[body.start : body.end]
    for e in whole.find("TIMEX3"):
        if e.start == e.end or e.start < body.start or e.end > body.end:
            continue  # non-consuming (an implicit time), or outside TEXT (the DCT)
        doc.timexes.append(
            GoldTimex(
                start=e.start - body.start,
                end=e.end - body.start,
                text=whole.text[e.start : e.end],
                value=_blank_to_none(e.get("value")),
                type=_blank_to_none(e.get("type")),
                mod=_blank_to_none(e.get("mod")),
                tid=e.get("tid"),
                extra={k: v for k, v in e.attributes if k.lower() not in _FIELD_ATTRIBUTES},
            )
        )
    return doc


def read_timeml(path: PathLike) -> List[GoldDocument]:
    """Read a TimeML file or every ``*.tml``/``*.xml`` TimeML file of a directory (sorted by name)."""
    p = Path(path)
    files = [p] if p.is_file() else sorted(f for f in p.iterdir() if f.suffix in (".tml", ".xml") and _is_timeml(f))
    return [read_timeml_document(f.read_text(encoding="utf-8"), f.stem, path=str(f)) for f in files]


def _is_timeml(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return "<TimeML" in handle.read(4096)


# --- seeds: JSON lines over plain-text files ------------------------------------------------------


def _publication_dates(path: Optional[Path]) -> Dict[str, Optional[date]]:
    """``{file: date}`` from publication.json (``{"documents": [{file, published}]}`` or ``{file: date}``)."""
    if path is None or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        return {d["file"]: parse_dct(d.get("published")) for d in data["documents"] if "file" in d}
    if isinstance(data, dict):
        return {k: parse_dct(v) for k, v in data.items() if isinstance(v, str)}
    return {d["file"]: parse_dct(d.get("published")) for d in data if isinstance(d, dict) and "file" in d}


def read_seeds_jsonl(
    gold_path: PathLike, texts_dir: PathLike, publication: Optional[PathLike] = None
) -> List[GoldDocument]:
    """Read seed gold: one JSON object per line ``{file, start, end, text, type, value, mod}``.

    Texts are read from ``texts_dir/<file>`` exactly as stored (no newline translation), dates from
    ``publication`` (default ``texts_dir/publication.json``).  Documents are the files named in
    the gold file, in order of first appearance; blank lines and ``#`` lines are skipped.
    """
    texts = Path(texts_dir)
    pub = Path(publication) if publication else texts / "publication.json"
    dates = _publication_dates(pub)
    docs: Dict[str, GoldDocument] = {}
    for number, line in enumerate(Path(gold_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        name = row["file"]
        if name not in docs:
            text_path = texts / name
            with open(text_path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            docs[name] = GoldDocument(name, text, dates.get(name), [], path=str(text_path))
            if name not in dates:
                docs[name].problems.append(f"{name}: no publication date in {pub}")
        docs[name].timexes.append(
            GoldTimex(
                start=int(row["start"]),
                end=int(row["end"]),
                text=row.get("text", ""),
                value=_blank_to_none(row.get("value")),
                type=_blank_to_none(row.get("type")),
                mod=_blank_to_none(row.get("mod")),
                tid=f"line {number}",
            )
        )
    for doc in docs.values():
        doc.timexes.sort(key=lambda t: (t.start, t.end))
        doc.problems.extend(check_spans(doc))
    return list(docs.values())


# --- news JSON lines (news-dev) -------------------------------------------------------------------

#: The time zone whose calendar day is the DCT of a news article (its "Stand:" stamp).
NEWS_TIME_ZONE = "Europe/Berlin"
NEWS_GOLD = "gold_timex.jsonl"
NEWS_TEXTS = "texts_gold.jsonl"


def news_dct(stamp: Optional[str], zone: str = NEWS_TIME_ZONE) -> Optional[date]:
    """The calendar day in ``zone`` of an ISO 8601 timestamp (``2025-05-06T23:30:00+01:00``).

    A stamp without offset is taken as local time of ``zone``; one that is no ISO timestamp falls
    back to the date it starts with (:func:`parse_dct`).  Without a time-zone database the day
    written in the stamp is used (the news-dev stamps are already written in Berlin time).
    """
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return parse_dct(stamp)
    try:
        return local_day(moment, zone)
    except InputError:  # no tz database: the stamp's own day
        return moment.date()


def _json_rows(path: Path) -> Iterable[Tuple[int, dict]]:
    """``(line number, object)`` for every non-blank line of a JSON-lines file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            yield number, json.loads(line)


def read_news_jsonl(gold_path: PathLike, texts_path: Optional[PathLike] = None) -> List[GoldDocument]:
    """Read news gold in JSON lines: ``{"id", "timexes": [{text, start, end, type, value, mod?}]}``.

    The texts come from ``texts_path`` (default: ``texts_gold.jsonl`` beside the gold), one
    ``{"id", "dct", "text", ...}`` per line; the DCT is the Berlin calendar day of ``dct``
    (:func:`news_dct`).  Offsets are characters of ``text``.  Documents come in the gold file's
    order; a gold id without a text, and a misaligned span, are recorded as problems.
    """
    gold = Path(gold_path)
    texts = Path(texts_path) if texts_path else gold.parent / NEWS_TEXTS
    articles = {row["id"]: row for _, row in _json_rows(texts)}
    docs = []
    for number, row in _json_rows(gold):
        article = articles.get(row["id"])
        doc = GoldDocument(row["id"], "", None, [], path=str(texts))
        if article is None:
            doc.problems.append(f"{row['id']}: no text in {texts}")
        else:
            doc.text = article.get("text", "")
            doc.dct = news_dct(article.get("dct"))
        for t in row.get("timexes", []):
            extra = {"unsure": "true"} if t.get("unsure") else {}
            doc.timexes.append(
                GoldTimex(
                    start=int(t["start"]),
                    end=int(t["end"]),
                    text=t.get("text", ""),
                    value=_blank_to_none(t.get("value")),
                    type=_blank_to_none(t.get("type")),
                    mod=_blank_to_none(t.get("mod")),
                    tid=f"line {number}",
                    extra=extra,
                )
            )
        doc.timexes.sort(key=lambda t: (t.start, t.end))
        doc.problems.extend(check_spans(doc))
        docs.append(doc)
    return docs


def _is_news_gold(path: Path) -> bool:
    """True for a JSON-lines file whose first row is an article with a ``timexes`` list."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                try:
                    row = json.loads(line)
                except ValueError:
                    return False
                return isinstance(row, dict) and isinstance(row.get("timexes"), list)
    return False


# --- detection and statistics -------------------------------------------------------------------


def detect_format(path: PathLike) -> str:
    """``"ace"``, ``"timeml"``, ``"news"`` or ``"seeds"`` for ``path``; ValueError saying what was
    expected.  A directory holding ``gold_timex.jsonl`` is news gold, as is a ``.jsonl`` file whose
    rows carry a ``timexes`` list."""
    p = Path(path)
    if p.is_dir() and (p / "in").is_dir() and (p / "key").is_dir():
        return "ace"
    if p.is_dir() and (p / NEWS_GOLD).is_file():
        return "news"
    if p.is_file() and p.suffix == ".jsonl":
        return "news" if _is_news_gold(p) else "seeds"
    if p.is_file() and _is_timeml(p):
        return "timeml"
    if p.is_dir() and any(f.suffix in (".tml", ".xml") and _is_timeml(f) for f in p.iterdir() if f.is_file()):
        return "timeml"
    raise ValueError(
        f"cannot tell the corpus format of {p}: expected an ACE TERN directory (in/*.sgm + key/*.apf.xml), "
        "TimeML files (*.tml with <TimeML>), a news gold directory (gold_timex.jsonl + texts_gold.jsonl), "
        "or a seeds gold file (*.jsonl)"
    )


def default_seed_texts(gold_path: Path) -> Path:
    """Where seed texts live when not given: ../shared/seeds relative to the repository."""
    for parent in gold_path.resolve().parents:
        if (parent / "timeline").is_dir() and (parent.parent / "shared" / "seeds").is_dir():
            return parent.parent / "shared" / "seeds"
    return gold_path.parent


def load_corpus(path: PathLike, texts: Optional[PathLike] = None) -> List[GoldDocument]:
    """Read the corpus at ``path`` whatever its format (see :func:`detect_format`).

    ``texts`` is the directory of seed texts for a seeds ``.jsonl`` gold file (default: the
    repository's ../shared/seeds), or the texts file of news gold (default: ``texts_gold.jsonl``
    beside the gold).
    """
    kind = detect_format(path)
    if kind == "ace":
        return read_ace_tern(path)
    if kind == "timeml":
        return read_timeml(path)
    p = Path(path)
    if kind == "news":
        return read_news_jsonl(p / NEWS_GOLD if p.is_dir() else p, texts)
    return read_seeds_jsonl(p, Path(texts) if texts else default_seed_texts(p))


def gold_statistics(docs: Sequence[GoldDocument]) -> dict:
    """Counts for a corpus summary: documents, timexes, those without value, attributes used."""
    timexes = [t for d in docs for t in d.timexes]
    return {
        "documents": len(docs),
        "timexes": len(timexes),
        "without_value": sum(t.value is None for t in timexes),
        "with_mod": dict(Counter(t.mod for t in timexes if t.mod)),
        "types": dict(Counter(t.type for t in timexes if t.type)),
        "extra_attributes": dict(Counter(k for t in timexes for k in t.extra)),
        "problems": len(alignment_problems(docs)),
    }
