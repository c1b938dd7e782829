"""The house's structure: imports run only downward, there is no import circle, and an import
inside a function says why it is there (docs/architecture.md).

Layers, from the bottom: the foundation `ifrc_site` (without its demo app), the content apps
(`news`, `resources`), the programme apps (`migration`, `immunization`), and the demo app
(`ifrc_site.demo`, installed by the dev and test settings only). A module may import from its
own app and from the layers below it, never from a layer above or from another app of its
own layer. Function-level imports are counted too: hiding an import in a function does not
change which way it runs.
"""

import ast
import pathlib
import re

from django.conf import settings

import grimp
import pytest

APPS = ("ifrc_site", "news", "resources", "migration", "immunization")
LAYERS = {
    "ifrc_site": 0,
    "news": 1,
    "resources": 1,
    "migration": 2,
    "immunization": 2,
    "ifrc_site.demo": 3,
}
ROOT = pathlib.Path(settings.BASE_DIR)
NOQA = re.compile(r"noqa(: *[A-Z]+[0-9]+(, *[A-Z]+[0-9]+)*)?")  # not a reason by itself


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*APPS, include_external_packages=False, cache_dir=None)


def app_of(module):
    """The app a module belongs to: the longest name in LAYERS that it is, or is inside of."""
    return max(
        (app for app in LAYERS if module == app or module.startswith(f"{app}.")),
        key=len,
    )


def imports(graph):
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            yield importer, imported


def where(graph, importer, imported):
    details = graph.get_import_details(importer=importer, imported=imported)
    return ", ".join(f"line {detail['line_number']}" for detail in details)


def test_imports_run_only_downward(graph):
    wrong = []
    for importer, imported in imports(graph):
        if ".migrations." in importer:
            continue  # migrations name the models of their time, by design
        source, target = app_of(importer), app_of(imported)
        if source == target:
            continue
        if LAYERS[target] >= LAYERS[source]:
            wrong.append(f"{importer} -> {imported} ({where(graph, importer, imported)})")
    assert not wrong, "Imports that run up or sideways between apps:\n" + "\n".join(wrong)


def strongly_connected(nodes, edges):
    """Tarjan's algorithm: the groups of nodes that reach each other (circles)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circles(graph):
    edges = {}
    for importer, imported in imports(graph):
        # A package's __init__ that imports its own modules is not a circle of the code.
        if not imported.startswith(f"{importer}."):
            edges.setdefault(importer, set()).add(imported)
    circles = strongly_connected(graph.modules, edges)
    assert not circles, "Import circles:\n" + "\n".join(" <-> ".join(c) for c in circles)


def production_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path


def function_level_imports(path):
    """(line number, has a reason) of each import written inside a function."""
    lines = path.read_text().splitlines()
    tree = ast.parse("\n".join(lines))
    import_lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            import_lines.update(range(node.lineno, node.end_lineno + 1))

    def reason_near(lineno):
        """A comment on the import, or on the line above its group of imports."""
        number = lineno
        while number >= 1:
            line = lines[number - 1].strip()
            comment = NOQA.sub("", line.partition("#")[2]).strip()
            if comment:
                return True
            if number not in import_lines and line:
                return False
            number -= 1
        return False

    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node.lineno, reason_near(node.lineno)


def test_imports_inside_functions_say_why():
    unexplained = [
        f"{path.relative_to(ROOT)}:{lineno}"
        for path in production_files()
        for lineno, explained in function_level_imports(path)
        if not explained
    ]
    assert not unexplained, (
        "Imports inside functions without a comment saying why they cannot be at the top:\n"
        + "\n".join(unexplained)
    )


def test_the_check_sees_a_wrong_import(tmp_path):
    """The checks above can fail: an upward import and an unexplained late import are found."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from news.models import NewsStoryPage\n    return 1\n")
    assert list(function_level_imports(bad)) == [(2, False)]
    good = tmp_path / "good.py"
    good.write_text("def f():\n    # Loaded late: heavy.\n    import json\n\n    import csv\n")
    assert list(function_level_imports(good)) == [(3, True), (5, True)]
    silent = tmp_path / "silent.py"
    silent.write_text("def f():\n    x = 1\n    import json  # noqa: F401\n")
    assert list(function_level_imports(silent)) == [(3, False)]
    assert app_of("ifrc_site.demo.pages") == "ifrc_site.demo"
    assert LAYERS[app_of("news.models")] > LAYERS[app_of("ifrc_site.models")]
    assert strongly_connected({"a", "b", "c"}, {"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
