#!/bin/sh
# The kiosk end to end: the whole week.  The day grid shows a meeting in a
# room and a facility use beside bookings, marked, and a checked-in booking
# once; the week of rooms × days from the booking calendar (w) and from
# home (w), names shown, F5/F6 a week, F7 this week, Enter opens the day;
# the coming days' list (a) with a booking, a meeting and an event of the
# days ahead, scrolling with ▲/▼, Enter opening a day.  At 80×24 and
# 120×40 (times in full, more rows, the calendar naming what takes the
# rooms), in Japanese and in English.
set -u
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DB=$T/w.db
make_store "$DB" || { not_ok "store for the test" "init or staff add failed"; exit 1; }
add() {
	"$KYODO" add "$@" --db "$DB" >/dev/null 2>"$T/add.err" ||
		echo "# kyodo add $*: $(cat "$T/add.err")"
}
# Today (KYODO_TODAY) is Saturday 2026-11-28: its week is 11-22 … 11-28.
add room --name "和室" --capacity 20 --fee 500
add room --name "大会議室" --capacity 60 --fee 1200
add room --name "研修室" --capacity 30
add booking --room "大会議室" --date 2026-11-28 --start 09:30 --end 11:30 \
    --group "太極拳クラブ" --people 18
add booking --room "和室" --date 2026-11-24 --start 13:00 --end 15:00 --group "書道の会"
ID=$("$KYODO" list booking --db "$DB" --month 2026-11 --format csv | grep '書道の会' | cut -d, -f1)
"$KYODO" booking check-in "$ID" --db "$DB" --people 9 >/dev/null 2>&1 ||
	echo "# check-in failed"
add meeting --date 2026-11-26 --start 18:30 --end 20:30 --kind board --title "役員会" \
    --room "大会議室"
add use --date 2026-11-25 --start 09:00 --end 12:00 --room "和室" --group "体操会" \
    --category group --people 12
add meeting --date 2026-12-02 --start 19:00 --end 21:00 --kind round-table --title "定例会" \
    --room "大会議室"
add booking --room "研修室" --date 2026-12-03 --start 10:00 --end 12:00 --group "英会話教室"
add event --date 2026-12-05 --start 09:00 --end 12:00 --title "秋の防災訓練" --field safety

if open_signed_in "$DB"; then ok "signs in"; else not_ok "signs in" "no home"; fi
expect_screen "home offers the week" "w 週の予定"

# --- the day grid: a meeting and a use take their rooms ---
keys 4
expect_screen "the booking calendar" "予約  令和8年11月"
expect_screen "the bar shows the week's key" "w 週の予定"
keys Left Left Left Left Enter
expect_screen "the 24th's grid" "予約  令和8年11月24日(火)"
expect_screen "the checked-in booking fills its slot" "│書道の会"
expect_screen "one booking, no use beside it" "予約 1 件"
expect_no_screen "its use is not a second entry" "施設利用 1"
keys Right
expect_screen "the used booking in full, once" "13:00-15:00  書道の会  9 人  [利用済]"
keys F6
expect_screen "F6: the 25th" "予約  令和8年11月25日(水)"
expect_screen "the use fills the morning, marked" "│利 体操会"
expect_screen "the day's line counts the use and says what 利 means" \
    "予約 0 件  施設利用 1  (会 会議  利 施設利用)"
keys Left
expect_screen "the use in full, named as a use" "09:00-12:00  体操会  団体利用  12 人  [施設利用]"
keys F6
expect_screen "F6: the 26th" "予約  令和8年11月26日(木)"
expect_screen "the meeting fills the evening of 大会議室" "│会 役員会"
keys Down Right Right
expect_screen "the meeting in full" "18:30-20:30  役員会  [会議]"
keys x
expect_screen "only a booking is cancelled here" \
    "ここでチェックインや取消ができるのは予約だけです（これは会議: 役員会）。"
keys Enter
expect_screen "Enter opens the meeting's own form" "会議  編集"
keys Escape
expect_screen "back on the grid" "予約  令和8年11月26日(木)"
keys Escape
expect_screen "back on the calendar, on the day" "令和8年11月26日(木)"
expect_screen "the month counts the meeting's slot as taken" "令和8年11月26日(木)  1/9 枠が予約済"

# --- the week from the calendar ---
keys w
expect_screen "w opens the highlighted day's week" "週の予定  令和8年11月22日(日) - 11-28"
expect_screen "days are the columns, today marked" "│28 土*"
expect_screen "the booking checked in, by name" "書道の会"
expect_screen "the use, marked" "利 体操会"
expect_screen "the meeting, marked" "会 役員会"
expect_screen "today's booking" "太極拳ク"
expect_screen "the highlighted day in words" "令和8年11月26日(木)  予約 0 件  会議 1"
keys Down
expect_screen "the highlighted cell in full under the grid" "18:30-20:30  会議  役員会"
expect_screen "the bar: weeks and the coming days" "F5 前の週"
expect_screen "the bar: the coming days" "a 今後の予定"
keys F6
expect_screen "F6: the next week" "週の予定  令和8年11月29日(日) - 12-05"
expect_screen "next week's meeting" "会 定例会"
expect_screen "next week's booking" "英会話教"
keys F5 F5
expect_screen "F5 twice: the week before this one" "週の予定  令和8年11月15日(日) - 11-21"
expect_no_screen "nothing of this week there" "役員会"
keys F7
expect_screen "F7: this week, on today" "令和8年11月28日(土)  予約 1 件"
keys Left Left
keys Enter
expect_screen "Enter opens the highlighted day's grid" "予約  令和8年11月26日(木)"
keys F6
keys Escape
expect_screen "back on the week, on the day the grid reached" "令和8年11月27日(金)"
keys Right Right
expect_screen "Right past Saturday: the next week" "週の予定  令和8年11月29日(日) - 12-05"
keys Escape
expect_screen "Esc: the calendar, on the week's day" "令和8年11月29日(日)"

