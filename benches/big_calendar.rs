//! The 10,000-event calendar of the import benchmarks, shared by
//! `benches/clash.rs` and `calcard-compare` (included by `#[path]`), so
//! that both time the same bytes.

use chrono::{Duration, NaiveDate};

/// A 10,000-event calendar as an organiser's export might be: 8,000 single
/// meetings, 1,500 weekly series of 20 (with an EXDATE each) and 500 all-day
/// events, in Europe/London, across 2026.
pub fn big_calendar() -> String {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:bench\r\n");
    let day = |k: u32| {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + Duration::days(i64::from(k % 365))
    };
    for k in 0..10_000u32 {
        let d = day(k * 7);
        let hour = 8 + k % 10;
        s.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:event-{k}\r\nSUMMARY:Meeting {k}\r\n"
        ));
        if k < 8_000 {
            s.push_str(&format!(
                "DTSTART;TZID=Europe/London:{}T{hour:02}0000\r\nDTEND;TZID=Europe/London:{}T{:02}3000\r\n",
                d.format("%Y%m%d"),
                d.format("%Y%m%d"),
                hour + 1
            ));
        } else if k < 9_500 {
            s.push_str(&format!(
                "DTSTART;TZID=Europe/London:{}T{hour:02}0000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=20\r\nEXDATE;TZID=Europe/London:{}T{hour:02}0000\r\n",
                d.format("%Y%m%d"),
                (d + Duration::days(14)).format("%Y%m%d"),
            ));
        } else {
            s.push_str(&format!(
                "DTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\n",
                d.format("%Y%m%d"),
                (d + Duration::days(1)).format("%Y%m%d")
            ));
        }
        s.push_str("END:VEVENT\r\n");
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}
