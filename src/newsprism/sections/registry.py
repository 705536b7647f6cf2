"""The section registry: one declaration per briefing section.

A :class:`Section` says in one place what a section is: its name (the key in briefing.json),
the record type of one item, how the items are made (``extract`` per article from the parsed
Doc and an :class:`ArticleContext`, or ``build`` once per story from a :class:`StoryContext`),
how they are numbered (``prefix``: q1, q2...), the JSON schema of the key, the Markdown and
HTML partials, which spans the HTML source view highlights, and the digest line of the CLI.

Like spaCy's ``@Language.factory`` (a name, a factory and declared ``assigns``) it is a plain
record registered under a name; unlike pluggy's hook specifications a section is not spread
over several hooks. Third-party sections come from the entry point group
``newsprism.sections``: each entry point names a :class:`Section` (or a callable returning
one or a list of them), loaded the first time the registry is read.

annotate, numbering, ``to_dict``, schema assembly, the report templates, highlighting and
the CLI digest all iterate over :func:`sections`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..embed import Embedder
    from ..model import AnnotatedArticle, Briefing, CleanArticle, Removed, Sentence, Story
    from ..options import Options

ENTRY_POINT_GROUP = "newsprism.sections"
DEFAULT_POSITION = 70  # after the summary, before the entities and sources
# briefing.json keys outside the sections, and the fields of AnnotatedArticle and Briefing
# that are not sections: a section may not take these names
RESERVED = frozenset({"schema_version", "generator", "story", "skipped", "warnings", "stats", "sections",
                      "article", "sentences", "mentions", "words", "event_chunks"})


@dataclass(slots=True)
class ArticleContext:
    """What a per-article extractor gets besides the Doc: the article, its sentences and
    paragraphs, the options, and whatever each section's ``load`` returned (by name)."""

    article: CleanArticle
    sentences: list[Sentence]
    options: Options
    models: Mapping[str, Any] = field(default_factory=dict)

    @property
    def source_id(self) -> str:
        return self.article.id

    @property
    def published(self) -> str | None:
        return self.article.published

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        return self.article.paragraphs

    @property
    def removed(self) -> list[Removed]:
        return self.article.removed


