"""Texts every area shares (see app/messages/__init__.py)."""

MESSAGES: dict[str, str] = {
    "error.unexpected": "予期しない問題が発生しました。作業内容は保存されていません。詳細は記録に残しました（{log}）",
    "error.database_busy": "データベースが他の処理で使用中です。しばらくしてからもう一度お試しください",
    "error.stale_edit": (
        "顧客番号 {customer_number} は、開いた後で {who} が {when}更新しました{what}。"
        "再読み込みしてから変更してください"
    ),
    "error.reason_required": "{action}の理由を入力してください",
    "import.problem": "{row}行目「{column}」: {message}",
    "import.refused": "{count} 件の問題があるため、何も取り込んでいません",
    "input.control_character": "{label}の{position}文字目に制御文字（{char}）があります。消してから入力し直してください",
    "input.too_long": "{label}は{limit}文字以内です（入力は{length}文字）",
    "import.table_problems": "ファイルを読み込めません（何も取り込んでいません）:\n{problems}",
    "import.duplicate_header": "1行目: 見出し「{header}」が{columns}列に重複しています（1つだけにしてください）",
    "import.cell_control_character": "{row}行目「{column}」: {position}文字目に制御文字（{char}）があります",
    "import.formula_without_value": (
        "{row}行目「{column}」: 数式のセルに計算結果が保存されていません"
        "（Excel で開いて保存し直すか、値として貼り付けてください）"
    ),
    "import.xlsx_unreadable": "Excel ファイルとして読めません（壊れているか、Excel 形式ではありません）: {name}",
    "import.xlsx_no_sheet": "Excel ファイルにシートがありません: {name}",
    "amount.format": "金額は円単位の整数で入力してください（3桁ごとのカンマは可。入力: {value}）",
    "amount.too_large": "金額が大きすぎます（{digits}桁まで）",
    "date.out_of_range": "{label}の日付 {value} は範囲外です（{earliest}〜{latest} の間で指定してください）",
    "month.format": "請求月は YYYY-MM で指定してください（入力: {value}）",
    "id.format": "ID は1以上の数字で指定してください（入力: {value}）",
    "out.is_folder": "出力先 {path} はフォルダです。ファイル名まで指定してください",
    "out.no_folder": "出力先のフォルダ {folder} がありません",
    "out.name_too_long": "出力先のファイル名が長すぎます（{length}バイト。{limit}バイトまで）",
    "out.not_writable": "出力先 {path} に書き込めません（{reason}）",
}

SCREEN: dict[str, str] = {}
