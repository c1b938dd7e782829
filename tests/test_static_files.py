"""collectstatic with the site's storage: hashed names, compressed copies, each content
compressed once (ifrc_site/static_files.py)."""

from io import StringIO

from django.core.management import call_command

import pytest
from whitenoise.compress import Compressor

SOURCES = {
    "js/app.js": "document.documentElement.classList.add('js');\n" * 200,
    "js/copy-of-app.js": "document.documentElement.classList.add('js');\n" * 200,
    "css/site.css": "body { background: url('../img/dot.svg'); }\n" + "p { margin: 0 }\n" * 200,
    "img/dot.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>\n' * 40,
    "tiny.txt": "x",  # too small to be worth compressing
}


def collect(settings, tmp_path, backend, name):
    """Every file collectstatic writes with `backend`, by name, and the brotli calls made."""
    source = tmp_path / "static"
    for path, text in SOURCES.items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text)
    root = tmp_path / name
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = root
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}
    calls = []
    original = Compressor.compress_brotli

    def counted(data):
        calls.append(data)
        return original(data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Compressor, "compress_brotli", staticmethod(counted))
        call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    files = {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }
    return files, calls


def test_collectstatic_writes_what_whitenoise_writes_compressing_each_content_once(
    settings, tmp_path
):
    stock, stock_calls = collect(
        settings, tmp_path, "whitenoise.storage.CompressedManifestStaticFilesStorage", "stock"
    )
    ours, our_calls = collect(
        settings, tmp_path, "ifrc_site.static_files.StaticFilesStorage", "ours"
    )

    # The same files, byte for byte: originals, hashed copies, their .br and .gz, the manifest.
    assert ours == stock
    assert any(name.startswith("js/app.") and name.endswith(".js.br") for name in ours)
    assert "tiny.txt.br" not in ours and "tiny.txt.gz" not in ours

    # Each distinct content went through Brotli once (whitenoise alone: once per name).
    assert len(our_calls) == len(set(our_calls))
    assert set(our_calls) == set(stock_calls)
    assert len(stock_calls) > len(our_calls)
