//! Dates as Zola reads them from front matter.
//!
//! getzola/zola `components/utils/src/de.rs`, `from_unknown_datetime`: a TOML
//! date or date-time, or a string that TOML's own date-time reader takes,
//! stays as TOML writes it; any other string must pass
//! `parse_yaml_datetime` (the YAML 1.1 timestamp: one-digit months and days,
//! `t` or spaces before the time, a fraction, an offset of `Z`, `±h`, `±hh`
//! or `±hh:mm` after optional spaces) and is rewritten as RFC 3339. Then
//! `components/content/src/front_matter/page.rs`, `parse_datetime`, reads it
//! as RFC 3339, as RFC 3339 without offset (UTC), or as a bare date (UTC
//! midnight); anything else (a TOML local time) is an error.

use std::str::FromStr;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::moved::hugo::dates::digits;
use crate::post::PostDate;

/// A front matter date as Zola reads it; `None` when Zola would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    let text = text.trim();
    let written = match toml::value::Datetime::from_str(text) {
        Ok(datetime) => datetime.to_string(),
        Err(_) => yaml_datetime(text)?.format(&Rfc3339).ok()?,
    };
    let datetime = parse_datetime(&written)?;
    Some(PostDate {
        ymd: format!(
            "{:04}-{:02}-{:02}",
            datetime.year(),
            u8::from(datetime.month()),
            datetime.day()
        ),
        timestamp: datetime.unix_timestamp(),
    })
}

/// Zola's `parse_datetime` (`front_matter/page.rs`).
fn parse_datetime(d: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(d, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(&format!("{d}Z"), &Rfc3339))
        .ok()
        .or_else(|| {
            let date = Date::parse(d, format_description!("[year]-[month]-[day]")).ok()?;
            Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc())
        })
}

/// Zola's `parse_yaml_datetime` (`utils/src/de.rs`), whose regular expression is
/// `^"?Y{4}-M{1,2}-D{1,2}(([Tt]|[ \t]+)h{1,2}:mm:ss(\.\d{0,9})?[ \t]*(Z|[-+]h{1,2}(:mm)?)?)?"?$`.
fn yaml_datetime(text: &str) -> Option<OffsetDateTime> {
    let text = text.strip_prefix('"').unwrap_or(text);
    let text = text.strip_suffix('"').unwrap_or(text);
    let (year, rest) = digits(text, 4, 4)?;
    let (month, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    let date = Date::from_calendar_date(year as i32, (month as u8).try_into().ok()?, day as u8);
    let date = date.ok()?;
    if rest.is_empty() {
        return Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc());
    }
    let rest = match rest.strip_prefix(['T', 't']) {
        Some(rest) => rest,
        None => {
            let trimmed = rest.trim_start_matches([' ', '\t']);
            (trimmed.len() < rest.len()).then_some(trimmed)?
        }
    };
    let (hour, rest) = digits(rest, 1, 2)?;
    let (minute, rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    let (second, rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    let mut nanos = 0;
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => {
            let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if n > 9 {
                return None;
            }
            nanos = format!("{:0<9}", &fraction[..n]).parse().ok()?;
            &fraction[n..]
        }
        None => rest,
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let offset = match rest {
        "" | "Z" => UtcOffset::UTC,
        _ => {
            let sign: i8 = if rest.starts_with('-') { -1 } else { 1 };
            let (hours, rest) = digits(rest.strip_prefix(['+', '-'])?, 1, 2)?;
            let minutes = match rest {
                "" => 0,
                _ => {
                    digits(rest.strip_prefix(':')?, 2, 2)
                        .filter(|(_, r)| r.is_empty())?
                        .0
                }
            };
            UtcOffset::from_hms(sign * hours as i8, sign * minutes as i8, 0).ok()?
        }
    };
    let clock = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()?;
    Some(PrimitiveDateTime::new(date, clock).assume_offset(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (String, i64) {
        let date = parse(text).unwrap_or_else(|| panic!("{text} should parse"));
        (date.ymd, date.timestamp)
    }

    #[test]
    fn toml_dates_and_date_times() {
        // Zola's docs: `date = 2021-03-02` and RFC 3339 date-times.
        assert_eq!(ok("2021-03-02"), ("2021-03-02".into(), 1_614_643_200));
        assert_eq!(
            ok("2021-03-02T10:00:00+01:00"),
            ("2021-03-02".into(), 1_614_643_200 + 9 * 3600)
        );
        // A local date-time is UTC.
        assert_eq!(ok("2021-03-02T10:00:00").1, 1_614_643_200 + 10 * 3600);
        // TOML takes a space for the `T`.
        assert_eq!(ok("2021-03-02 10:00:00Z").1, 1_614_643_200 + 10 * 3600);
        // The date as written in its offset.
        assert_eq!(ok("2021-03-02T23:30:00-05:00").0, "2021-03-02");
    }

    // Zola's own tests of `parse_yaml_datetime` (`utils/src/de.rs`): the YAML 1.1
    // timestamp draft and the toml-test subset. 2001-12-15T02:59:43Z is 1008385183.
    #[test]
    fn yaml_draft_timestamps() {
        let instant = 1_008_385_183;
        assert_eq!(ok("2001-12-15T02:59:43.1Z").1, instant);
        assert_eq!(
            ok("2001-12-14t21:59:43.10-05:00"),
            ("2001-12-14".into(), instant)
        );
        assert_eq!(
            ok("2001-12-14 21:59:43.10 -5"),
            ("2001-12-14".into(), instant)
        );
        assert_eq!(ok("2001-12-15 2:59:43.10").1, instant);
        assert_eq!(ok("2002-12-14").0, "2002-12-14");
        assert_eq!(ok("2001-1-5").0, "2001-01-05");
        assert_eq!(ok("1987-07-05t17:45:00Z").1, 552_505_500);
        assert_eq!(ok("9999-12-31 23:59:59").0, "9999-12-31");
        assert_eq!(ok("2024-02-29 15:15:15Z").0, "2024-02-29");
        assert_eq!(ok("1987-07-05T17:45:56+12:00").1, 552_505_556 - 12 * 3600);
    }

    #[test]
    fn refused() {
        for text in [
            "",
            "2001-13-15",
            "xxxx-12-15",
            "2001-12-xx",
            "2001-12-15:69:43.1Z",
            "2100-02-29T15:15:15Z",
            "1988-02-30T15:15:15Z",
            "2006-01-01T24:00:00-00:00",
            "2006-01-01T00:60:00-00:00",
            "1987-07-0517:45:00Z",
            "1985-06-18 17:04:07+26:00",
            "10000-01-01 00:00:00z",
            "10:00:00", // a TOML local time: `parse_datetime` refuses it
            "March 2, 2021",
            "1987-07-05T17:45Z", // no seconds (Zola's `no_secs` case)
            "2021/03/02",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
