//! Dates as Hugo reads them from front matter.
//!
//! Hugo hands every front matter date to `htime.ToTimeInDefaultLocationE`
//! (gohugoio/hugo `common/htime/time.go`; TOML date-times arrive formatted as
//! RFC 3339), that is to spf13/cast's `StringToDateInDefaultLocation`, which
//! tries the Go layouts of `internal.TimeFormats` (spf13/cast
//! `internal/time.go`, v1.10.0 as Hugo's `go.mod` pins it) in order, each with
//! Go's `time.Parse`. Layouts without a zone, or with a zone name only, are
//! read as wall clock in the site's time zone: UTC here. The time-only
//! layouts at the end of that list (`Kitchen`, `Stamp`…) give the year 0,
//! which no post has, and are left out.
//!
//! The Go layout reader below ([`go_layout`]) is shared: Jekyll's dates read
//! their parts with it too.

use crate::post::PostDate;

/// How a layout of cast's list places the time (cast's `TimeFormatType`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// No zone, or a zone name only: wall clock in the default location.
    Local,
    /// A numeric offset (`-0700`, `Z07:00`).
    Numeric,
}

/// spf13/cast `internal.TimeFormats`, in its order (Go's named layouts spelt out).
const FORMATS: &[(&str, Zone)] = &[
    ("2006-01-02", Zone::Local),
    ("2006-01-02T15:04:05Z07:00", Zone::Numeric), // time.RFC3339
    ("2006-01-02T15:04:05", Zone::Local),
    ("Mon, 02 Jan 2006 15:04:05 -0700", Zone::Numeric), // time.RFC1123Z
    ("Mon, 02 Jan 2006 15:04:05 MST", Zone::Local),     // time.RFC1123
    ("02 Jan 06 15:04 -0700", Zone::Numeric),           // time.RFC822Z
    ("02 Jan 06 15:04 MST", Zone::Local),               // time.RFC822
    ("Monday, 02-Jan-06 15:04:05 MST", Zone::Local),    // time.RFC850
    ("2006-01-02 15:04:05.999999999 -0700 MST", Zone::Numeric), // Time.String()
    ("2006-01-02T15:04:05-0700", Zone::Numeric),
    ("2006-01-02 15:04:05Z0700", Zone::Numeric),
    ("2006-01-02 15:04:05", Zone::Local),
    ("Mon Jan _2 15:04:05 2006", Zone::Local), // time.ANSIC
    ("Mon Jan _2 15:04:05 MST 2006", Zone::Local), // time.UnixDate
    ("Mon Jan 02 15:04:05 -0700 2006", Zone::Numeric), // time.RubyDate
    ("2006-01-02 15:04:05Z07:00", Zone::Numeric),
    ("02 Jan 2006", Zone::Local),
    ("2006-01-02 15:04:05 -07:00", Zone::Numeric),
    ("2006-01-02 15:04:05 -0700", Zone::Numeric),
];

/// A front matter date as Hugo reads it; `None` when Hugo would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    let text = text.trim();
    FORMATS.iter().find_map(|&(layout, zone)| {
        let mut fields = Fields::default();
        if !go_layout(layout, text, &mut fields)?.is_empty() {
            return None; // Go: "extra text"
        }
        if zone == Zone::Local {
            fields.offset = 0;
        }
        fields.post_date()
    })
}

/// What a date text says, as read so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Seconds east of UTC.
    pub offset: i32,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            year: 0,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            offset: 0,
        }
    }
}

impl Fields {
    /// The date, `None` when a field is out of range (Go's and Ruby's
    /// "day out of range" and the like).
    pub fn post_date(&self) -> Option<PostDate> {
        let month = time::Month::try_from(self.month).ok()?;
        let date = time::Date::from_calendar_date(self.year, month, self.day).ok()?;
        let clock = time::Time::from_hms(self.hour, self.minute, self.second).ok()?;
        let offset = time::UtcOffset::from_whole_seconds(self.offset).ok()?;
        Some(PostDate {
            ymd: format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            timestamp: time::PrimitiveDateTime::new(date, clock)
                .assume_offset(offset)
                .unix_timestamp(),
        })
    }
}

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const SHORT_DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The elements of Go's layouts this reader knows (Go `time/format.go`,
/// `nextStdChunk`), longest first where one starts another.
const ELEMENTS: &[&str] = &[
    "January",
    "Jan",
    "Monday",
    "Mon",
    "MST",
    "2006",
    "01",
    "02",
    "_2",
    "06",
    "04",
    "05",
    "15",
    "1",
    "2",
    "-07:00",
    "-0700",
    "Z07:00",
    "Z0700",
    ".999999999",
];

