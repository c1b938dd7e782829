"""The demo's pages from its data: references to what the loader made, StreamField blocks, and
translated text laid over the copy of an English page."""

import copy
import re

from .data import pairs

REFERENCE = re.compile(r"\{(image|document|page):([\w-]+)\}")


def resolve(value, refs):
    """`value` with "{image:KEY}", "{document:SLUG}" and "{page:SLUG}" replaced by the id of
    what the loader made (`refs`): a whole string becomes the number, inside text the digits."""
    if isinstance(value, dict):
        return {key: resolve(item, refs) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, refs) for item in value]
    if isinstance(value, str):
        if found := REFERENCE.fullmatch(value):
            return reference(refs, *found.groups())
        return REFERENCE.sub(lambda found: str(reference(refs, *found.groups())), value)
    return value


def reference(refs, kind, key):
    return getattr(refs, f"{kind}s")[key].pk


def page_fields(texts, refs):
    """A page's fields from its data (pages.yaml): blocks as StreamField data, the hero
    picture's key as the picture."""
    fields = resolve(texts, refs)
    fields["body"] = [{"type": kind, "value": value} for kind, value in pairs(fields["body"])]
    if "hero_image" in fields:
        fields["hero_image"] = refs.images[fields["hero_image"]]
    return fields


def overlay_stream(raw_blocks, texts):
    """The raw StreamField data of an English copy, with each {block type: text} of `texts`
    laid over the next block of that type. Blocks with no text here keep the English text."""
    blocks = copy.deepcopy(list(raw_blocks))
    position = 0
    for block_type, value in pairs(texts):
        for index in range(position, len(blocks)):
            if blocks[index]["type"] == block_type:
                blocks[index]["value"] = overlay(blocks[index]["value"], value)
                position = index + 1
                break
    return blocks


def overlay(english, text):
    """`text` laid over a block value: dicts by key, lists by position, strings replaced."""
    if isinstance(text, dict) and isinstance(english, dict):
        return {**english, **{key: overlay(english.get(key), value) for key, value in text.items()}}
    if isinstance(text, list) and isinstance(english, list):
        merged = list(english)
        for index, value in enumerate(text[: len(merged)]):
            item = merged[index]
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                merged[index] = {**item, "value": overlay(item["value"], value)}
            else:
                merged[index] = overlay(item, value)
        return merged
    if isinstance(text, str) and isinstance(english, str):
        return keep_links(english, text)
    return text


def keep_links(english, text):
    """Each bare `<a>` of the translation takes the English link at the same position."""
    links = iter(re.findall(r"<a\b[^>]*>", english))
    return re.sub(r"<a>", lambda match: next(links, match.group(0)), text)
