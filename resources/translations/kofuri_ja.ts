<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ja">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>バージョン情報</source>
            <translation>バージョン情報</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>ライセンス</source>
            <translation>ライセンス</translation>
        </message>
        <message>
            <source>フォントの使用許諾</source>
            <translation>フォントの使用許諾</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>{0}（このプログラムの最新は {1}）</source>
            <translation>{0}（このプログラムの最新は {1}）</translation>
        </message>
        <message>
            <source>バージョン</source>
            <translation>バージョン</translation>
        </message>
        <message>
            <source>データベース</source>
            <translation>データベース</translation>
        </message>
        <message>
            <source>スキーマ版</source>
            <translation>スキーマ版</translation>
        </message>
        <message>
            <source>銀行・支店コードのデータ</source>
            <translation>銀行・支店コードのデータ</translation>
        </message>
        <message>
            <source>口振デスク</source>
            <translation>口振デスク</translation>
        </message>
        <message>
            <source>Python 本体: PSF License</source>
            <translation>Python 本体: PSF License</translation>
        </message>
        <message>
            <source>同梱のフォント</source>
            <translation>同梱のフォント</translation>
        </message>
        <message>
            <source>同梱のライブラリ</source>
            <translation>同梱のライブラリ</translation>
        </message>
    </context>
    <context>
        <name>BillingPage</name>
        <message>
            <source>口座振替請求</source>
            <translation>口座振替請求</translation>
        </message>
        <message>
            <source>請求月(&amp;M)</source>
            <translation>請求月(&amp;M)</translation>
        </message>
        <message>
            <source>明細を作成(&amp;R)</source>
            <translation>明細を作成(&amp;R)</translation>
        </message>
        <message>
            <source>金額を取込(&amp;I)…</source>
            <translation>金額を取込(&amp;I)…</translation>
        </message>
        <message>
            <source>Excel に書き出す(&amp;X)…</source>
            <translation>Excel に書き出す(&amp;X)…</translation>
        </message>
        <message>
            <source>全銀形式で書き出す(&amp;Z)…</source>
            <translation>全銀形式で書き出す(&amp;Z)…</translation>
        </message>
        <message>
            <source>確定として書き出す（以後ロック）(&amp;K)</source>
            <translation>確定として書き出す（以後ロック）(&amp;K)</translation>
        </message>
        <message>
            <source>振替停止依頼(&amp;T)…</source>
            <translation>振替停止依頼(&amp;T)…</translation>
        </message>
        <message>
            <source>明細から外す(&amp;D)</source>
            <translation>明細から外す(&amp;D)</translation>
        </message>
        <message>
            <source>日程</source>
            <translation>日程</translation>
        </message>
        <message>
            <source>問題（このままでは請求データを作れません）</source>
            <translation>問題（このままでは請求データを作れません）</translation>
        </message>
        <message>
            <source>この月の変更の記録</source>
            <translation>この月の変更の記録</translation>
        </message>
        <message>
            <source>あと {0} 日</source>
            <translation>あと {0} 日</translation>
        </message>
        <message>
            <source>{0} 日経過</source>
            <translation>{0} 日経過</translation>
        </message>
        <message>
            <source>未作成（「明細を作成」で準備します）</source>
            <translation>未作成（「明細を作成」で準備します）</translation>
        </message>
        <message>
            <source>{0} 件 / {1} 円</source>
            <translation>{0} 件 / {1} 円</translation>
        </message>
        <message>
            <source>{0} 件（12か月以上請求なし）</source>
            <translation>{0} 件（12か月以上請求なし）</translation>
        </message>
        <message>
            <source>{0} の明細: {1} 件</source>
            <translation>{0} の明細: {1} 件</translation>
        </message>
        <message>
            <source>明細を作成しています…</source>
            <translation>明細を作成しています…</translation>
        </message>
        <message>
            <source>金額の取込</source>
            <translation>金額の取込</translation>
        </message>
        <message>
            <source>表 (*.xlsx *.csv)</source>
            <translation>表 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>取り込みませんでした:
</source>
            <translation>取り込みませんでした:
</translation>
        </message>
        <message>
            <source>{0} 件の金額を取り込みました</source>
            <translation>{0} 件の金額を取り込みました</translation>
        </message>
        <message>
            <source>金額を取り込んでいます…</source>
            <translation>金額を取り込んでいます…</translation>
        </message>
        <message>
            <source>請求データの書き出し</source>
            <translation>請求データの書き出し</translation>
        </message>
        <message>
            <source>{0}: {1} 件 {2} 円を書き出しました</source>
            <translation>{0}: {1} 件 {2} 円を書き出しました</translation>
        </message>
        <message>
            <source>{0} 件の問題があるため作成していません</source>
            <translation>{0} 件の問題があるため作成していません</translation>
        </message>
        <message>
            <source>請求データを書き出しています…</source>
            <translation>請求データを書き出しています…</translation>
        </message>
        <message>
            <source>停止する明細を選んでください</source>
            <translation>停止する明細を選んでください</translation>
        </message>
        <message>
            <source>振替停止依頼</source>
            <translation>振替停止依頼</translation>
        </message>
        <message>
            <source>顧客番号 {0} の停止理由</source>
            <translation>顧客番号 {0} の停止理由</translation>
        </message>
        <message>
            <source>顧客番号 {0} の振替停止依頼を記録しました</source>
            <translation>顧客番号 {0} の振替停止依頼を記録しました</translation>
        </message>
        <message>
            <source>外す明細を選んでください</source>
            <translation>外す明細を選んでください</translation>
        </message>
        <message>
            <source>顧客番号 {0} を明細から外しました</source>
            <translation>顧客番号 {0} を明細から外しました</translation>
        </message>
    </context>
    <context>
        <name>BlankFormsOptions</name>
        <message>
            <source>番号入り白紙の依頼書</source>
            <translation>番号入り白紙の依頼書</translation>
        </message>
        <message>
            <source>枚数(&amp;N)</source>
            <translation>枚数(&amp;N)</translation>
        </message>
        <message>
            <source>様式(&amp;T)</source>
            <translation>様式(&amp;T)</translation>
        </message>
        <message>
            <source>顧客番号を予約し、二度と発行しません。</source>
            <translation>顧客番号を予約し、二度と発行しません。</translation>
        </message>
        <message>
            <source>作成(&amp;O)</source>
            <translation>作成(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>ChangeDialog</name>
        <message>
            <source>登録の変更 — 顧客番号 {0}</source>
            <translation>登録の変更 — 顧客番号 {0}</translation>
        </message>
        <message>
            <source>変更の理由（必須）(&amp;W)</source>
            <translation>変更の理由（必須）(&amp;W)</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>赤字の項目を直してください</translation>
        </message>
        <message>
            <source>変更の理由を入力してください</source>
            <translation>変更の理由を入力してください</translation>
        </message>
        <message>
            <source>他の担当者が変更しました</source>
            <translation>他の担当者が変更しました</translation>
        </message>
        <message>
            <source>最新の内容を読み込む(&amp;R)</source>
            <translation>最新の内容を読み込む(&amp;R)</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>最新の内容を読み込みました。変更をもう一度入力してください</source>
            <translation>最新の内容を読み込みました。変更をもう一度入力してください</translation>
        </message>
        <message>
            <source>同じ口座の登録</source>
            <translation>同じ口座の登録</translation>
        </message>
        <message>
            <source>{0}

このまま保存しますか？</source>
            <translation>{0}

このまま保存しますか？</translation>
        </message>
    </context>
    <context>
        <name>DateRange</name>
        <message>
            <source>指定</source>
            <translation>指定</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>詳細</source>
            <translation>詳細</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>キャンセル</source>
            <translation>キャンセル</translation>
        </message>
    </context>
    <context>
        <name>ErrorHook</name>
        <message>
            <source>詳しい記録: {0}</source>
            <translation>詳しい記録: {0}</translation>
        </message>
        <message>
            <source>データベースに書き込めませんでした（ほかの端末が使用中か、接続が切れています）。この操作は保存されていません。少し待ってからもう一度お試しください。</source>
            <translation>データベースに書き込めませんでした（ほかの端末が使用中か、接続が切れています）。この操作は保存されていません。少し待ってからもう一度お試しください。</translation>
        </message>
        <message>
            <source>予期しない問題が発生したため、この操作を中止しました。保存済みのデータは変わっていません。続けて作業できますが、繰り返す場合は管理者に連絡してください。</source>
            <translation>予期しない問題が発生したため、この操作を中止しました。保存済みのデータは変わっていません。続けて作業できますが、繰り返す場合は管理者に連絡してください。</translation>
        </message>
        <message>
            <source>口振デスク</source>
            <translation>口振デスク</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>口座登録履歴検索</source>
            <translation>口座登録履歴検索</translation>
        </message>
        <message>
            <source>検索条件（Enter で検索）</source>
            <translation>検索条件（Enter で検索）</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>顧客番号(&amp;N)</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>担当者</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>期間</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>検索(&amp;S)</translation>
        </message>
        <message>
            <source>新しい順に {0} 件を表示（さらにあります。条件で絞り込んでください）</source>
            <translation>新しい順に {0} 件を表示（さらにあります。条件で絞り込んでください）</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} 件</translation>
        </message>
    </context>
    <context>
        <name>InvalidateDialog</name>
        <message>
            <source>登録の削除（無効化）</source>
            <translation>登録の削除（無効化）</translation>
        </message>
        <message>
            <source>顧客番号 {0}（{1}）を無効にします。