/// Reads the start of `text` as Go's `time.Parse` reads it with `layout`,
/// into `fields`; the rest of `text`, `None` when it does not match.
///
/// As Go does: `01 02 04 05 06` take exactly two digits, `1 2 15` one or
/// two, `_2` a space-padded day; names match in any case; a space matches
/// one or more spaces; seconds may be followed by a fraction (`.` or `,`),
/// which is dropped; `06` is 1969-2068. A weekday is read and not checked,
/// as Go does not; a zone name (`MST`) gives no offset.
pub fn go_layout<'t>(layout: &str, text: &'t str, fields: &mut Fields) -> Option<&'t str> {
    let mut layout = layout;
    let mut text = text;
    while let Some(c) = layout.chars().next() {
        let Some(element) = ELEMENTS.iter().find(|e| layout.starts_with(**e)) else {
            layout = &layout[c.len_utf8()..];
            if c == ' ' {
                let rest = text.trim_start_matches(' ');
                if rest.len() == text.len() {
                    return None;
                }
                text = rest;
                layout = layout.trim_start_matches(' ');
            } else {
                text = text.strip_prefix(c)?;
            }
            continue;
        };
        layout = &layout[element.len()..];
        text = match *element {
            "January" => name(text, &blog_core::dates::MONTHS, &mut fields.month)?,
            "Jan" => name(text, &SHORT_MONTHS, &mut fields.month)?,
            "Monday" => name(text, &LONG_DAYS, &mut 0)?,
            "Mon" => name(text, &SHORT_DAYS, &mut 0)?,
            "MST" => zone_name(text)?,
            "2006" => {
                let (year, rest) = digits(text, 4, 4)?;
                fields.year = year as i32;
                rest
            }
            "06" => {
                let (year, rest) = digits(text, 2, 2)?;
                fields.year = year as i32 + if year >= 69 { 1900 } else { 2000 };
                rest
            }
            "01" | "1" => {
                let (month, rest) = digits(text, element.len(), 2)?;
                fields.month = month as u8;
                rest
            }
            "02" | "2" | "_2" => {
                let text = if *element == "_2" {
                    text.strip_prefix(' ').unwrap_or(text)
                } else {
                    text
                };
                let (day, rest) = digits(text, if *element == "02" { 2 } else { 1 }, 2)?;
                fields.day = day as u8;
                rest
            }
            "15" => {
                let (hour, rest) = digits(text, 1, 2)?;
                fields.hour = hour as u8;
                rest
            }
            "04" => {
                let (minute, rest) = digits(text, 2, 2)?;
                fields.minute = minute as u8;
                rest
            }
            "05" => {
                let (second, rest) = digits(text, 2, 2)?;
                fields.second = second as u8;
                if layout.starts_with(".999999999") {
                    rest
                } else {
                    fraction(rest)
                }
            }
            ".999999999" => fraction(text),
            _ => {
                // The numeric zones: `Z…` also takes `Z` for UTC.
                if element.starts_with('Z') {
                    if let Some(rest) = text.strip_prefix('Z') {
                        fields.offset = 0;
                        text = rest;
                        continue;
                    }
                }
                let colon = element.contains(':');
                let (sign, rest) = match text.as_bytes().first()? {
                    b'+' => (1, &text[1..]),
                    b'-' => (-1, &text[1..]),
                    _ => return None,
                };
                let (hours, rest) = digits(rest, 2, 2)?;
                let rest = if colon { rest.strip_prefix(':')? } else { rest };
                let (minutes, rest) = digits(rest, 2, 2)?;
                if hours > 24 || minutes > 60 {
                    return None;
                }
                fields.offset = sign * (hours as i32 * 3600 + minutes as i32 * 60);
                rest
            }
        };
    }
    Some(text)
}

/// `min` to `max` ASCII digits at the start of `text` (as many as there are),
/// and the rest.
pub(crate) fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if n < min {
        return None;
    }
    Some((text[..n].parse().ok()?, &text[n..]))
}

