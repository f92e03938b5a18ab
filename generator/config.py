"""site.yml: a declared schema, validated once, every error reported with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, yaml_problem
from .model import Metadata
from .readers.metadata import METADATA_KEYS, load_yaml, metadata_from_mapping
from .errors import ContentError

CONFIG_FILE = "site.yml"
SCHEDULER_RE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")
STORY_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True, slots=True)
class CleanRules:
    """User cleaning rules, added to the built-in ones (regular expressions, case-insensitive)."""

    trim: tuple[str, ...] = ()
    """Patterns of boilerplate: a match is trimmed (the whole paragraph if the pattern fills it)."""
    trim_after: tuple[str, ...] = ()
    """Patterns of a paragraph that starts end-of-page furniture: it and all after it are trimmed."""
    credits: tuple[str, ...] = ()
    """Patterns of credit lines ("Originally published by ..."): recorded as credits and trimmed."""
    builtin: bool = True
    """Apply the built-in rules too."""


@dataclass(frozen=True, slots=True)
class Config:
    """The whole of site.yml; every key optional."""

    title: str = "wiretrace report"
    """Site title, shown on every page."""
    description: str = ""
    """One or two sentences under the title of the front page."""
    footer: str = ""
    """Footer text on every page."""
    base_url: str | None = None
    """Public address of the site; when given, sitemap.xml is written."""
    content: str = "content"
    """Folder of articles, relative to the site folder."""
    output: str = "public"
    """Output folder, relative to the site folder."""
    articles: tuple[tuple[str, Metadata], ...] = ()
    """Metadata for articles by file path relative to ``content`` (title, outlet, url,
    published, author, slug, credits)."""
    clean: CleanRules = CleanRules()
    compare: tuple[tuple[str, Any], ...] = ()
    """Overrides of the passage-alignment settings and of when candidate pairs are pruned
    (see ``generator.compare_settings.AlignSettings`` and ``PruneSettings``)."""
    semantic: str = "auto"
    """Paraphrase detection: 'auto' (when installed), 'on' or 'off'."""
    jobs: int | None = None
    """Worker processes for analysis; empty = all cores."""
    scheduler: str | None = None
    """Address of a Dask scheduler (``tcp://host:8786``): the pair alignment and quote
    extraction run on that cluster (needs the ``[dask]`` extra); empty = this machine."""
    stories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Articles pinned to stories: story id → article ids or file paths (relative to
    ``content``); the other articles are grouped by shared text (generator/stories.py)."""
    site_dir: Path = field(default=Path("."))
    article_lines: tuple[tuple[str, int], ...] = ()
    """The site.yml line of each ``articles`` entry (not a key of site.yml)."""

    def metadata_for(self, file: str) -> Metadata | None:
        return dict(self.articles).get(file)


NOT_KEYS = ("site_dir", "article_lines")
"""Config fields that are not site.yml keys."""


def _key_docs(cls: type) -> list[str]:
    return [f.name for f in fields(cls) if f.name not in NOT_KEYS]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping_items(node: yaml.Node):
    return [(k.value, k, v) for k, v in node.value] if isinstance(node, yaml.MappingNode) else []


def load_config(site_dir: Path) -> tuple[Config, list[Problem]]:
    """The site's Config and every problem in site.yml (the defaults where it is absent)."""
    path = site_dir / CONFIG_FILE
    if not path.exists():
        return Config(site_dir=site_dir), []
    loader = _ConfigLoader(CONFIG_FILE)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        return Config(site_dir=site_dir), [Problem(CONFIG_FILE, "not UTF-8: save site.yml as UTF-8")]
    except yaml.YAMLError as exc:
        message, line = yaml_problem(exc)
        return Config(site_dir=site_dir), [Problem(CONFIG_FILE, f"broken YAML: {message}", line)]
    if root is None:
        return Config(site_dir=site_dir), []
    if not isinstance(root, yaml.MappingNode):
        return Config(site_dir=site_dir), [Problem(CONFIG_FILE, "site.yml must be a mapping of keys to values", 1)]
    return loader.config(root, site_dir), loader.problems


class _ConfigLoader:
    """Walks the YAML node tree so that each problem carries its line."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.file, message, _line(node)))

    def value(self, node: yaml.Node) -> Any:
        return load_yaml(yaml.serialize(node))

    def config(self, root: yaml.MappingNode, site_dir: Path) -> Config:
        values: dict[str, Any] = {}
        valid = _key_docs(Config)
        for name, key, node in _mapping_items(root):
            if name not in valid:
                self.error(key, f"unknown key {name!r}; valid keys are: {', '.join(valid)}")
            elif hasattr(self, f"_{name}"):
                values[name] = getattr(self, f"_{name}")(node)
                if name == "articles":
                    values["article_lines"] = tuple((file, _line(key)) for file, key, _ in _mapping_items(node))
            else:
                values[name] = self._scalar(name, node)
        values = {k: v for k, v in values.items() if v is not None}
        return replace(Config(site_dir=site_dir), **values)

    def _scalar(self, name: str, node: yaml.Node) -> Any:
        value = self.value(node)
        if value is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or isinstance(value, (dict, list)):
            self.error(node, f"{name} must be a single value")
            return None
        return str(value)

    def _base_url(self, node: yaml.Node) -> str | None:
        value = self._scalar("base_url", node)
        if value is not None and not re.match(r"https?://[^/\s]+", value):
            self.error(node, f"base_url must be an http:// or https:// address, not {value!r}")
            return None
        return value

    def _semantic(self, node: yaml.Node) -> str | None:
        value = self.value(node)
        value = {True: "on", False: "off"}.get(value, value)
        if value not in ("auto", "on", "off"):
            self.error(node, f"semantic must be auto, on or off, not {value!r}")
            return None
        return value

    def _jobs(self, node: yaml.Node) -> int | None:
        value = self.value(node)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            self.error(node, f"jobs must be a whole number of 1 or more, not {value!r}")
            return None
        return value

    def _scheduler(self, node: yaml.Node) -> str | None:
        value = self.value(node)
        if value is not None and not (isinstance(value, str) and SCHEDULER_RE.match(value)):
            self.error(node, f"scheduler must be a Dask scheduler address like tcp://host:8786, not {value!r}")
            return None
        return value

    def _stories(self, node: yaml.Node) -> tuple | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "stories must map a story id to a list of article ids or files")
            return None
        result = []
        for story, key, items in _mapping_items(node):
            if not isinstance(story, str) or not STORY_ID_RE.match(story):
                self.error(key, f"stories: {story!r}: a story id is lower-case letters, digits and '-'")
                continue
            value = self.value(items)
            if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
                self.error(items, f"stories: {story}: expected a list of article ids or files")
                continue
            result.append((story, tuple(str(v) for v in value)))
        return tuple(result)

    def _articles(self, node: yaml.Node) -> tuple | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "articles must map file names (relative to the content folder) to metadata")
            return None
        result = []
        for file, key, meta_node in _mapping_items(node):
            if not isinstance(meta_node, yaml.MappingNode):
                self.error(meta_node, f"articles: {file}: expected a mapping of {', '.join(METADATA_KEYS)}")
                continue
            for name, meta_key, _ in _mapping_items(meta_node):
                if name not in METADATA_KEYS:
                    self.error(meta_key, f"articles: {file}: unknown key {name!r}; valid keys are: "
                                         f"{', '.join(METADATA_KEYS)}")
            try:
                result.append((str(file), metadata_from_mapping(self.file, self.value(meta_node) or {})))
            except ContentError as exc:
                self.error(meta_node, f"articles: {file}: {exc.problem.message}")
        return tuple(result)

    def _clean(self, node: yaml.Node) -> CleanRules | None:
        valid = _key_docs(CleanRules)
        values: dict[str, Any] = {}
        for name, key, value_node in _mapping_items(node):
            if name not in valid:
                self.error(key, f"clean: unknown key {name!r}; valid keys are: {', '.join(valid)}")
            elif name == "builtin":
                values[name] = bool(self.value(value_node))
            else:
                values[name] = self._patterns(f"clean: {name}", value_node)
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"clean must be a mapping with keys {', '.join(valid)}")
        return CleanRules(**values)

    def _patterns(self, where: str, node: yaml.Node) -> tuple[str, ...]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        patterns = []
        for item in items:
            pattern = str(self.value(item))
            try:
                re.compile(pattern)
                patterns.append(pattern)
            except re.error as exc:
                self.error(item, f"{where}: bad regular expression {pattern!r}: {exc}")
        return tuple(patterns)

    def _compare(self, node: yaml.Node) -> tuple | None:
        from .compare_settings import AT_LEAST_ONE, AlignSettings, PruneSettings  # the compare stage owns them

        valid = _key_docs(AlignSettings) + _key_docs(PruneSettings)
        align, prune = AlignSettings(), PruneSettings()
        result = []
        for name, key, value_node in _mapping_items(node):
            if name not in valid:
                self.error(key, f"compare: unknown key {name!r}; valid keys are: {', '.join(valid)}")
                continue
            value, default = self.value(value_node), getattr(align if hasattr(align, name) else prune, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                self.error(value_node, f"compare: {name} must be a number ≥ 0 like the default {default!r}")
                continue
            if name in AT_LEAST_ONE and value < 1:
                self.error(value_node, f"compare: {name} must be 1 or more like the default {default!r}, not {value!r}")
                continue
            result.append((name, type(default)(value)))
        return tuple(result)
