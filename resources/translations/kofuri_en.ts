<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>バージョン情報</source>
            <translation>About Kofuri Desk</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>ライセンス</source>
            <translation>Licences</translation>
        </message>
        <message>
            <source>フォントの使用許諾</source>
            <translation>Font licence</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>{0}（このプログラムの最新は {1}）</source>
            <translation>{0} (this program knows up to {1})</translation>
        </message>
        <message>
            <source>バージョン</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>データベース</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>スキーマ版</source>
            <translation>Schema version</translation>
        </message>
        <message>
            <source>銀行・支店コードのデータ</source>
            <translation>Bank and branch code data</translation>
        </message>
        <message>
            <source>口振デスク</source>
            <translation>Kofuri Desk</translation>
        </message>
        <message>
            <source>Python 本体: PSF License</source>
            <translation>Python itself: PSF License</translation>
        </message>
        <message>
            <source>同梱のフォント</source>
            <translation>Bundled fonts</translation>
        </message>
        <message>
            <source>同梱のライブラリ</source>
            <translation>Bundled libraries</translation>
        </message>
    </context>
    <context>
        <name>AddOperatorDialog</name>
        <message>
            <source>担当者の追加</source>
            <translation>Add operator</translation>
        </message>
        <message>
            <source>ログインID(&amp;I)</source>
            <translation>&amp;Login ID</translation>
        </message>
        <message>
            <source>氏名(&amp;N)</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>役割(&amp;R)</source>
            <translation>&amp;Role</translation>
        </message>
        <message>
            <source>初回パスワード(&amp;P)</source>
            <translation>Initial &amp;password</translation>
        </message>
        <message>
            <source>追加</source>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>監査ログ</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>ログインID</source>
            <translation>Login ID</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>表示(&amp;S)</source>
            <translation>&amp;Show</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} items</translation>
        </message>
    </context>
    <context>
        <name>BillingPage</name>
        <message>
            <source>口座振替請求</source>
            <translation>Direct debit billing</translation>
        </message>
        <message>
            <source>請求月(&amp;M)</source>
            <translation>Billing &amp;month</translation>
        </message>
        <message>
            <source>明細を作成(&amp;R)</source>
            <translation>P&amp;repare lines</translation>
        </message>
        <message>
            <source>金額を取込(&amp;I)…</source>
            <translation>&amp;Import amounts…</translation>
        </message>
        <message>
            <source>Excel に書き出す(&amp;X)…</source>
            <translation>E&amp;xport to Excel…</translation>
        </message>
        <message>
            <source>全銀形式で書き出す（確定のみ）(&amp;Z)…</source>
            <translation>Export in the &amp;Zengin format (final only)…</translation>
        </message>
        <message>
            <source>全銀形式のファイルは確定として書き出すときにだけ作成します。確定前は内容の確認をお使いください</source>
            <translation>The Zengin file is made only when exporting as final. Before that, use the content check</translation>
        </message>
        <message>
            <source>全銀データの内容を確認(&amp;P)</source>
            <translation>&amp;Preview the Zengin data</translation>
        </message>
        <message>
            <source>ヘッダー・件数・合計を表示します（ファイルは作りません）</source>
            <translation>Shows the header, count and total (no file is made)</translation>
        </message>
        <message>
            <source>確定として書き出す（以後ロック）(&amp;K)</source>
            <translation>Export as final (loc&amp;ks the month)</translation>
        </message>
        <message>
            <source>振替停止依頼(&amp;T)…</source>
            <translation>S&amp;top debit…</translation>
        </message>
        <message>
            <source>明細から外す(&amp;D)</source>
            <translation>Remove from &amp;lines</translation>
        </message>
        <message>
            <source>日程</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>問題（このままでは請求データを作れません）</source>
            <translation>Problems (the billing file cannot be made as things are)</translation>
        </message>
        <message>
            <source>この月の変更の記録</source>
            <translation>This month's change record</translation>
        </message>
        <message>
            <source>あと {0} 日</source>
            <translation>{0} days left</translation>
        </message>
        <message>
            <source>{0} 日経過</source>
            <translation>{0} days past</translation>
        </message>
        <message>
            <source>未作成（「明細を作成」で準備します）</source>
            <translation>Not prepared yet (use "Prepare lines")</translation>
        </message>
        <message>
            <source>{0} 件 / {1} 円</source>
            <translation>{0} lines / ¥{1}</translation>
        </message>
        <message>
            <source>{0} 件（12か月以上請求なし）</source>
            <translation>{0} (not billed for 12 months or more)</translation>
        </message>
        <message>
            <source>{0} の明細: {1} 件</source>
            <translation>Lines for {0}: {1}</translation>
        </message>
        <message>
            <source>明細を作成しています…</source>
            <translation>Preparing lines…</translation>
        </message>
        <message>
            <source>金額の取込</source>
            <translation>Import amounts</translation>
        </message>
        <message>
            <source>表 (*.xlsx *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>取り込みませんでした:
</source>
            <translation>Nothing was imported:
</translation>
        </message>
        <message>
            <source>{0} 件の金額を取り込みました</source>
            <translation>Imported {0} amounts</translation>
        </message>
        <message>
            <source>金額を取り込んでいます…</source>
            <translation>Importing amounts…</translation>
        </message>
        <message>
            <source>{0} 件の問題があるため作成していません。問題の一覧を確かめてください</source>
            <translation>Not made because of {0} problems. Please check the list of problems</translation>
        </message>
        <message>
            <source>請求の確定</source>
            <translation>Finalise billing</translation>
        </message>
        <message>
            <source>{0} の請求を確定します（{1} 件、合計 {2} 円）。
確定すると、この月の金額の変更・明細の追加はできなくなります。確定しますか？</source>
            <translation>Finalise the billing of {0} ({1} lines, total {2} yen).
Once final, amounts of this month cannot be changed and no lines can be added. Finalise?</translation>
        </message>
        <message>
            <source>確定しませんでした</source>
            <translation>Not finalised</translation>
        </message>
        <message>
            <source>請求データの書き出し</source>
            <translation>Export billing data</translation>
        </message>
        <message>
            <source>請求_{0}.{1}</source>
            <translation>billing_{0}.{1}</translation>
        </message>
        <message>
            <source>{0}: {1} 件 {2} 円を書き出しました</source>
            <translation>{0}: exported {1} lines, ¥{2}</translation>
        </message>
        <message>
            <source>{0} 件の問題があるため作成していません</source>
            <translation>Not created: there are {0} problems</translation>
        </message>
        <message>
            <source>請求データを書き出しています…</source>
            <translation>Exporting billing data…</translation>
        </message>
        <message>
            <source>全銀データの内容を確認しています…</source>
            <translation>Checking the Zengin data…</translation>
        </message>
        <message>
            <source>停止する明細を選んでください</source>
            <translation>Select the line to stop</translation>
        </message>
        <message>
            <source>振替停止依頼</source>
            <translation>Stop debit</translation>
        </message>
        <message>
            <source>顧客番号 {0} の停止理由</source>
            <translation>Reason for stopping customer number {0}</translation>
        </message>
        <message>
            <source>顧客番号 {0} の振替停止依頼を記録しました</source>
            <translation>Recorded the stop of debits for customer number {0}</translation>
        </message>
        <message>
            <source>外す明細を選んでください</source>
            <translation>Select the line to remove</translation>
        </message>
        <message>
            <source>明細から外す</source>
            <translation>Remove from the lines</translation>
        </message>
        <message>
            <source>顧客番号 {0}（{1}、{2} 円）を {3} の明細から外しますか？</source>
            <translation>Remove customer number {0} ({1}, {2} yen) from the lines of {3}?</translation>
        </message>
        <message>
            <source>顧客番号 {0} を明細から外しました</source>
            <translation>Removed customer number {0} from the lines</translation>
        </message>
    </context>
    <context>
        <name>BlankFormsOptions</name>
        <message>
            <source>番号入り白紙の依頼書</source>
            <translation>Blank forms with numbers</translation>
        </message>
        <message>
            <source>枚数(&amp;N)</source>
            <translation>&amp;Number of forms</translation>
        </message>
        <message>
            <source>様式(&amp;T)</source>
            <translation>&amp;Template</translation>
        </message>
        <message>
            <source>顧客番号を予約し、二度と発行しません。</source>
            <translation>The customer numbers are reserved and never issued again.</translation>
        </message>
        <message>
            <source>作成(&amp;O)</source>
            <translation>Create (&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>ChangeDialog</name>
        <message>
            <source>登録の変更 — 顧客番号 {0}</source>
            <translation>Change registration — customer number {0}</translation>
        </message>
        <message>
            <source>変更の理由（必須）(&amp;W)</source>
            <translation>Reason for the change (required) (&amp;W)</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>Please correct the fields shown in red</translation>
        </message>
        <message>
            <source>変更の理由を入力してください</source>
            <translation>Please enter the reason for the change</translation>
        </message>
        <message>
            <source>他の担当者が変更しました</source>
            <translation>Another clerk has changed this</translation>
        </message>
        <message>
            <source>最新の内容を読み込む(&amp;R)</source>
            <translation>&amp;Reload the latest</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>最新の内容を読み込みました。変更をもう一度入力してください</source>
            <translation>The latest version was loaded. Please enter your change again</translation>
        </message>
        <message>
            <source>同じ口座の登録</source>
            <translation>Registration with the same account</translation>
        </message>
        <message>
            <source>{0}

このまま保存しますか？</source>
            <translation>{0}

Save anyway?</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>パスワードの変更</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>パスワードが再設定されています。新しいパスワードを決めてください</source>
            <translation>Your password was reset. Please choose a new password</translation>
        </message>
        <message>
            <source>新しいパスワード(&amp;N)</source>
            <translation>&amp;New password</translation>
        </message>
        <message>
            <source>もう一度(&amp;A)</source>
            <translation>&amp;Again</translation>
        </message>
        <message>
            <source>確認用のパスワードが一致しません</source>
            <translation>The passwords do not match</translation>
        </message>
    </context>
    <context>
        <name>DateRange</name>
        <message>
            <source>指定</source>
            <translation>Set</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>詳細</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ErrorHook</name>
        <message>
            <source>詳しい記録: {0}</source>
            <translation>Details: {0}</translation>
        </message>
        <message>
            <source>データベースに書き込めませんでした（ほかの端末が使用中か、接続が切れています）。この操作は保存されていません。少し待ってからもう一度お試しください。</source>
            <translation>The database could not be written (another PC is using it, or the connection was lost). This operation was not saved. Please wait a moment and try again.</translation>
        </message>
        <message>
            <source>予期しない問題が発生したため、この操作を中止しました。保存済みのデータは変わっていません。続けて作業できますが、繰り返す場合は管理者に連絡してください。</source>
            <translation>An unexpected problem stopped this operation. Data already saved has not changed. You can keep working; if it happens again, please contact your administrator.</translation>
        </message>
        <message>
            <source>口振デスク</source>
            <translation>Kofuri Desk</translation>
        </message>
    </context>
    <context>
        <name>FirstSupervisorDialog</name>
        <message>
            <source>口振デスク — 最初の責任者</source>
            <translation>Kofuri Desk — first supervisor</translation>
        </message>
        <message>
            <source>担当者が登録されていません。最初の責任者を登録してください</source>
            <translation>No operators are registered yet. Please register the first supervisor</translation>
        </message>
        <message>
            <source>ログインID(&amp;I)</source>
            <translation>&amp;Login ID</translation>
        </message>
        <message>
            <source>氏名(&amp;N)</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>パスワード(&amp;P)（8文字以上）</source>
            <translation>&amp;Password (8 characters or more)</translation>
        </message>
        <message>
            <source>もう一度(&amp;A)</source>
            <translation>&amp;Again</translation>
        </message>
        <message>
            <source>確認用のパスワードが一致しません</source>
            <translation>The passwords do not match</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>対応の記録</source>
            <translation>Follow-up record</translation>
        </message>
        <message>
            <source>顧客</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>推奨対応</source>
            <translation>Recommended action</translation>
        </message>
        <message>
            <source>状態(&amp;S)</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <source>連絡の記録(&amp;N)</source>
            <translation>Contact &amp;note</translation>
        </message>
        <message>
            <source>記録</source>
            <translation>Record</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>口座登録履歴検索</source>
            <translation>Registration history search</translation>
        </message>
        <message>
            <source>検索条件（Enter で検索）</source>
            <translation>Search conditions (Enter searches)</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>Customer &amp;number</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>検索しています…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <source>新しい順に {0} 件を表示（さらにあります。条件で絞り込んでください）</source>
            <translation>Showing the newest {0} entries (there are more; narrow the conditions)</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} items</translation>
        </message>
    </context>
    <context>
        <name>IdleGuard</name>
        <message>
            <source>一定時間操作がなかったため、画面をロックしました。パスワードを入力してください</source>
            <translation>The screen was locked after a period without use. Please enter your password</translation>
        </message>
        <message>
            <source>メンテナンス中です（{0} まで）</source>
            <translation>Under maintenance (until {0})</translation>
        </message>
        <message>
            <source>。次の操作で画面をロックします</source>
            <translation>. The screen locks at the next action</translation>
        </message>
    </context>
    <context>
        <name>InvalidateDialog</name>
        <message>
            <source>登録の削除（無効化）</source>
            <translation>Delete registration (invalidate)</translation>
        </message>
        <message>
            <source>顧客番号 {0}（{1}）を無効にします。
無効にした登録は請求できなくなります。データと履歴は残ります。</source>
            <translation>Customer number {0} ({1}) will be invalidated.
An invalidated registration can no longer be billed. Its data and history are kept.</translation>
        </message>
        <message>
            <source>理由（必須）(&amp;W)</source>
            <translation>Reason (required) (&amp;W)</translation>
        </message>
        <message>
            <source>無効にする(&amp;D)</source>
            <translation>Invali&amp;date</translation>
        </message>
        <message>
            <source>無効化の理由を入力してください</source>
            <translation>Please enter the reason for invalidating</translation>
        </message>
        <message>
            <source>確認</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>顧客番号 {0} を無効にしますか？</source>
            <translation>Invalidate customer number {0}?</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>銀行名</source>
            <translation>Bank name</translation>
        </message>
        <message>
            <source>支店名</source>
            <translation>Branch name</translation>
        </message>
        <message>
            <source>依頼書の確認</source>
            <translation>Form checklist</translation>
        </message>
        <message>
            <source>メモ</source>
            <translation>Memo</translation>
        </message>
        <message>
            <source>{0}円</source>
            <translation>¥{0}</translation>
        </message>
        <message>
            <source>はい</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>いいえ</source>
            <translation>No</translation>
        </message>
        <message>
            <source>日時</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>顧客番号</source>
            <translation>Customer number</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>変更した項目</source>
            <translation>Changed fields</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>変更前</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>変更後</source>
            <translation>After</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>契約者名</source>
            <translation>Account holder name</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Name in kana</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>金融機関</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>支店</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>預金種目</source>
            <translation>Deposit type</translation>
        </message>
        <message>
            <source>口座番号</source>
            <translation>Account number</translation>
        </message>
        <message>
            <source>通帳記号・番号</source>
            <translation>Passbook symbol and number</translation>
        </message>
        <message>
            <source>口座名義カナ</source>
            <translation>Account holder in kana</translation>
        </message>
        <message>
            <source>銀行データの名義</source>
            <translation>Name in the bank file</translation>
        </message>
        <message>
            <source>登録方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>月額</source>
            <translation>Monthly amount</translation>
        </message>
        <message>
            <source>登録日</source>
            <translation>Registered on</translation>
        </message>
        <message>
            <source>版</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>いまの段階</source>
            <translation>Current stage</translation>
        </message>
        <message>
            <source>次にすること</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>不備返却の履歴</source>
            <translation>Return history</translation>
        </message>
        <message>
            <source>未設定</source>
            <translation>Not set</translation>
        </message>
        <message>
            <source>{0}/{1} 確認済</source>
            <translation>{0}/{1} checked</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>Customer &amp;number</translation>
        </message>
        <message>
            <source>全桁、先頭の桁、または下の桁（例: 123）</source>
            <translation>All digits, the first digits, or the last ones (e.g. 123)</translation>
        </message>
        <message>
            <source>名前(&amp;M)</source>
            <translation>Na&amp;me</translation>
        </message>
        <message>
            <source>漢字・カナ・ひらがなの一部</source>
            <translation>Part of the name in kanji, katakana or hiragana</translation>
        </message>
        <message>
            <source>電話番号(&amp;T)</source>
            <translation>&amp;Telephone</translation>
        </message>
        <message>
            <source>全部、または先頭・末尾の桁</source>
            <translation>All, or the first or last digits</translation>
        </message>
        <message>
            <source>銀行コード</source>
            <translation>Bank code</translation>
        </message>
        <message>
            <source>4桁</source>
            <translation>4 digits</translation>
        </message>
        <message>
            <source>支店コード</source>
            <translation>Branch code</translation>
        </message>
        <message>
            <source>3桁</source>
            <translation>3 digits</translation>
        </message>
        <message>
            <source>7桁以内</source>
            <translation>Up to 7 digits</translation>
        </message>
        <message>
            <source>銀行</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>種目</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>金額</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>新規コード</source>
            <translation>New code</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>停止</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>停止（{0}）</source>
            <translation>Stopped ({0})</translation>
        </message>
        <message>
            <source>明細を作成（{0} 件追加）</source>
            <translation>Prepared lines ({0} added)</translation>
        </message>
        <message>
            <source>{0} の金額 {1} → {2} 円</source>
            <translation>Amount of {0}: ¥{1} → ¥{2}</translation>
        </message>
        <message>
            <source>金額を取込（{0}、{1} 件）</source>
            <translation>Imported amounts ({0}, {1} lines)</translation>
        </message>
        <message>
            <source>{0} を明細から外す（{1} 円）</source>
            <translation>Removed {0} from the lines (¥{1})</translation>
        </message>
        <message>
            <source>確定・ロック（{0} 件 {1} 円、{2}）</source>
            <translation>Final, locked ({0} lines, {1} yen, {2})</translation>
        </message>
        <message>
            <source>{0} の振替停止依頼（{1}）</source>
            <translation>Stop of debits for {0} ({1})</translation>
        </message>
        <message>
            <source>振替日</source>
            <translation>Debit date</translation>
        </message>
        <message>
            <source>請求締切日</source>
            <translation>Billing deadline</translation>
        </message>
        <message>
            <source>振替停止依頼の期限</source>
            <translation>Deadline to stop a debit</translation>
        </message>
        <message>
            <source>結果返却日</source>
            <translation>Results returned on</translation>
        </message>
        <message>
            <source>依頼書の到着期限</source>
            <translation>Forms must arrive by</translation>
        </message>
        <message>
            <source>件数・合計</source>
            <translation>Lines and total</translation>
        </message>
        <message>
            <source>失効注意</source>
            <translation>Lapse warning</translation>
        </message>
        <message>
            <source>PDF型（A4 普通紙・1枚）</source>
            <translation>PDF type (plain A4, one sheet)</translation>
        </message>
        <message>
            <source>3枚複写型</source>
            <translation>Three-part carbon type</translation>
        </message>
        <message>
            <source>独自様式: {0}</source>
            <translation>Own template: {0}</translation>
        </message>
        <message>
            <source>WEB登録のお客様</source>
            <translation>Web-registered customer</translation>
        </message>
        <message>
            <source>依頼書を作成できません</source>
            <translation>Cannot make the forms</translation>
        </message>
        <message>
            <source>口座振替依頼書.pdf</source>
            <translation>direct-debit-request-forms.pdf</translation>
        </message>
        <message>
            <source>口座振替依頼書_白紙.pdf</source>
            <translation>direct-debit-request-forms-blank.pdf</translation>
        </message>
        <message>
            <source>発送</source>
            <translation>Shipment</translation>
        </message>
        <message>
            <source>発送日</source>
            <translation>Date sent</translation>
        </message>
        <message>
            <source>追跡番号</source>
            <translation>Tracking number</translation>
        </message>
        <message>
            <source>新規分</source>
            <translation>New</translation>
        </message>
        <message>
            <source>不備分</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>合計</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>確認できていない項目</source>
            <translation>Items not checked</translation>
        </message>
        <message>
            <source>残り日数</source>
            <translation>Days left</translation>
        </message>
        <message>
            <source>受領日</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>経過</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>名前</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>{0} 日（{1} 分）</source>
            <translation>{0} days (for {1})</translation>
        </message>
        <message>
            <source>{0} 日</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <source>最初の振替月</source>
            <translation>First debit month</translation>
        </message>
        <message>
            <source>到着期限</source>
            <translation>Must arrive by</translation>
        </message>
        <message>
            <source>振替月</source>
            <translation>Debit month</translation>
        </message>
        <message>
            <source>再送付の期限</source>
            <translation>Resend by</translation>
        </message>
        <message>
            <source>対象のお客様</source>
            <translation>Customers concerned</translation>
        </message>
        <message>
            <source>ログインID</source>
            <translation>Login ID</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>予定日</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>お名前</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>方法</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>回数</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>最後の応答</source>
            <translation>Last answer</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>端末</source>
            <translation>Machine</translation>
        </message>
        <message>
            <source>DBユーザー</source>
            <translation>DB user</translation>
        </message>
        <message>
            <source>コード</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>金額（円）</source>
            <translation>Amount (yen)</translation>
        </message>
        <message>
            <source>振替済</source>
            <translation>Debited</translation>
        </message>
        <message>
            <source>振替済（円）</source>
            <translation>Debited (yen)</translation>
        </message>
        <message>
            <source>振替不能</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>振替不能（円）</source>
            <translation>Failed (yen)</translation>
        </message>
        <message>
            <source>請求月</source>
            <translation>Billing month</translation>
        </message>
        <message>
            <source>不能率</source>
            <translation>Failure rate</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>レコード</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>未収（円）</source>
            <translation>Unpaid (yen)</translation>
        </message>
        <message>
            <source>推奨対応</source>
            <translation>Recommended action</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>表示(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>表示言語(&amp;L)</source>
            <translation>Display &amp;language</translation>
        </message>
        <message>
            <source>システムの設定に従う(&amp;S)</source>
            <translation>Follow the &amp;system</translation>
        </message>
        <message>
            <source>表示言語</source>
            <translation>Display language</translation>
        </message>
        <message>
            <source>設定を保存できませんでした（{0}）</source>
            <translation>The setting could not be saved ({0})</translation>
        </message>
        <message>
            <source>次に起動したときから、選んだ言語で表示します。</source>
            <translation>The chosen language is used from the next start.</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <source>台帳 {0}</source>
            <translation>Ledger {0}</translation>
        </message>
        <message>
            <source>印刷(&amp;P)…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>PDF に保存(&amp;S)…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>台帳を PDF に保存</source>
            <translation>Save the ledger as PDF</translation>
        </message>
        <message>
            <source>台帳</source>
            <translation>Ledger</translation>
        </message>
    </context>
    <context>
        <name>LockOverlay</name>
        <message>
            <source>ロック解除</source>
            <translation>Unlock</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>口振デスク — ログイン</source>
            <translation>Kofuri Desk — log in</translation>
        </message>
        <message>
            <source>ログインIDとパスワードを入力してください</source>
            <translation>Please enter your login ID and password</translation>
        </message>
        <message>
            <source>ログインID(&amp;I)</source>
            <translation>&amp;Login ID</translation>
        </message>
        <message>
            <source>パスワード(&amp;P)</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <source>ログイン</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>パスワードを変更するまでログインできません</source>
            <translation>You cannot log in until the password is changed</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>口振デスク</source>
            <translation>Kofuri Desk</translation>
        </message>
        <message>
            <source>お知らせを開く</source>
            <translation>Open notices</translation>
        </message>
        <message>
            <source>新規口座登録</source>
            <translation>New registration</translation>
        </message>
        <message>
            <source>口座検索</source>
            <translation>Search accounts</translation>
        </message>
        <message>
            <source>登録履歴</source>
            <translation>Registration history</translation>
        </message>
        <message>
            <source>発送・不備返却</source>
            <translation>Shipments and returns</translation>
        </message>
        <message>
            <source>請求</source>
            <translation>Billing</translation>
        </message>
        <message>
            <source>振替結果</source>
            <translation>Debit results</translation>
        </message>
        <message>
            <source>お知らせ</source>
            <translation>Notices</translation>
        </message>
        <message>
            <source>加盟店設定</source>
            <translation>Merchant settings</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Operators</translation>
        </message>
        <message>
            <source>監査ログ</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>データベース: {0}</source>
            <translation>Database: {0}</translation>
        </message>
        <message>
            <source>担当者: {0}（{1}・{2}）</source>
            <translation>Operator: {0} ({1}, {2})</translation>
        </message>
        <message>
            <source>今日が予定日の振替案内のうち {0} 件がまだ送られていません</source>
            <translation>{0} of today's debit reminders have not been sent yet</translation>
        </message>
        <message>
            <source>入力中の依頼書</source>
            <translation>Form being keyed</translation>
        </message>
        <message>
            <source>新規口座登録に保存していない入力があります。保存せずに終了しますか？</source>
            <translation>The new registration has input that is not saved. Quit without saving?</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>検索結果を書き出す(&amp;X)…</source>
            <translation>E&amp;xport search results…</translation>
        </message>
        <message>
            <source>番号入り白紙の依頼書(&amp;B)…</source>
            <translation>&amp;Blank forms with numbers…</translation>
        </message>
        <message>
            <source>終了(&amp;Q)</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>移動(&amp;G)</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>操作(&amp;O)</source>
            <translation>&amp;Operations</translation>
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>バージョン情報(&amp;A)</source>
            <translation>&amp;About Kofuri Desk</translation>
        </message>
    </context>
    <context>
        <name>NewRegistrationPage</name>
        <message>
            <source>新規口座登録</source>
            <translation>New registration</translation>
        </message>
        <message>
            <source>保存して次へ (Ctrl+Enter)</source>
            <translation>Save and next (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>保存(&amp;S) (Ctrl+S)</source>
            <translation>&amp;Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>依頼書の確認</source>
            <translation>Form check</translation>
        </message>
        <message>
            <source>次の確認が済んでいません:
{0}

確認が済んでいないまま保存しますか？</source>
            <translation>These checks are not done:
{0}

Save without them?</translation>
        </message>
        <message>
            <source>・{0}</source>
            <translation>- {0}</translation>
        </message>
        <message>
            <source>保存していません。依頼書を確認してチェックを付けてください</source>
            <translation>Not saved. Please check the form and tick the items</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>Please correct the fields shown in red</translation>
        </message>
        <message>
            <source>同じ口座の登録</source>
            <translation>Registration with the same account</translation>
        </message>
        <message>
            <source>{0}

このまま登録しますか？</source>
            <translation>{0}

Register anyway?</translation>
        </message>
        <message>
            <source>顧客番号 {0} を登録しました（番号入り白紙の依頼書の予約番号）</source>
            <translation>Customer number {0} registered (the number reserved on a numbered blank form)</translation>
        </message>
        <message>
            <source>顧客番号 {0} を登録しました</source>
            <translation>Registered customer number {0}</translation>
        </message>
    </context>
    <context>
        <name>NoticesPage</name>
        <message>
            <source>お知らせ</source>
            <translation>Notices</translation>
        </message>
        <message>
            <source>表示(&amp;W)</source>
            <translation>Sho&amp;w</translation>
        </message>
        <message>
            <source>予定日が来たもの（未送信）</source>
            <translation>Due (not sent)</translation>
        </message>
        <message>
            <source>予定</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>送信失敗</source>
            <translation>Send failed</translation>
        </message>
        <message>
            <source>送信確認待ち</source>
            <translation>Unconfirmed</translation>
        </message>
        <message>
            <source>送信済</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>印刷済</source>
            <translation>Printed</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>お知らせを選ぶと、お客様に届く文面を表示します</source>
            <translation>Select a notice to see the text the customer receives</translation>
        </message>
        <message>
            <source>今すぐ送信(&amp;N)</source>
            <translation>Send &amp;now</translation>
        </message>
        <message>
            <source>郵送分を印刷(&amp;P)…</source>
            <translation>&amp;Print letters…</translation>
        </message>
        <message>
            <source>郵送に切り替え(&amp;L)</source>
            <translation>Send as &amp;letter</translation>
        </message>
        <message>
            <source>届いていた: 送信済にする(&amp;D)</source>
            <translation>It arrived: mark as sent (&amp;D)</translation>
        </message>
        <message>
            <source>届いていない: 予定に戻す(&amp;A)</source>
            <translation>It did not arrive: plan it &amp;again</translation>
        </message>
        <message>
            <source>予定 {0} 件 / 送信失敗 {1} 件 / 送信確認待ち {2} 件 / 送信済 {3} 件 / 印刷済 {4} 件</source>
            <translation>Planned {0} / failed {1} / unconfirmed {2} / sent {3} / printed {4}</translation>
        </message>
        <message>
            <source>件名: {0}</source>
            <translation>Subject: {0}</translation>
        </message>
        <message>
            <source>
※ 送信中に処理が止まったため、届いたか確認できません（メッセージID {0}）
</source>
            <translation>
* Sending stopped part-way, so it is not known whether it arrived (message ID {0})
</translation>
        </message>
        <message>
            <source>送信しています…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>送信 {0} 件、失敗 {1} 件、郵送待ち {2} 件</source>
            <translation>Sent {0}, failed {1}, waiting for letters {2}</translation>
        </message>
        <message>
            <source>、送信確認待ち {0} 件</source>
            <translation>, unconfirmed {0}</translation>
        </message>
        <message>
            <source>郵送のお知らせ</source>
            <translation>Notices by letter</translation>
        </message>
        <message>
            <source>お知らせ_{0}.pdf</source>
            <translation>notices_{0}.pdf</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>{0} 通を {1} に書き出し、印刷済にしました</source>
            <translation>Wrote {0} letters to {1} and marked them printed</translation>
        </message>
        <message>
            <source>送信に失敗したメールのお知らせを選んでください</source>
            <translation>Select e-mail notices that failed to send</translation>
        </message>
        <message>
            <source>{0} 件を郵送に切り替えました</source>
            <translation>Switched {0} notices to letters</translation>
        </message>
        <message>
            <source>送信確認待ちのお知らせを選んでください</source>
            <translation>Select unconfirmed notices</translation>
        </message>
    </context>
    <context>
        <name>OperatorsPage</name>
        <message>
            <source>担当者</source>
            <translation>Operators</translation>
        </message>
        <message>
            <source>追加(&amp;A)…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>ロック解除(&amp;U)</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>ロック(&amp;L)</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <source>パスワード再設定(&amp;R)…</source>
            <translation>&amp;Reset password…</translation>
        </message>
        <message>
            <source>役割の変更(&amp;Y)…</source>
            <translation>Change role (&amp;Y)…</translation>
        </message>
        <message>
            <source>メンテナンス</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>お知らせ（例: バックアップのため）</source>
            <translation>Notice (e.g. for a backup)</translation>
        </message>
        <message>
            <source>メンテナンス開始(&amp;M)</source>
            <translation>Start &amp;maintenance</translation>
        </message>
        <message>
            <source>メンテナンス終了(&amp;E)</source>
            <translation>&amp;End maintenance</translation>
        </message>
        <message>
            <source>終了予定</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <source>ロック中</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>メンテナンス中です（{0} まで）{1}</source>
            <translation>Under maintenance (until {0}){1}</translation>
        </message>
        <message>
            <source>通常運用中</source>
            <translation>In normal operation</translation>
        </message>
        <message>
            <source>{0} のロックを解除しました</source>
            <translation>{0} unlocked</translation>
        </message>
        <message>
            <source>{0} をロックしました</source>
            <translation>{0} locked</translation>
        </message>
        <message>
            <source>パスワード再設定</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>仮パスワード（8文字以上。次のログインで変更が必要）</source>
            <translation>Temporary password (8 characters or more; to be changed at the next login)</translation>
        </message>
        <message>
            <source>{0} のパスワードを再設定しました</source>
            <translation>Password of {0} reset</translation>
        </message>
        <message>
            <source>役割の変更</source>
            <translation>Change role</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>{0} の役割を {1} にしました</source>
            <translation>Role of {0} set to {1}</translation>
        </message>
        <message>
            <source>{0} を追加しました</source>
            <translation>{0} added</translation>
        </message>
        <message>
            <source>メンテナンスを開始しました</source>
            <translation>Maintenance started</translation>
        </message>
        <message>
            <source>メンテナンスを終了しました</source>
            <translation>Maintenance ended</translation>
        </message>
    </context>
    <context>
        <name>PaperPage</name>
        <message>
            <source>発送・不備返却</source>
            <translation>Shipments and returns</translation>
        </message>
        <message>
            <source>発送(&amp;S)</source>
            <translation>&amp;Shipments</translation>
        </message>
        <message>
            <source>不備返却(&amp;R)</source>
            <translation>&amp;Returns</translation>
        </message>
        <message>
            <source>期限(&amp;L)</source>
            <translation>Dead&amp;lines</translation>
        </message>
        <message>
            <source>発送を作成(&amp;C)</source>
            <translation>&amp;Create shipment</translation>
        </message>
        <message>
            <source>発送済みにする(&amp;D)…</source>
            <translation>Mark as sent (&amp;D)…</translation>
        </message>
        <message>
            <source>送付書・明細を印刷(&amp;P)…</source>
            <translation>&amp;Print cover sheet and annex…</translation>
        </message>
        <message>
            <source>確認済みを記録(&amp;K)…</source>
            <translation>Record as chec&amp;ked…</translation>
        </message>
        <message>
            <source>理由を付けて発送に含める(&amp;Y)…</source>
            <translation>Include in the shipment with a reason (&amp;Y)…</translation>
        </message>
        <message>
            <source>保留中の依頼書を選んでください</source>
            <translation>Please select held forms</translation>
        </message>
        <message>
            <source>確認済みを記録</source>
            <translation>Record as checked</translation>
        </message>
        <message>
            <source>依頼書の原本を確認し、チェック項目がすべて満たされていることを記録します（メモ）:</source>
            <translation>Records that the original form was checked and every item is met (note):</translation>
        </message>
        <message>
            <source>{0} 件を確認済みにしました。次の発送に含まれます</source>
            <translation>{0} forms marked as checked. They go with the next shipment</translation>
        </message>
        <message>
            <source>チェック未完了のまま発送に含める</source>
            <translation>Include without complete checks</translation>
        </message>
        <message>
            <source>{0} 件をチェック未完了のまま発送に含めます。理由:</source>
            <translation>Include {0} forms without complete checks. Reason:</translation>
        </message>
        <message>
            <source>発送 {0}: 新規分 {1} 枚、不備分 {2} 枚</source>
            <translation>Shipment {0}: {1} new forms, {2} corrected forms</translation>
        </message>
        <message>
            <source>（チェック未完了のまま {0} 枚を含めました）</source>
            <translation>({0} forms included without complete checks)</translation>
        </message>
        <message>
            <source>。チェックが済んでいない {0} 枚は保留しました（下の一覧）</source>
            <translation>. {0} forms with incomplete checks were held back (list below)</translation>
        </message>
        <message>
            <source>発送を選んでください</source>
            <translation>Select a shipment</translation>
        </message>
        <message>
            <source>発送済みにする</source>
            <translation>Mark as sent</translation>
        </message>
        <message>
            <source>発送日(&amp;D)</source>
            <translation>&amp;Date sent</translation>
        </message>
        <message>
            <source>追跡番号(&amp;T)</source>
            <translation>&amp;Tracking number</translation>
        </message>
        <message>
            <source>記録する(&amp;O)</source>
            <translation>Rec&amp;ord</translation>
        </message>
        <message>
            <source>発送 {0} を {1} に発送済みにしました</source>
            <translation>Shipment {0} marked as sent on {1}</translation>
        </message>
        <message>
            <source>送付書_{0}.pdf</source>
            <translation>cover-sheet_{0}.pdf</translation>
        </message>
        <message>
            <source>送付書 {0}（新規分 {1}・不備分 {2}）</source>
            <translation>Cover sheet {0} ({1} new, {2} corrected)</translation>
        </message>
        <message>
            <source>すべての理由</source>
            <translation>All reasons</translation>
        </message>
        <message>
            <source>銀行コード</source>
            <translation>Bank code</translation>
        </message>
        <message>
            <source> 日以上</source>
            <translation> days or more</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>銀行</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>経過</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <source>返却を記録(&amp;A)…</source>
            <translation>&amp;Add a return…</translation>
        </message>
        <message>
            <source>対応(&amp;E)…</source>
            <translation>Follow &amp;up…</translation>
        </message>
        <message>
            <source>統計の期間</source>
            <translation>Statistics period</translation>
        </message>
        <message>
            <source>不備理由別の件数</source>
            <translation>Returns by reason</translation>
        </message>
        <message>
            <source>金融機関</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>返却を選んでください</source>
            <translation>Select a return</translation>
        </message>
        <message>
            <source>今日発送すると間に合う最初の振替月</source>
            <translation>First debit month reached if sent today</translation>
        </message>
        <message>
            <source>不備返却中で、期限までに再送付しないと請求から外れるお客様</source>
            <translation>Customers with a returned form who will be left out of billing unless it is resent in time</translation>
        </message>
        <message>
            <source>発送待ち: 新規分 {0} 枚・不備分 {1} 枚</source>
            <translation>Waiting to be sent: {0} new, {1} corrected</translation>
        </message>
        <message>
            <source>チェックが済んでいないため次の発送に含めない依頼書: {0} 件</source>
            <translation>Forms held from the next shipment for incomplete checks: {0}</translation>
        </message>
        <message>
            <source>チェック未完了で保留中の依頼書はありません</source>
            <translation>No forms are held for incomplete checks</translation>
        </message>
        <message>
            <source>不備分</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>新規分</source>
            <translation>New</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} items</translation>
        </message>
        <message>
            <source>全 {0} 件のうち、顧客番号順に先頭 {1} 件を表示</source>
            <translation>Showing the first {1} of {0} by customer number</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>{0} ページ</source>
            <translation>{0} pages</translation>
        </message>
        <message>
            <source>印刷(&amp;P)…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>PDF を保存(&amp;S)…</source>
            <translation>&amp;Save PDF…</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>PDF を保存</source>
            <translation>Save PDF</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>処理中</source>
            <translation>Working</translation>
        </message>
    </context>
    <context>
        <name>RegistrationForm</name>
        <message>
            <source>お客様</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>Customer &amp;number</translation>
        </message>
        <message>
            <source>契約者名(&amp;M)</source>
            <translation>Account holder na&amp;me</translation>
        </message>
        <message>
            <source>契約者名フリガナ(&amp;K)</source>
            <translation>Name in &amp;kana</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>口座</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>金融機関(&amp;B)</source>
            <translation>&amp;Bank</translation>
        </message>
        <message>
            <source>コード、または名前・カナで検索</source>
            <translation>Code, or search by name or kana</translation>
        </message>
        <message>
            <source>支店(&amp;R)</source>
            <translation>B&amp;ranch</translation>
        </message>
        <message>
            <source>預金種目(&amp;D)</source>
            <translation>&amp;Deposit type</translation>
        </message>
        <message>
            <source>口座番号(&amp;A)</source>
            <translation>&amp;Account number</translation>
        </message>
        <message>
            <source>7桁以内</source>
            <translation>Up to 7 digits</translation>
        </message>
        <message>
            <source>通帳記号</source>
            <translation>Passbook symbol</translation>
        </message>
        <message>
            <source>5桁</source>
            <translation>5 digits</translation>
        </message>
        <message>
            <source>通帳番号</source>
            <translation>Passbook number</translation>
        </message>
        <message>
            <source>末尾の1を除いた7桁（8桁でも可）</source>
            <translation>7 digits without the final 1 (8 digits also accepted)</translation>
        </message>
        <message>
            <source>口座名義カナ(&amp;L)</source>
            <translation>Account ho&amp;lder in kana</translation>
        </message>
        <message>
            <source>契約者と同じ(&amp;U)</source>
            <translation>Same as the contract holder (&amp;U)</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Registration</translation>
        </message>
        <message>
            <source>紙（口座振替依頼書）</source>
            <translation>Paper (direct debit request form)</translation>
        </message>
        <message>
            <source>WEB</source>
            <translation>Web</translation>
        </message>
        <message>
            <source>登録方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>月額（円）</source>
            <translation>Monthly amount (yen)</translation>
        </message>
        <message>
            <source>登録日</source>
            <translation>Registered on</translation>
        </message>
        <message>
            <source>依頼書の確認</source>
            <translation>Form checklist</translation>
        </message>
        <message>
            <source>お知らせ</source>
            <translation>Notices</translation>
        </message>
        <message>
            <source>メールアドレス(&amp;E)</source>
            <translation>&amp;E-mail address</translation>
        </message>
        <message>
            <source>お知らせの送り先</source>
            <translation>Notices go to</translation>
        </message>
        <message>
            <source>自動（メールアドレスがあればメール、なければ郵送）</source>
            <translation>Automatic (e-mail if there is an address, otherwise a letter)</translation>
        </message>
        <message>
            <source>メール</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>郵送</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>なし（お知らせを送らない）</source>
            <translation>None (no notices)</translation>
        </message>
        <message>
            <source>通知方法(&amp;T)</source>
            <translation>No&amp;tice channel</translation>
        </message>
        <message>
            <source>先頭7桁 {0}</source>
            <translation>First 7 digits {0}</translation>
        </message>
        <message>
            <source>→ 支店 {0}・{1}・口座番号 {2}</source>
            <translation>→ branch {0}, {1}, account number {2}</translation>
        </message>
        <message>
            <source>銀行データ: {0}</source>
            <translation>Bank data: {0}</translation>
        </message>
    </context>
    <context>
        <name>RequestFormOptions</name>
        <message>
            <source>口座振替依頼書の作成</source>
            <translation>Create direct debit request forms</translation>
        </message>
        <message>
            <source>{0} 件の依頼書を作成します。</source>
            <translation>{0} request forms will be created.</translation>
        </message>
        <message>
            <source>様式(&amp;T)</source>
            <translation>&amp;Template</translation>
        </message>
        <message>
            <source>委託者欄と顧客番号のほかは空欄にする(&amp;B)</source>
            <translation>Leave everything &amp;blank but the consignor and customer number</translation>
        </message>
        <message>
            <source>再発行として作成する(&amp;R)</source>
            <translation>Create as a &amp;reissue</translation>
        </message>
        <message>
            <source>再発行の理由（例: 口座番号相違）。お客様の用紙に理由と直してほしいことを印刷します</source>
            <translation>Reason for the re-issue (e.g. wrong account number). The reason and what to correct are printed on the customer's sheet</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>作成(&amp;O)</source>
            <translation>Create (&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>RequestForms</name>
        <message>
            <source>依頼書 {0} 件のプレビュー</source>
            <translation>Preview of {0} request forms</translation>
        </message>
        <message>
            <source>依頼書を作成できませんでした</source>
            <translation>Could not create the request forms</translation>
        </message>
        <message>
            <source>依頼書を作成しています…</source>
            <translation>Creating request forms…</translation>
        </message>
    </context>
    <context>
        <name>ResultsPage</name>
        <message>
            <source>振替結果</source>
            <translation>Debit results</translation>
        </message>
        <message>
            <source>請求月(&amp;M)</source>
            <translation>Billing &amp;month</translation>
        </message>
        <message>
            <source>結果ファイルを取り込む(&amp;I)…</source>
            <translation>&amp;Import a result file…</translation>
        </message>
        <message>
            <source>取り込み済みの結果を差し替える（責任者）</source>
            <translation>Replace imported results (supervisor)</translation>
        </message>
        <message>
            <source>この内容で取り込む(&amp;C)</source>
            <translation>Import as shown (&amp;C)</translation>
        </message>
        <message>
            <source>結果はまだ取り込まれていません</source>
            <translation>No results imported yet</translation>
        </message>
        <message>
            <source>結果コード別</source>
            <translation>By result code</translation>
        </message>
        <message>
            <source>金融機関別</source>
            <translation>By bank</translation>
        </message>
        <message>
            <source>直近12か月の振替済・振替不能（件数）</source>
            <translation>Debited and failed over the last 12 months (count)</translation>
        </message>
        <message>
            <source>集計</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>振替不能のみ</source>
            <translation>Failed only</translation>
        </message>
        <message>
            <source>銀行コード</source>
            <translation>Bank code</translation>
        </message>
        <message>
            <source>顧客番号</source>
            <translation>Customer number</translation>
        </message>
        <message>
            <source>結果(&amp;R)</source>
            <translation>&amp;Result</translation>
        </message>
        <message>
            <source>銀行</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>結果明細</source>
            <translation>Result lines</translation>
        </message>
        <message>
            <source>完了していないものだけ(&amp;W)</source>
            <translation>Open items only (&amp;W)</translation>
        </message>
        <message>
            <source>対応を記録(&amp;U)…</source>
            <translation>Record follow-&amp;up…</translation>
        </message>
        <message>
            <source>台帳(&amp;L) Ctrl+L</source>
            <translation>&amp;Ledger Ctrl+L</translation>
        </message>
        <message>
            <source>再請求(&amp;B)…</source>
            <translation>Re-&amp;bill…</translation>
        </message>
        <message>
            <source>他の方法で入金(&amp;P)…</source>
            <translation>&amp;Paid another way…</translation>
        </message>
        <message>
            <source>選んだ項目の連絡記録</source>
            <translation>Contact log of the selected item</translation>
        </message>
        <message>
            <source>台帳</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <source>対応リスト</source>
            <translation>Follow-up list</translation>
        </message>
        <message>
            <source>確定した請求月はまだありません</source>
            <translation>No final billing month yet</translation>
        </message>
        <message>
            <source>{0}: 確定済み・結果待ち</source>
            <translation>{0}: final, waiting for results</translation>
        </message>
        <message>
            <source>{0} 結果取込済（{1} {2}）　振替済 {3} 件 {4} 円　振替不能 {5} 件 {6} 円</source>
            <translation>{0} results imported ({1} {2})  debited {3} ({4} yen)  failed {5} ({6} yen)</translation>
        </message>
        <message>
            <source>振替済</source>
            <translation>Debited</translation>
        </message>
        <message>
            <source>振替不能</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>（先頭 {0} 件を表示）</source>
            <translation>(first {0} shown)</translation>
        </message>
        <message>
            <source>{0} 件{1}</source>
            <translation>{0} items{1}</translation>
        </message>
        <message>
            <source>{0} 件</source>
            <translation>{0} items</translation>
        </message>
        <message>
            <source>振替結果ファイル</source>
            <translation>Debit result file</translation>
        </message>
        <message>
            <source>振替結果 (*.txt *.dat *.csv *.xlsx);;すべて (*)</source>
            <translation>Debit results (*.txt *.dat *.csv *.xlsx);;All (*)</translation>
        </message>
        <message>
            <source>振替結果を照合しています…</source>
            <translation>Reconciling the debit results…</translation>
        </message>
        <message>
            <source>振替結果を取り込んでいます…</source>
            <translation>Importing the debit results…</translation>
        </message>
        <message>
            <source>{0}（{1}）: 振替済 {2} 件 {3} 円、振替不能 {4} 件 {5} 円。登録の確認 {6} 件、新しい依頼書が必要 {7} 件、請求停止 {8} 件、対応項目 {9} 件（不備返却中の振替済 {10} 件）</source>
            <translation>{0} ({1}): debited {2} ({3} yen), failed {4} ({5} yen). Registrations confirmed {6}, new form needed {7}, billing stopped {8}, follow-up items {9} (debited while returned for correction {10})</translation>
        </message>
        <message>
            <source>差し替えると: </source>
            <translation>Replacing gives: </translation>
        </message>
        <message>
            <source>取り込むと: </source>
            <translation>Importing gives: </translation>
        </message>
        <message>
            <source>取り込みました: </source>
            <translation>Imported: </translation>
        </message>
        <message>
            <source>取り込めませんでした（何も変更していません）</source>
            <translation>Could not import (nothing was changed)</translation>
        </message>
        <message>
            <source>振替結果を取り込めません</source>
            <translation>Cannot import the debit results</translation>
        </message>
        <message>
            <source>連絡記録はまだありません</source>
            <translation>No contact notes yet</translation>
        </message>
        <message>
            <source>記録できません</source>
            <translation>Cannot record</translation>
        </message>
        <message>
            <source>再請求</source>
            <translation>Re-bill</translation>
        </message>
        <message>
            <source>下書きの請求月がありません。先に請求月を準備してください</source>
            <translation>There is no draft billing month. Please prepare one first</translation>
        </message>
        <message>
            <source>再請求できません</source>
            <translation>Cannot re-bill</translation>
        </message>
        <message>
            <source>他の方法で入金</source>
            <translation>Paid another way</translation>
        </message>
        <message>
            <source>入金の方法と日付（例: 現金 1/15 窓口）</source>
            <translation>How and when it was paid (e.g. cash 1/15 at the counter)</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>不備返却の記録</source>
            <translation>Record a returned form</translation>
        </message>
        <message>
            <source>不備返却の対応</source>
            <translation>Follow up a returned form</translation>
        </message>
        <message>
            <source>顧客番号(&amp;N)</source>
            <translation>Customer &amp;number</translation>
        </message>
        <message>
            <source>受領日(&amp;D)</source>
            <translation>&amp;Date received</translation>
        </message>
        <message>
            <source>不備理由</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <source>金融機関の記載・「その他」の内容</source>
            <translation>The bank's note, or what "other" means</translation>
        </message>
        <message>
            <source>メモ(&amp;M)</source>
            <translation>&amp;Memo</translation>
        </message>
        <message>
            <source>返却された依頼書のスキャン（PDF・画像）</source>
            <translation>Scan of the returned form (PDF or image)</translation>
        </message>
        <message>
            <source>選択…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>スキャン(&amp;S)</source>
            <translation>&amp;Scan</translation>
        </message>
        <message>
            <source>対応</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>状況(&amp;T)</source>
            <translation>S&amp;tatus</translation>
        </message>
        <message>
            <source>連絡の方法</source>
            <translation>Contact method</translation>
        </message>
        <message>
            <source>連絡の記録（例: 電話で新しい依頼書を依頼）</source>
            <translation>Contact note (e.g. asked by phone for a new form)</translation>
        </message>
        <message>
            <source>連絡(&amp;C)</source>
            <translation>&amp;Contact</translation>
        </message>
        <message>
            <source>連絡の記録</source>
            <translation>Contact log</translation>
        </message>
        <message>
            <source>スキャンを表示(&amp;V)</source>
            <translation>&amp;View scan</translation>
        </message>
        <message>
            <source>依頼書を再発行(&amp;R)…</source>
            <translation>&amp;Reissue the form…</translation>
        </message>
        <message>
            <source>保存(&amp;O)</source>
            <translation>Save (&amp;O)</translation>
        </message>
        <message>
            <source>スキャンの選択</source>
            <translation>Choose a scan</translation>
        </message>
        <message>
            <source>PDF・画像 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
            <translation>PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
        </message>
        <message>
            <source>再発行_{0}.pdf</source>
            <translation>reissue_{0}.pdf</translation>
        </message>
        <message>
            <source>再発行の依頼書</source>
            <translation>Reissued form</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <source>口座検索</source>
            <translation>Search accounts</translation>
        </message>
        <message>
            <source>検索条件（Enter で検索）</source>
            <translation>Search conditions (Enter searches)</translation>
        </message>
        <message>
            <source>有効な登録すべて</source>
            <translation>All active registrations</translation>
        </message>
        <message>
            <source>無効を含むすべて</source>
            <translation>All, including invalidated</translation>
        </message>
        <message>
            <source>すべて</source>
            <translation>All</translation>
        </message>
        <message>
            <source>紙</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>WEB</source>
            <translation>Web</translation>
        </message>
        <message>
            <source>状態(&amp;J)</source>
            <translation>Status (&amp;J)</translation>
        </message>
        <message>
            <source>登録方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>登録日</source>
            <translation>Registered on</translation>
        </message>
        <message>
            <source>検索(&amp;S)</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>条件をクリア</source>
            <translation>Clear conditions</translation>
        </message>
        <message>
            <source>変更(&amp;E)…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>削除（無効化）(&amp;D)…</source>
            <translation>&amp;Delete (invalidate)…</translation>
        </message>
        <message>
            <source>履歴(&amp;I)</source>
            <translation>H&amp;istory</translation>
        </message>
        <message>
            <source>依頼書を印刷(&amp;P)…</source>
            <translation>&amp;Print request form…</translation>
        </message>
        <message>
            <source>台帳(&amp;L)</source>
            <translation>&amp;Ledger</translation>
        </message>
        <message>
            <source>口座番号を表示(&amp;R)</source>
            <translation>Show account number (&amp;R)</translation>
        </message>
        <message>
            <source>変更(&amp;E) F2</source>
            <translation>&amp;Edit F2</translation>
        </message>
        <message>
            <source>削除(&amp;D) Del</source>
            <translation>&amp;Delete Del</translation>
        </message>
        <message>
            <source>履歴(&amp;I) Ctrl+H</source>
            <translation>H&amp;istory Ctrl+H</translation>
        </message>
        <message>
            <source>依頼書(&amp;P)… Ctrl+P</source>
            <translation>Request form (&amp;P)… Ctrl+P</translation>
        </message>
        <message>
            <source>書き出し(&amp;X)… Ctrl+E</source>
            <translation>E&amp;xport… Ctrl+E</translation>
        </message>
        <message>
            <source>検索中…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <source>{0:,} 件</source>
            <translation>{0:,} rows</translation>
        </message>
        <message>
            <source>顧客番号 {0} の変更を保存しました</source>
            <translation>Changes to customer number {0} saved</translation>
        </message>
        <message>
            <source>顧客番号 {0} を無効にしました（状態「無効」で検索すると表示されます）</source>
            <translation>Customer number {0} invalidated (search with the status "invalid" to see it)</translation>
        </message>
        <message>
            <source>書き出しできませんでした</source>
            <translation>Could not export</translation>
        </message>
        <message>
            <source>口座番号</source>
            <translation>Account number</translation>
        </message>
        <message>
            <source>Excel ブック (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV・Excel や LibreOffice で開く用（番号を文字として保存）(*.csv)</source>
            <translation>CSV for Excel or LibreOffice (numbers kept as text) (*.csv)</translation>
        </message>
        <message>
            <source>CSV・ほかのシステムへの取込用（値をそのまま保存）(*.csv)</source>
            <translation>CSV for another system (values as they are) (*.csv)</translation>
        </message>
        <message>
            <source>書き出し</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>口座一覧_{0}.xlsx</source>
            <translation>accounts_{0}.xlsx</translation>
        </message>
        <message>
            <source>{0} 件を書き出しています…</source>
            <translation>Exporting {0} rows…</translation>
        </message>
        <message>
            <source>{0} 件を {1} に書き出しました</source>
            <translation>Exported {0} rows to {1}</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>加盟店設定</source>
            <translation>Merchant settings</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>Revert</translation>
        </message>
        <message>
            <source>保存(&amp;S) (Ctrl+S)</source>
            <translation>&amp;Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>赤字の項目を直してください</source>
            <translation>Please correct the fields shown in red</translation>
        </message>
        <message>
            <source>保存しました</source>
            <translation>Saved</translation>
        </message>
    </context>
</TS>