@dataclass(slots=True)
class StoryContext:
    """What a per-story builder gets: the story (articles, resolved entities, event date), the
    briefing built so far (sections registered earlier are filled), the options, the
    sentence embedder, and ``shared`` for a piece several sections use (built once)."""

    story: Story
    briefing: Briefing
    options: Options
    embedder: Embedder | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def articles(self) -> list[AnnotatedArticle]:
        return self.story.articles

    def shared(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()`` the first time ``key`` is asked for in this story, the same object after."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]


Extractor = Callable[["Doc", ArticleContext], list[Any]]
Builder = Callable[[StoryContext], list[Any]]
Spans = Callable[[list[dict[str, Any]]], Iterable[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Report:
    """Where a section appears in briefing.md and briefing.html: its partials are
    ``md/<anchor>.j2`` and ``html/<anchor>.j2`` in ``templates`` (default: the package's
    templates folder); ``title`` is its link in the HTML navigation; sections are shown by
    ascending ``position`` (summary 5, disputes 10 ... timeline 40, entities 80, sources 90)."""

    title: str
    position: int = DEFAULT_POSITION
    anchor: str = ""  # the HTML id and the partials' file name (default: the section's name)
    templates: str | Path | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One briefing section. Only ``name`` is required; a field left empty is a part the
    section does not have (no report: not in the reports; no schema: not in briefing.json)."""

    name: str  # key in briefing.json; the field of AnnotatedArticle/Briefing when they have one
    record: type | None = None  # the type of one item
    # how items are made: per article, or once per story (sections registered earlier are built)
    extract: Extractor | None = None
    build: Builder | None = None
    load: Callable[[Options], Any] | None = None  # once per run; extract sees it as ctx.models[name]
    # numbering: per-article items get ids prefix1, prefix2... in source order; relink rewrites
    # the provisional ids items used for cross-references (old id -> new id)
    prefix: str = ""
    relink: Callable[[list[Any], Mapping[str, str]], None] | None = None
    # briefing.json: the schema of this key's value; dump builds the value (default: the items
    # as plain data); items says where they live when not in a field/slot named ``name``
    schema: Mapping[str, Any] | None = None
    required: bool = True  # listed in the schema's required keys (to_dict always writes it)
    dump: Callable[[Briefing], Any] | None = None
    items: Callable[[Briefing], list[Any]] | None = None
    report: Report | None = None
    # the HTML source view: spans of this section's JSON items to mark (class ``kind``)
    highlight: Spans | None = None
    kind: str = ""
    # the CLI digest: (label, text) from the briefing.json dict
    digest: Callable[[dict[str, Any]], tuple[str, str]] | None = None
    stage: str = "briefing"  # the stats key (``<stage>_s``) its build time is added to

    @property
    def css_kind(self) -> str:
        return self.kind or self.name

    @property
    def html_id(self) -> str:
        return (self.report.anchor if self.report else "") or self.name

    @property
    def title(self) -> str:
        return self.report.title if self.report else self.name

    @property
    def position(self) -> int:
        return self.report.position if self.report else DEFAULT_POSITION

    @property
    def markdown(self) -> str | None:
        return f"md/{self.html_id}.j2" if self.report else None

    @property
    def html(self) -> str | None:
        return f"html/{self.html_id}.j2" if self.report else None


class Registry:
    """Sections by name, in registration order (the order of briefing.json, of building, of
    the digest); the report orders them by ``position``."""

    def __init__(self, group: str | None = ENTRY_POINT_GROUP) -> None:
        self._sections: dict[str, Section] = {}
        self._group = group
        self._plugins_loaded = group is None

    def register(self, section: Section, *, replace: bool = False) -> Section:
        if not section.name.isidentifier():
            raise ValueError(f"section name must be an identifier, not {section.name!r}")
        if section.name in RESERVED:
            raise ValueError(f"{section.name!r} is not a section name (reserved: {', '.join(sorted(RESERVED))})")
        if section.name in self._sections and not replace:
            raise ValueError(f"section {section.name!r} is already registered")
        if section.report and any(o.report and o.html_id == section.html_id for o in self._sections.values()
                                  if o.name != section.name):
            raise ValueError(f"section {section.name!r}: report anchor {section.html_id!r} is taken")
        if section.extract is not None and section.build is not None:
            raise ValueError(f"section {section.name!r}: give extract (per article) or build (per story), not both")
        self._sections[section.name] = section
        return section

    def unregister(self, name: str) -> None:
        self._sections.pop(name, None)

    def get(self, name: str) -> Section:
        self._load_plugins()
        return self._sections[name]

    def __contains__(self, name: object) -> bool:
        self._load_plugins()
        return name in self._sections

    def __iter__(self) -> Iterator[Section]:
        self._load_plugins()
        return iter(list(self._sections.values()))

    def report(self) -> list[Section]:
        """Sections shown in the reports, in report order."""
        return sorted((s for s in self if s.report), key=lambda s: s.position)

    def template_dirs(self) -> list[str]:
        """The sections' own template folders (besides the package's)."""
        dirs: list[str] = []
        for s in self:
            if s.report and s.report.templates is not None and str(s.report.templates) not in dirs:
                dirs.append(str(s.report.templates))
        return dirs

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for ep in entry_points(group=self._group or ""):
            # a broken plug-in is named with its reason and left out; the briefing still runs
            try:
                obj = ep.load()
                found = _as_sections(obj() if callable(obj) and not isinstance(obj, Section) else obj)
            except (ImportError, AttributeError, TypeError) as exc:
                warnings.warn(f"section plug-in {ep.name!r} not loaded ({type(exc).__name__}: {exc})", stacklevel=2)
                continue
            for section in found:
                try:
                    self.register(section)
                except ValueError as exc:
                    warnings.warn(f"section plug-in {ep.name!r} not loaded: {exc}", stacklevel=2)


def _as_sections(obj: Any) -> list[Section]:
    if isinstance(obj, Section):
        return [obj]
    if isinstance(obj, (list, tuple)) and all(isinstance(s, Section) for s in obj):
        return list(obj)
    raise TypeError(f"a section plug-in must give a Section or a list of them, not {type(obj).__name__}")


REGISTRY = Registry()


def register(section: Section, *, replace: bool = False) -> Section:
    """Add ``section`` to the registry every stage reads."""
    return REGISTRY.register(section, replace=replace)


def unregister(name: str) -> None:
    REGISTRY.unregister(name)


def sections() -> list[Section]:
    """Every registered section, in registration order."""
    return list(REGISTRY)


def _has_field(holder: Any, name: str) -> bool:
    return name in getattr(type(holder), "__dataclass_fields__", {})


def items_of(section: Section, holder: AnnotatedArticle | Briefing) -> list[Any]:
    """The items of ``section`` on an AnnotatedArticle or a Briefing: the record's field of
    that name when it has one (quotes, figures...), else its entry in ``holder.sections``. On a
    Briefing, a section's ``items`` getter wins (entities live on the story)."""
    from ..model import Briefing

    if section.items is not None and isinstance(holder, Briefing):
        return section.items(holder)
    if _has_field(holder, section.name):
        return getattr(holder, section.name)
    return holder.sections.get(section.name, [])


def set_items(section: Section, holder: AnnotatedArticle | Briefing, items: list[Any]) -> None:
    if _has_field(holder, section.name):
        setattr(holder, section.name, items)
    else:
        holder.sections[section.name] = items


def item_spans(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``highlight`` for items that are spans themselves (source_id, start, end)."""
    for it in items:
        yield {"source_id": it["source_id"], "start": it["start"], "end": it["end"]}


def cited(key: str) -> Spans:
    """``highlight`` for items that cite spans in a list field ``key`` (citations, evidence)."""

    def spans(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for it in items:
            yield from it.get(key, [])

    return spans
