"""How a long page's body is laid out: its sections for "On this page", and the blocks that go
to the side column on wide screens.

A block names its section by its `section_title(value)` (ifrc_site/blocks.py): a section
heading, a video's title. Each such block gets an anchor made from that title, unique in the
page, so that the list's links land on their sections. Key figures and contact people are
the side column's: on phones the figures come before the body and the contacts after it, on
wide screens both sit beside it (templates/components/page_layout.html).
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

# Block types that go beside the body, before it on phones (SIDE_FIRST) or after (SIDE_LAST).
SIDE_FIRST = ("key_figures",)
SIDE_LAST = ("contact",)
# "On this page" lists a page's sections when it has at least this many.
MIN_SECTIONS = 3


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


@dataclass
class BodyItem:
    block: object
    anchor: str = ""


@dataclass
class PageLayout:
    main: list = field(default_factory=list)
    side_first: list = field(default_factory=list)
    side_last: list = field(default_factory=list)
    sections: list = field(default_factory=list)

    @property
    def contents(self):
        """The sections to list under "On this page", or none for a short page."""
        return self.sections if len(self.sections) >= MIN_SECTIONS else []

    @property
    def has_side(self):
        return bool(self.side_first or self.side_last)


def anchor_for(title, taken):
    """A fragment identifier for a section: its title in lower case with hyphens (letters of
    any script kept), "section" when nothing is left, and a number added when taken."""
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "section"
    anchor, number = base, 1
    while anchor in taken:
        number += 1
        anchor = f"{base}-{number}"
    taken.add(anchor)
    return anchor


def page_layout(stream):
    """Split a StreamField value into the body, the side column and the list of sections."""
    layout = PageLayout()
    # Ids the page already uses around the body (the skip link's target, the header's search
    # box, the list's title, the Migration page's way to help, the footer's emblem).
    taken = {"main", "site-search-q", "toc-title", "help-finder-link", "emblem-title"}
    for block in stream:
        if block.block_type in SIDE_FIRST:
            layout.side_first.append(block)
            continue
        if block.block_type in SIDE_LAST:
            layout.side_last.append(block)
            continue
        title_of = getattr(block.block, "section_title", None)
        title = (title_of(block.value) or "").strip() if title_of else ""
        if not title:
            layout.main.append(BodyItem(block))
            continue
        anchor = anchor_for(title, taken)
        layout.main.append(BodyItem(block, anchor))
        layout.sections.append(Section(anchor, title))
    return layout
