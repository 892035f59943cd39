//! Calendar helpers for display and ordering (no time zone database needed:
//! the manifest carries dates as `YYYY-MM-DD` and instants as Unix seconds).

/// The months' names in English, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Splits `YYYY-MM-DD` into numbers, checking ranges (not month lengths).
pub fn parse_ymd(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// "March 16, 2026" for "2026-03-16"; the input unchanged if it is not a date.
pub fn display_date(date: &str) -> String {
    match parse_ymd(date) {
        Some((y, m, d)) => format!("{} {d}, {y}", MONTHS[m as usize - 1]),
        None => date.to_string(),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// [`days_from_civil`] of a `YYYY-MM-DD` string.
pub fn days_from_civil_str(date: &str) -> Option<i64> {
    parse_ymd(date).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// The UTC day, `YYYY-MM-DD`, of an instant in Unix seconds (Hinnant's `civil_from_days`).
pub fn ymd_of_timestamp(seconds: i64) -> String {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_dates() {
        assert_eq!(display_date("2026-03-16"), "March 16, 2026");
        assert_eq!(display_date("2026-12-01"), "December 1, 2026");
        assert_eq!(display_date("soon"), "soon");
        assert_eq!(display_date("2026-13-01"), "2026-13-01");
    }

    #[test]
    fn counts_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil_str("2026-03-16"), Some(20_528));
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for date in [
            "1970-01-01",
            "2000-02-29",
            "2026-03-16",
            "2026-12-31",
            "1969-12-31",
        ] {
            let seconds = days_from_civil_str(date).unwrap() * 86_400;
            assert_eq!(ymd_of_timestamp(seconds), date);
            assert_eq!(ymd_of_timestamp(seconds + 86_399), date);
        }
    }
}
