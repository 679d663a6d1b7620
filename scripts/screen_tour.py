"""Open the real window on one screen in a given state, for screenshots under Xvfb:

    ../shared/tools/screenshot.sh docs/screenshots/search.png --wait 6 -- .venv/bin/python scripts/screen_tour.py search

Screens: new-errors, search, change, delete, preview, history, billing, shipments, returns, return-dialog,
settings. Uses KOFURI_DB / KOFURI_DATA_DIR like `kofuri`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.paths import AppPaths
from app.services.operators import SYSTEM_LOGIN, get_operator
from app.services.setup import connect, initialize
from ui.accounts.dialogs import ChangeDialog, InvalidateDialog
from ui.app import install_translations
from ui.main_window import MainWindow
from ui.shared.fonts import ui_font
from ui.shared.widgets import fit_to_screen


def main(screen: str) -> int:
    app = QApplication(sys.argv)
    paths = AppPaths.resolve()
    install_translations(app, paths.data_dir)
    app.setFont(ui_font(10))
    db = connect(None, paths)
    initialize(db, paths)
    window = MainWindow(db, get_operator(db, SYSTEM_LOGIN), user_forms=paths.user_forms_dir)
    fit_to_screen(window, 1420, 880)  # the whole window on a 1024×768 screen too
    window.show()
    keep: list[object] = []

    def search_then(action: str) -> None:
        page = window.search_page
        window.go_to(page)
        page.inputs["name"].setText("やま")
        page.model.searchFinished.connect(lambda _n: QTimer.singleShot(300, lambda: after_search(action)))
        page.run_search()

    def after_search(action: str) -> None:
        page = window.search_page
        page.table.selectRow(2)
        view = page.selected_view()
        if view is None:
            return
        if action == "change":
            dialog = ChangeDialog(db, window.search_page._operator, view, window)
            dialog.form.edits["phone"].setText("090-1234-56")
            dialog.form.edits["phone"].editingFinished.emit()
            dialog.reason.setText("電話番号の変更届（2026-12-01 受付）")
            dialog.show()
            keep.append(dialog)
        elif action == "preview":
            import tempfile

            from app.services.forms import render_request_forms
            from ui.forms.dialog import PdfPreview

            target = Path(tempfile.mkdtemp()) / "forms.pdf"
            render_request_forms(db, [view.id], target, form_type="carbon", reissue_reason="口座番号相違のため")
            preview = PdfPreview(target, "依頼書 1 件のプレビュー", window)
            preview.resize(900, 860)
            preview.show()
            keep.append(preview)
        elif action == "delete":
            dialog = InvalidateDialog(db, window.search_page._operator, view, window)
            dialog.reason.setText("解約のお申し出")
            dialog.show()
            keep.append(dialog)

    def stage() -> None:
        if screen == "new-errors":
            form = window.new_page.form
            values = {"customer_number": "0329279000000", "contract_holder_name": "山田 太郎",
                      "contract_holder_kana": "やまだ たろう", "postal_code": "1000001", "phone": "03-1234-567",
                      "bank_code": "0005", "branch_code": "999", "account_number": "12a4",
                      "account_holder_kana": "ヤマダ・タロウ"}  # fmt: skip
            for name, text in values.items():
                form.edits[name].setText(text)
                form.edits[name].editingFinished.emit()
        elif screen == "search":
            search_then("select")
        elif screen in ("change", "delete", "preview"):
            search_then(screen)
        elif screen == "history":
            window.go_to(window.history_page)
            window.history_page.run_search()
        elif screen in ("shipments", "returns", "return-dialog"):
            window.go_to(window.paper_page)
            page = window.paper_page
            if screen == "shipments":
                page.shipments_table.selectRow(0)
            else:
                page.tabs.setCurrentIndex(1)
                if screen == "return-dialog":
                    page.returns_table.selectRow(0)
                    dialog = page.follow_up_selected()
                    keep.append(dialog)
        elif screen == "billing":
            from PySide6.QtCore import QDate

            window.go_to(window.billing_page)
            window.billing_page.month.setDate(QDate(2027, 2, 1))
            window.billing_page.table.selectRow(0)
        elif screen == "settings":
            window.go_to(window.settings_page)
            window.settings_page.edits["consignor_code"].setText("32927")

    QTimer.singleShot(500, stage)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "search"))
