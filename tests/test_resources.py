from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from app.resources import FONT_FILES, FONT_LICENSE, font_path, resource_path


def test_bundled_fonts_and_licence_resolve() -> None:
    for name in FONT_FILES:
        path = font_path(name)
        assert path.stat().st_size > 1_000_000
        TTFont(Path(name).stem, str(path))  # reportlab can embed it
    assert "IPA Font License Agreement v1.0" in resource_path("fonts", FONT_LICENSE).read_text(encoding="utf-8")