# --- the coming days ---
keys w a
expect_screen "a lists the coming days" "今後の予定  令和8年11月28日(土) - 12-11"
expect_screen "today's heading" "令和8年11月28日(土)  今日"
expect_screen "today's booking, with its room" "太極拳クラブ"
expect_screen "a meeting ahead" "定例会"
expect_screen "a booking ahead" "英会話教室"
expect_screen "an event" "秋の防災訓練"
expect_screen "kinds named" "会議"
expect_no_screen "past days are not listed" "役員会"
keys Down
keys Enter
expect_screen "Enter opens the highlighted item's day" "予約  令和8年12月2日(水)"
keys Escape
expect_screen "Esc: the list again" "今後の予定"
keys Escape
expect_screen "Esc: the week" "週の予定"
keys Escape Escape
expect_screen "home" "メニュー"
keys w
expect_screen "w on home: this week" "週の予定  令和8年11月22日(日) - 11-28"
keys Escape

# --- ▲/▼ when the coming days fill more than the screen ---
for d in 01 02 03 04 07 08 09 10 11; do
	add booking --room "和室" --date "2026-12-$d" --start 09:00 --end 10:00 --group "朝の会$d"
done
keys w a
expect_screen "more items than rows" "今後の予定"
expect_screen "a mark says more lie below" "▼"
expect_no_screen "nothing above yet" "▲"
keys End
expect_screen "End: the last item" "朝の会11"
expect_screen "a mark says more lie above" "▲"
keys Home
expect_screen "Home: the first again" "太極拳クラブ"
keys Escape Escape Escape

# --- 120×40: times in full, more of the names ---
start_kyodo 120 40 -- --db "$DB"
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
keys w
expect_screen "120x40: the week" "週の予定  令和8年11月22日(日) - 11-28"
expect_screen "120x40: a cell gives the times in full" "13:00-15:00"
expect_screen "120x40: the whole name" "太極拳クラブ"
keys a
expect_screen "120x40: the coming days" "今後の予定"
expect_screen "120x40: the event with its field" "秋の防災訓練 (安全・安心)"
keys Escape Left Left Enter
expect_screen "120x40: the day grid" "予約  令和8年11月26日(木)"
expect_screen "120x40: the meeting on the grid" "│会 役員会"
keys Escape Escape
wait_for "メニュー" >/dev/null
keys 4
expect_screen "120x40: the calendar" "予約  令和8年11月"
expect_screen "120x40: a tall calendar names the meeting" "会 役員会"
expect_screen "120x40: … and the use" "利 体操会"
expect_screen "120x40: … and the bookings" "書道の会"
keys Escape

# --- English ---
open_signed_in "$DB" --lang en
expect_screen "en: home offers the week" "w Week"
keys w
expect_screen "en: the week" "Week  2026-11-22 (Reiwa 8) Sun - 11-28"
expect_screen "en: the meeting, marked M" "M 役員会"
expect_screen "en: the use, marked U" "U 体操会"
expect_screen "en: the marks explained" "(M Meeting  U Facility use)"
keys Left Left Down
expect_screen "en: the meeting in full" "18:30-20:30  Meeting  役員会"
keys Enter
expect_screen "en: the day grid" "Bookings  2026-11-26 (Reiwa 8) Thu"
expect_screen "en: the meeting on the grid" "│M 役員会"
keys Escape a
expect_screen "en: the coming days" "Coming days  2026-11-28 (Reiwa 8) Sat - 12-11"
expect_screen "en: a meeting ahead" "Meeting"
expect_screen "en: an event ahead" "Event"
keys Escape Escape
expect_screen "en: home again" "This month"
keys 4 w
expect_screen "en: the week from the calendar" "Week  2026-11-22 (Reiwa 8) Sun - 11-28"
keys F6 F6 F6 F6 F6
expect_screen "en: the New Year week, closed days marked" "│closed"
expect_screen "en: the closed day's reason whole" "Closed: closed every year 12/29–1/3"
expect_no_screen "en: the marks' legend left out rather than cut" "(M Meeting"
keys Escape Escape

# --- English at 120×40 ---
start_kyodo 120 40 -- --db "$DB" --lang en
wait_for "佐藤 花子" >/dev/null
sign_in 0 1234
wait_for "佐藤 花子 (" >/dev/null
keys w
expect_screen "en 120x40: the week" "Week  2026-11-22 (Reiwa 8) Sun - 11-28"
expect_screen "en 120x40: times in full" "18:30-20:30"
expect_screen "en 120x40: the whole name" "太極拳クラブ"
keys a
expect_screen "en 120x40: the coming days' columns" "Name or title"
expect_screen "en 120x40: an event with its field" "秋の防災訓練 (Safety)"
keys Escape Escape

check "kyodo kept running" alive