無効にした登録は請求できなくなります。データと履歴は残ります。</source>
            <translation>顧客番号 {0}（{1}）を無効にします。
無効にした登録は請求できなくなります。データと履歴は残ります。</translation>
        </message>
        <message>
            <source>理由（必須）(&amp;W)</source>
            <translation>理由（必須）(&amp;W)</translation>
        </message>
        <message>
            <source>無効にする(&amp;D)</source>
            <translation>無効にする(&amp;D)</translation>
        </message>
        <message>
            <source>無効化の理由を入力してください</source>
            <translation>無効化の理由を入力してください</translation>
        </message>
        <message>
            <source>確認</source>
            <translation>確認</translation>
        </message>
        <message>
            <source>顧客番号 {0} を無効にしますか？</source>
            <translation>顧客番号 {0} を無効にしますか？</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>表示(&amp;V)</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>表示言語(&amp;L)</source>
            <translation>表示言語(&amp;L)</translation>
        </message>
        <message>
            <source>システムの設定に従う(&amp;S)</source>
            <translation>システムの設定に従う(&amp;S)</translation>
        </message>
        <message>
            <source>表示言語</source>
            <translation>表示言語</translation>
        </message>
        <message>
            <source>設定を保存できませんでした（{0}）</source>
            <translation>設定を保存できませんでした（{0}）</translation>
        </message>
        <message>
            <source>次に起動したときから、選んだ言語で表示します。</source>
            <translation>次に起動したときから、選んだ言語で表示します。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>口振デスク</source>
            <translation>口振デスク</translation>
        </message>
        <message>
            <source>新規口座登録</source>
            <translation>新規口座登録</translation>
        </message>
        <message>
            <source>口座検索</source>
            <translation>口座検索</translation>
        </message>
        <message>
            <source>登録履歴</source>
            <translation>登録履歴</translation>
        </message>
        <message>
            <source>発送・不備返却</source>
            <translation>発送・不備返却</translation>
        </message>
        <message>
            <source>請求</source>
            <translation>請求</translation>
        </message>
        <message>
            <source>加盟店設定</source>
            <translation>加盟店設定</translation>
        </message>
        <message>
            <source>データベース: {0}</source>
            <translation>データベース: {0}</translation>
        </message>
        <message>
            <source>担当者: {0}（{1}）</source>
            <translation>担当者: {0}（{1}）</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>検索結果を書き出す(&amp;X)…</source>
            <translation>検索結果を書き出す(&amp;X)…</translation>
        </message>
        <message>
            <source>番号入り白紙の依頼書(&amp;B)…</source>
            <translation>番号入り白紙の依頼書(&amp;B)…</translation>
        </message>
        <message>
            <source>終了(&amp;Q)</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>移動(&amp;G)</source>
            <translation>移動(&amp;G)</translation>
        </message>
        <message>
            <source>操作(&amp;O)</source>
            <translation>操作(&amp;O)</translation>
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>バージョン情報(&amp;A)</source>
            <translation>バージョン情報(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>NewRegistrationPage</name>
        <message>
            <source>新規口座登録</source>
            <translation>新規口座登録</translation>
        </message>
        <message>
            <source>保存して次へ (Ctrl+Enter)</source>
            <translation>保存して次へ (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>保存(&amp;S) (Ctrl+S)</source>
            <translation>保存(&amp;S) (Ctrl+S)</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>赤字の項目を直してください</translation>
        </message>
        <message>
            <source>同じ口座の登録</source>
            <translation>同じ口座の登録</translation>
        </message>
        <message>
            <source>{0}

このまま登録しますか？</source>
            <translation>{0}

このまま登録しますか？</translation>
        </message>
        <message>
            <source>顧客番号 {0} を登録しました</source>
            <translation>顧客番号 {0} を登録しました</translation>
        </message>
    </context>
    <context>
        <name>PaperPage</name>
        <message>
            <source>発送・不備返却</source>
            <translation>発送・不備返却</translation>
        </message>
        <message>
            <source>発送(&amp;S)</source>
            <translation>発送(&amp;S)</translation>
        </message>
        <message>
            <source>不備返却(&amp;R)</source>
            <translation>不備返却(&amp;R)</translation>
        </message>
        <message>
            <source>期限(&amp;L)</source>
            <translation>期限(&amp;L)</translation>
        </message>
        <message>
            <source>発送を作成(&amp;C)</source>
            <translation>発送を作成(&amp;C)</translation>
        </message>
        <message>
            <source>発送済みにする(&amp;D)…</source>
            <translation>発送済みにする(&amp;D)…</translation>
        </message>
        <message>
            <source>送付書・明細を印刷(&amp;P)…</source>
            <translation>送付書・明細を印刷(&amp;P)…</translation>
        </message>
        <message>
            <source>発送 {0}: 新規分 {1} 枚、不備分 {2} 枚</source>
            <translation>発送 {0}: 新規分 {1} 枚、不備分 {2} 枚</translation>
        </message>
        <message>
            <source>発送を選んでください</source>
            <translation>発送を選んでください</translation>
        </message>
        <message>
            <source>発送済みにする</source>
            <translation>発送済みにする</translation>
        </message>
        <message>
            <source>発送日(&amp;D)</source>
            <translation>発送日(&amp;D)</translation>
        </message>
        <message>
            <source>追跡番号(&amp;T)</source>
            <translation>追跡番号(&amp;T)</translation>
        </message>
        <message>
            <source>記録する(&amp;O)</source>
            <translation>記録する(&amp;O)</translation>
        </message>
        <message>
            <source>発送 {0} を {1} に発送済みにしました</source>
            <translation>発送 {0} を {1} に発送済みにしました</translation>
        </message>
        <message>
            <source>送付書 {0}（新規分 {1}・不備分 {2}）</source>
            <translation>送付書 {0}（新規分 {1}・不備分 {2}）</translation>
        </message>
        <message>
            <source>すべての理由</source>
            <translation>すべての理由</translation>
        </message>
        <message>
            <source>銀行コード</source>
            <translation>銀行コード</translation>
        </message>
        <message>
            <source> 日以上</source>
            <translation> 日以上</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>銀行</source>
            <translation>銀行</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>担当</translation>
        </message>
        <message>
            <source>経過</source>
            <translation>経過</translation>
        </message>
        <message>
            <source>返却を記録(&amp;A)…</source>
            <translation>返却を記録(&amp;A)…</translation>
        </message>
        <message>
            <source>対応(&amp;E)…</source>
            <translation>対応(&amp;E)…</translation>
        </message>
        <message>
            <source>統計の期間</source>
            <translation>統計の期間</translation>
        </message>
        <message>
            <source>不備理由別の件数</source>
            <translation>不備理由別の件数</translation>
        </message>
        <message>
            <source>金融機関</source>
            <translation>金融機関</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>（なし）</translation>
        </message>
        <message>
            <source>返却を選んでください</source>
            <translation>返却を選んでください</translation>
        </message>
        <message>
            <source>今日発送すると間に合う最初の振替月</source>
            <translation>今日発送すると間に合う最初の振替月</translation>
        </message>
        <message>
            <source>不備返却中で、期限までに再送付しないと請求から外れるお客様</source>
            <translation>不備返却中で、期限までに再送付しないと請求から外れるお客様</translation>
        </message>
        <message>
            <source>発送待ち: 新規分 {0} 枚・不備分 {1} 枚</source>
            <translation>発送待ち: 新規分 {0} 枚・不備分 {1} 枚</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} 件</translation>
        </message>
        <message>
            <source>全 {0} 件のうち、顧客番号順に先頭 {1} 件を表示</source>
            <translation>全 {0} 件のうち、顧客番号順に先頭 {1} 件を表示</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>{0} ページ</source>
            <translation>{0} ページ</translation>
        </message>
        <message>
            <source>印刷(&amp;P)…</source>
            <translation>印刷(&amp;P)…</translation>
        </message>
        <message>
            <source>PDF を保存(&amp;S)…</source>
            <translation>PDF を保存(&amp;S)…</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>PDF を保存</source>
            <translation>PDF を保存</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <source>キャンセル</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>処理中</source>
            <translation>処理中</translation>
        </message>
    </context>
    <context>
        <name>RegistrationForm</name>
        <message>
            <source>お客様</source>
            <translation>お客様</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>顧客番号(&amp;N)</translation>
        </message>
        <message>
            <source>契約者名(&amp;M)</source>
            <translation>契約者名(&amp;M)</translation>
        </message>
        <message>
            <source>契約者名フリガナ(&amp;K)</source>
            <translation>契約者名フリガナ(&amp;K)</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>郵便番号</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>住所</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>電話番号</translation>
        </message>
        <message>
            <source>口座</source>
            <translation>口座</translation>
        </message>
        <message>
            <source>金融機関(&amp;B)</source>
            <translation>金融機関(&amp;B)</translation>
        </message>
        <message>
            <source>コード、または名前・カナで検索</source>
            <translation>コード、または名前・カナで検索</translation>
        </message>
        <message>
            <source>支店(&amp;R)</source>
            <translation>支店(&amp;R)</translation>
        </message>
        <message>
            <source>預金種目(&amp;D)</source>
            <translation>預金種目(&amp;D)</translation>
        </message>
        <message>
            <source>口座番号(&amp;A)</source>
            <translation>口座番号(&amp;A)</translation>
        </message>
        <message>
            <source>7桁以内</source>
            <translation>7桁以内</translation>
        </message>
        <message>
            <source>通帳記号</source>
            <translation>通帳記号</translation>
        </message>
        <message>
            <source>5桁</source>
            <translation>5桁</translation>
        </message>
        <message>
            <source>通帳番号</source>
            <translation>通帳番号</translation>
        </message>
        <message>
            <source>末尾の1を除いた7桁（8桁でも可）</source>
            <translation>末尾の1を除いた7桁（8桁でも可）</translation>
        </message>
        <message>
            <source>口座名義カナ(&amp;L)</source>
            <translation>口座名義カナ(&amp;L)</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>登録</translation>
        </message>
        <message>
            <source>紙（口座振替依頼書）</source>
            <translation>紙（口座振替依頼書）</translation>
        </message>
        <message>
            <source>WEB</source>
            <translation>WEB</translation>
        </message>
        <message>
            <source>登録方法</source>
            <translation>登録方法</translation>
        </message>
        <message>
            <source>月額（円）</source>
            <translation>月額（円）</translation>
        </message>
        <message>
            <source>登録日</source>
            <translation>登録日</translation>
        </message>
        <message>
            <source>依頼書の確認</source>
            <translation>依頼書の確認</translation>
        </message>
        <message>
            <source>先頭7桁 {0}</source>
            <translation>先頭7桁 {0}</translation>
        </message>
        <message>
            <source>→ 支店 {0}・{1}・口座番号 {2}</source>
            <translation>→ 支店 {0}・{1}・口座番号 {2}</translation>
        </message>
        <message>
            <source>銀行データ: {0}</source>
            <translation>銀行データ: {0}</translation>
        </message>
    </context>
    <context>
        <name>RequestFormOptions</name>
        <message>
            <source>口座振替依頼書の作成</source>
            <translation>口座振替依頼書の作成</translation>
        </message>
        <message>
            <source>{0} 件の依頼書を作成します。</source>
            <translation>{0} 件の依頼書を作成します。</translation>
        </message>
        <message>
            <source>様式(&amp;T)</source>
            <translation>様式(&amp;T)</translation>
        </message>
        <message>
            <source>委託者欄と顧客番号のほかは空欄にする(&amp;B)</source>
            <translation>委託者欄と顧客番号のほかは空欄にする(&amp;B)</translation>
        </message>
        <message>
            <source>再発行として作成する(&amp;R)</source>
            <translation>再発行として作成する(&amp;R)</translation>
        </message>
        <message>
            <source>再発行の理由（委託者用に印刷されます）</source>
            <translation>再発行の理由（委託者用に印刷されます）</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>作成(&amp;O)</source>
            <translation>作成(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>RequestForms</name>
        <message>
            <source>依頼書 {0} 件のプレビュー</source>
            <translation>依頼書 {0} 件のプレビュー</translation>
        </message>
        <message>
            <source>依頼書を作成できませんでした</source>
            <translation>依頼書を作成できませんでした</translation>
        </message>
        <message>
            <source>依頼書を作成しています…</source>
            <translation>依頼書を作成しています…</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>不備返却の記録</source>
            <translation>不備返却の記録</translation>
        </message>
        <message>
            <source>不備返却の対応</source>
            <translation>不備返却の対応</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>顧客番号(&amp;N)</translation>
        </message>
        <message>
            <source>受領日(&amp;D)</source>
            <translation>受領日(&amp;D)</translation>
        </message>
        <message>
            <source>不備理由</source>
            <translation>不備理由</translation>
        </message>
        <message>
            <source>金融機関の記載・「その他」の内容</source>
            <translation>金融機関の記載・「その他」の内容</translation>
        </message>
        <message>
            <source>メモ(&amp;M)</source>
            <translation>メモ(&amp;M)</translation>
        </message>
        <message>
            <source>返却された依頼書のスキャン（PDF・画像）</source>
            <translation>返却された依頼書のスキャン（PDF・画像）</translation>
        </message>
        <message>
            <source>選択…</source>
            <translation>選択…</translation>
        </message>
        <message>
            <source>スキャン(&amp;S)</source>
            <translation>スキャン(&amp;S)</translation>
        </message>
        <message>
            <source>対応</source>
            <translation>対応</translation>
        </message>
        <message>
            <source>状況(&amp;T)</source>
            <translation>状況(&amp;T)</translation>
        </message>
        <message>
            <source>連絡の方法</source>
            <translation>連絡の方法</translation>
        </message>
        <message>
            <source>連絡の記録（例: 電話で新しい依頼書を依頼）</source>
            <translation>連絡の記録（例: 電話で新しい依頼書を依頼）</translation>
        </message>
        <message>
            <source>連絡(&amp;C)</source>
            <translation>連絡(&amp;C)</translation>
        </message>
        <message>
            <source>連絡の記録</source>
            <translation>連絡の記録</translation>
        </message>
        <message>
            <source>スキャンを表示(&amp;V)</source>
            <translation>スキャンを表示(&amp;V)</translation>
        </message>
        <message>
            <source>依頼書を再発行(&amp;R)…</source>
            <translation>依頼書を再発行(&amp;R)…</translation>
        </message>
        <message>
            <source>保存(&amp;O)</source>
            <translation>保存(&amp;O)</translation>
        </message>
        <message>
            <source>スキャンの選択</source>
            <translation>スキャンの選択</translation>
        </message>
        <message>
            <source>PDF・画像 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
            <translation>PDF・画像 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
        </message>
        <message>
            <source>再発行の依頼書</source>
            <translation>再発行の依頼書</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <source>口座検索</source>
            <translation>口座検索</translation>
        </message>
        <message>
            <source>検索条件（Enter で検索）</source>
            <translation>検索条件（Enter で検索）</translation>
        </message>
        <message>
            <source>有効な登録すべて</source>
            <translation>有効な登録すべて</translation>
        </message>
        <message>
            <source>無効を含むすべて</source>
            <translation>無効を含むすべて</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>紙</source>
            <translation>紙</translation>
        </message>
        <message>
            <source>WEB</source>
            <translation>WEB</translation>
        </message>
        <message>
            <source>状態(&amp;J)</source>
            <translation>状態(&amp;J)</translation>
        </message>
        <message>
            <source>登録方法</source>
            <translation>登録方法</translation>
        </message>
        <message>
            <source>登録日</source>
            <translation>登録日</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>検索(&amp;S)</translation>
        </message>
        <message>
            <source>条件をクリア</source>
            <translation>条件をクリア</translation>
        </message>
        <message>
            <source>変更(&amp;E)…</source>
            <translation>変更(&amp;E)…</translation>
        </message>
        <message>
            <source>削除（無効化）(&amp;D)…</source>
            <translation>削除（無効化）(&amp;D)…</translation>
        </message>
        <message>
            <source>履歴(&amp;I)</source>
            <translation>履歴(&amp;I)</translation>
        </message>
        <message>
            <source>依頼書を印刷(&amp;P)…</source>
            <translation>依頼書を印刷(&amp;P)…</translation>
        </message>
        <message>
            <source>変更(&amp;E) F2</source>
            <translation>変更(&amp;E) F2</translation>
        </message>
        <message>
            <source>削除(&amp;D) Del</source>
            <translation>削除(&amp;D) Del</translation>
        </message>
        <message>
            <source>履歴(&amp;I) Ctrl+H</source>
            <translation>履歴(&amp;I) Ctrl+H</translation>
        </message>
        <message>
            <source>依頼書(&amp;P)… Ctrl+P</source>
            <translation>依頼書(&amp;P)… Ctrl+P</translation>
        </message>
        <message>
            <source>書き出し(&amp;X)… Ctrl+E</source>
            <translation>書き出し(&amp;X)… Ctrl+E</translation>
        </message>
        <message>
            <source>検索中…</source>
            <translation>検索中…</translation>
        </message>
        <message>
            <source>{0:,} 件</source>
            <translation>{0:,} 件</translation>
        </message>
        <message>
            <source>書き出しできませんでした</source>
            <translation>書き出しできませんでした</translation>
        </message>
        <message>
            <source>書き出し</source>
            <translation>書き出し</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>{0} 件を書き出しています…</source>
            <translation>{0} 件を書き出しています…</translation>
        </message>
        <message>
            <source>{0} 件を {1} に書き出しました</source>
            <translation>{0} 件を {1} に書き出しました</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>加盟店設定</source>
            <translation>加盟店設定</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <source>保存(&amp;S) (Ctrl+S)</source>
            <translation>保存(&amp;S) (Ctrl+S)</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>赤字の項目を直してください</translation>
        </message>
        <message>
            <source>保存しました</source>
            <translation>保存しました</translation>
        </message>
    </context>
</TS>
