"""What the library learns from a PDF when it is uploaded: pages, text and a thumbnail."""

import io
import logging
from dataclasses import dataclass

import pypdfium2 as pdfium

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 320  # pixels; shown at half that width, sharp on high-density screens
MAX_TEXT_CHARS = 500_000  # enough for a long report; keeps the search index bounded


@dataclass
class PdfDetails:
    page_count: int
    text: str
    thumbnail: bytes  # WebP of the first page


def read_pdf(data: bytes) -> PdfDetails | None:
    """Page count, extracted text and a first-page thumbnail; None if the PDF can't be read."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        logger.warning("Could not open an uploaded PDF", exc_info=True)
        return None
    try:
        page_count = len(document)
        texts, length = [], 0
        for index in range(page_count):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            texts.append(text)
            length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
        thumbnail = b""
        if page_count:
            first = document[0]
            scale = THUMBNAIL_WIDTH / first.get_width()
            image = first.render(scale=scale).to_pil().convert("RGB")
            first.close()
            buffer = io.BytesIO()
            image.save(buffer, format="WEBP", quality=70, method=6)
            thumbnail = buffer.getvalue()
        text = "\n".join(texts)[:MAX_TEXT_CHARS].replace("\x00", "")
        return PdfDetails(page_count=page_count, text=text, thumbnail=thumbnail)
    finally:
        document.close()
