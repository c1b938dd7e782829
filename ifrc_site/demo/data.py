"""The demo's text, read from the YAML files in data/ (see the comment at the top of each).

One YAML tag is the demo's own: `!rich` makes a list of paragraphs into rich text.
"""

from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent / "data"


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe loader, plus `!rich`."""


Loader.add_constructor("!rich", lambda loader, node: rich(*loader.construct_sequence(node)))


def load(name):
    """The data of data/<name>.yaml."""
    with (FOLDER / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=Loader)


def translations():
    """{language code: its texts}, one file per language in data/translations/."""
    return {
        path.stem: load(f"translations/{path.stem}")
        for path in sorted((FOLDER / "translations").glob("*.yaml"))
    }


def pairs(items):
    """[{key: value}, ...], as YAML lists blocks and sections, as [(key, value), ...]."""
    return [(key, value) for item in items for key, value in item.items()]