/// A fraction of a second, if one starts `text` (Go takes `.` or `,`).
fn fraction(text: &str) -> &str {
    let b = text.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'.' | b',') && b[1].is_ascii_digit() {
        text[1..].trim_start_matches(|c: char| c.is_ascii_digit())
    } else {
        text
    }
}

/// One of `names` (any case) at the start of `text`: its number from 1.
fn name<'t>(text: &'t str, names: &[&str], number: &mut u8) -> Option<&'t str> {
    names.iter().zip(1..).find_map(|(n, i)| {
        let head = text.get(..n.len())?;
        head.eq_ignore_ascii_case(n).then(|| {
            *number = i;
            &text[n.len()..]
        })
    })
}

/// A zone name as Go's `parseTimeZone` takes it: `UTC`, `GMT` with an
/// optional signed hour, `ChST`, `MeST`, a signed `+hh`, or three to five
/// capitals (four or five ending in `T`, or `WITA`).
fn zone_name(text: &str) -> Option<&str> {
    for special in ["UTC", "ChST", "MeST"] {
        if let Some(rest) = text.strip_prefix(special) {
            return Some(rest);
        }
    }
    if let Some(rest) = text.strip_prefix("GMT") {
        let b = rest.as_bytes();
        if b.len() >= 2 && matches!(b[0], b'+' | b'-') && b[1].is_ascii_digit() {
            return Some(rest[1..].trim_start_matches(|c: char| c.is_ascii_digit()));
        }
        return Some(rest);
    }
    if let Some(rest) = text.strip_prefix(['+', '-']) {
        return digits(rest, 2, 2).map(|(_, rest)| rest);
    }
    let upper = text
        .bytes()
        .take(6)
        .take_while(u8::is_ascii_uppercase)
        .count();
    let ok = match upper {
        3 => true,
        4 => text.as_bytes()[3] == b'T' || text.starts_with("WITA"),
        5 => text.as_bytes()[4] == b'T',
        _ => false,
    };
    ok.then(|| &text[upper..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (String, i64) {
        let date = parse(text).unwrap_or_else(|| panic!("{text} should parse"));
        (date.ymd, date.timestamp)
    }

    // 2016-03-06T15:28:01Z, an instant of cast's `TestTime` cases.
    const INSTANT: i64 = 1_457_278_081;

    #[test]
    fn casts_own_cases() {
        // spf13/cast `time_test.go`, `TestTime` (all but the time-only layouts).
        const NOV_10: i64 = 1_257_894_000; // 2009-11-10T23:00:00Z
        for (text, timestamp) in [
            ("2009-11-10 23:00:00 +0000 UTC", NOV_10),
            ("Tue Nov 10 23:00:00 2009", NOV_10),
            ("Tue Nov 10 23:00:00 UTC 2009", NOV_10),
            ("Tue Nov 10 23:00:00 +0000 2009", NOV_10),
            ("10 Nov 09 23:00 UTC", NOV_10),
            ("10 Nov 09 23:00 +0000", NOV_10),
            ("Tuesday, 10-Nov-09 23:00:00 UTC", NOV_10),
            ("Tue, 10 Nov 2009 23:00:00 UTC", NOV_10),
            ("Tue, 10 Nov 2009 23:00:00 +0000", NOV_10),
            ("2009-11-10T23:00:00Z", NOV_10),
            ("2018-10-21T23:21:29+0200", 1_540_156_889),
            ("2016-03-06 15:28:01-00:00", INSTANT),
            ("2016-03-06 15:28:01-0000", INSTANT),
            ("2016-03-06 15:28:01", INSTANT),
            ("2016-03-06 15:28:01 -0000", INSTANT),
            ("2016-03-06 15:28:01 -00:00", INSTANT),
            ("2016-03-06 15:28:01 +0900", INSTANT - 9 * 3600),
            ("2016-03-06 15:28:01 +09:00", INSTANT - 9 * 3600),
            ("2006-01-02", 1_136_160_000),
            ("02 Jan 2006", 1_136_160_000),
        ] {
            assert_eq!(ok(text).1, timestamp, "{text}");
        }
    }

    #[test]
    fn every_layout_of_cast() {
        let utc = [
            "2016-03-06T15:28:01Z",
            "2016-03-06T15:28:01",
            "Sun, 06 Mar 2016 15:28:01 +0000",
            "Sun, 06 Mar 2016 15:28:01 UTC",
            "Sunday, 06-Mar-16 15:28:01 UTC",
            "2016-03-06 15:28:01 +0000 UTC",
            "2016-03-06 15:28:01.123456789 +0000 UTC",
            "2016-03-06T15:28:01-0000",
            "2016-03-06 15:28:01Z",
            "2016-03-06 15:28:01",
            "Sun Mar  6 15:28:01 2016",
            "Sun Mar 6 15:28:01 2016",
            "Sun Mar  6 15:28:01 UTC 2016",
            "Sun Mar 06 15:28:01 +0000 2016",
            "2016-03-06 15:28:01 +00:00",
            "2016-03-06 15:28:01 +0000",
        ];
        for text in utc {
            assert_eq!(ok(text), ("2016-03-06".into(), INSTANT), "{text}");
        }
        // RFC 822 has no seconds.
        assert_eq!(ok("06 Mar 16 15:28 +0000").1, INSTANT - 1);
        assert_eq!(ok("06 Mar 16 15:28 UTC").1, INSTANT - 1);
        assert_eq!(ok("2016-03-06"), ("2016-03-06".into(), 1_457_222_400));
        assert_eq!(ok("06 Mar 2016"), ("2016-03-06".into(), 1_457_222_400));
    }

    #[test]
    fn offsets_keep_the_date_as_written() {
        // The date stays the one written in its offset (UTC: the 16th).
        assert_eq!(
            ok("2023-10-15T21:18:50-07:00"),
            ("2023-10-15".into(), 1_697_429_930)
        );
        assert_eq!(ok("2016-03-06T15:28:01+05:30").1, INSTANT - 5 * 3600 - 1800);
        assert_eq!(ok("2016-03-06 15:28:01 -0700").1, INSTANT + 7 * 3600);
        assert_eq!(ok("2016-03-06T15:28:01-0700").1, INSTANT + 7 * 3600);
    }

    #[test]
    fn zone_names_are_wall_clock_in_the_site_zone() {
        // cast: TimeFormatNamedTimezone gets the default location (UTC here).
        assert_eq!(ok("Sun, 06 Mar 2016 15:28:01 PST").1, INSTANT);
        assert_eq!(ok("Sunday, 06-Mar-16 15:28:01 CEST").1, INSTANT);
        // …but `Time.String()` uses the numeric offset beside the name.
        assert_eq!(ok("2016-03-06 15:28:01.5 -0800 PST").1, INSTANT + 8 * 3600);
    }

    #[test]
    fn go_details() {
        // Fractions are accepted after seconds though no layout names them.
        assert_eq!(ok("2016-03-06T15:28:01.999Z").1, INSTANT);
        assert_eq!(ok("2016-03-06 15:28:01,5").1, INSTANT);
        // `15` takes one digit.
        assert_eq!(ok("2016-03-06T5:28:01Z").1, INSTANT - 10 * 3600);
        // Names in any case; two-digit years from 1969.
        assert_eq!(ok("sun, 06 mar 2016 15:28:01 +0000").1, INSTANT);
        assert_eq!(ok("06 Mar 69 15:28 +0000").0, "1969-03-06");
        assert_eq!(ok("06 Mar 68 15:28 +0000").0, "2068-03-06");
        // The weekday is not checked.
        assert_eq!(ok("Mon, 06 Mar 2016 15:28:01 +0000").1, INSTANT);
    }

    #[test]
    fn refused() {
        for text in [
            "",
            "not a date",
            "2016-3-6",         // `01` wants two digits
            "2016-03-06T15:28", // no layout without seconds
            "2016-03-06 15:28", // likewise
            "2016-02-30",       // day out of range
            "2016-13-01",       // month out of range
            "2016-03-06T24:00:00Z",
            "2016-03-06t15:28:01Z", // `T` is literal
            "2016-03-06T15:28:01z",
            "March 6, 2016", // a formatting layout of Hugo's, not a parsing one
            "2016/03/06",
            "2016-03-06 extra",
            "3:04PM", // time.Kitchen: year 0
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
