"""Cleaning stage: set boilerplate aside and record credit lines.

Rules are small and named; the name is shown on the article page beside the greyed-out
text, so a reader can see why a paragraph was not analysed. Three kinds:

- paragraph rules: a paragraph that matches as a whole is trimmed;
- tail rules: a paragraph that opens end-of-page furniture (teasers, comment forms):
  it and everything after it are trimmed;
- inline rules: a match inside a paragraph is trimmed, the rest kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import CleanRules
from .model import Document, Span, Trimmed
from .text import paragraph_spans


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern


def _rules(specs: dict[str, str]) -> tuple[Rule, ...]:
    return tuple(Rule(name, re.compile(pattern, re.I)) for name, pattern in specs.items())


PARAGRAPH_RULES = _rules({
    "section label": r"(?:world|global|top|latest|breaking|local|business|politics|us|u\.s\.) news",
    "advertisement": r"[-–—\s]*(?:advertisement|sponsored(?: content)?|ad)[-–—\s]*",
    "subscription prompt": r"(?:free )?subscri(?:b|pt)\w*(?: now| to our newsletter| today)?!?"
                           r"|sign up for (?:our|the) \w+(?: \w+){0,4}\.?",
    "social links": r"(?:follow|like|join) us on\b.{0,80}|share (?:this|on)\b.{0,40}",
    "image credit": r"(?:.{0,120}\b)?(?:image|photo|picture)(?:graph)? (?:source|credit)s?\s*:.{0,300}"
                    r"|(?:photo|image|file photo)\s*:\s*.{0,200}"
                    r"|.{0,200}\((?:getty images|reuters|ap photo|afp)[^)]*\)",
    "breadcrumb": r"home\s*(?:[›»>/|]|(?=[A-Z])).{0,100}",
    "comment form": r"(?:please )?enter your (?:comment|name|email)[^\n]{0,200}|leave a (?:reply|comment).{0,40}",
    "read more": r"(?:read|see) (?:more|also|now)\s*:?.{0,120}",
})
TAIL_RULES = _rules({
    "related links": r"(?:related (?:posts|articles|stories|news)|you (?:may|might) also like|more stories"
                     r"|recommended(?: for you)?|more from \w+(?: \w+)?)\s*:?",
    "popular list": r"(?:most popular|popular news|most read|trending(?: now)?|top stories)\s*:?",
    "comment form": r"(?:please enter your comment!?|leave a (?:reply|comment)|\d+ comments?)",
})
INLINE_RULES = _rules({
    "social links": r"\bfollow us on\b",
    "dateline stamp": r"^\s*date \d{4}-\d{2}-\d{2}\b",
    "image credit": r"\b(?:image|photo) (?:source|credit)\s*:\s*[A-Z0-9 ().,&-]{2,60}?\((?:[A-Z]{1,4})\)",
})
CREDIT_RULES = _rules({
    "credit line": r"(?:this (?:post|article|story) )?(?:appeared|was) (?:first |originally )?(?:published )?on .{2,80}"
                   r"|originally (?:published|appeared) (?:on|by|in|at) .{2,80}"
                   r"|(?:source|via|courtesy(?: of)?)\s*:\s*.{2,60}"
                   r"|(?:with )?(?:reporting|additional reporting) (?:by|from) .{2,120}",
})
# Mentions in running text that credit another outlet; recorded, not trimmed.
CREDIT_MENTION_RE = re.compile(
    r"\b(?:as (?:first )?reported by|as per|first reported by|(?:originally )?published by|via)"
    r"\s+((?:the\s+)?[A-Z](?:[\w&'-]|\.(?=\w))*(?:\s+[A-Z](?:[\w&'-]|\.(?=\w))*){0,4})")


@dataclass(frozen=True, slots=True)
class Cleaned:
    trimmed: tuple[Trimmed, ...]
    credits: tuple[str, ...]


def _fullmatch(rules: tuple[Rule, ...], text: str) -> Rule | None:
    return next((r for r in rules if r.pattern.fullmatch(text)), None)


def _user_rules(prefix: str, patterns: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(Rule(f"{prefix} (site.yml)", re.compile(p, re.I)) for p in patterns)


def clean(document: Document, rules: CleanRules) -> Cleaned:
    """Trimmed ranges and credits of a document's text."""
    text = document.text
    builtin = rules.builtin
    paragraph = (PARAGRAPH_RULES if builtin else ()) + _user_rules("boilerplate", rules.trim)
    tail = (TAIL_RULES if builtin else ()) + _user_rules("end of article", rules.trim_after)
    credit_rules = (CREDIT_RULES if builtin else ()) + _user_rules("credit line", rules.credits)
    inline = (INLINE_RULES if builtin else ()) + _user_rules("boilerplate", rules.trim)
    trimmed: list[Trimmed] = []
    credits: list[str] = list(document.meta.credits)
    spans = paragraph_spans(text)
    for i, span in enumerate(spans):
        para = text[span.start:span.end]
        if rule := _fullmatch(tail, para):
            trimmed.append(Trimmed(span.start, spans[-1].end, rule.name))
            break
        if rule := _fullmatch(credit_rules, para):
            credits.append(para)
            trimmed.append(Trimmed(span.start, span.end, rule.name))
        elif rule := (_fullmatch(paragraph, para) or _repeated_title(para, document, i)):
            trimmed.append(Trimmed(span.start, span.end, rule.name))
        else:
            trimmed.extend(_inline(inline, text, span))
            credits.extend(m.group(0) for m in CREDIT_MENTION_RE.finditer(para))
    return Cleaned(tuple(trimmed), tuple(dict.fromkeys(credits)))


_TITLE_RULE = Rule("title repeated", re.compile(""))


def _repeated_title(para: str, document: Document, index: int) -> Rule | None:
    title = document.meta.title
    if index < 5 and title and _letters(para) == _letters(title):
        return _TITLE_RULE
    return None


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _inline(rules: tuple[Rule, ...], text: str, span: Span) -> list[Trimmed]:
    found = []
    for rule in rules:
        for m in rule.pattern.finditer(text, span.start, span.end):
            if m.end() > m.start():
                found.append(Trimmed(m.start(), m.end(), rule.name))
    return sorted(found, key=lambda t: (t.start, t.end))
