//! Dates as Jekyll reads them from front matter.
//!
//! jekyll/jekyll `lib/jekyll/document.rb`, `merge_date!`: the `date` value,
//! whatever YAML made of it (Psych turns a YAML timestamp into a `Time`, whose
//! `to_s` keeps the written offset: `2025-01-29 18:15:32 +0530`), goes through
//! `to_s` and `Utils.parse_date` (`lib/jekyll/utils.rb`), which is Ruby's
//! `Time.parse`, that is `Date._parse` (ruby/date `ext/date/date_parse.c`).
//! That parser is a pile of heuristics; this file reads the forms a blog
//! writes, each as `Date._parse` reads it:
//!
//! - an optional weekday (`parse_day`), ignored;
//! - the date: ISO `2012-1-5` (`parse_iso`), `2012/1/5` and `5/1/2012`
//!   (`parse_sla`: day before month), `5-1-2012` (`parse_iso`; `s3e` puts
//!   a trailing year first), `2012.1.5` (`parse_dot`), `January 5, 2012`
//!   (`parse_us`), `5 January 2012` (`parse_eu`), `20120105`
//!   (`parse_ddd`); month names in any case, full or abbreviated, days with
//!   `st`/`nd`/`rd`/`th`;
//! - an optional time after `T`, spaces or a comma (`parse_time`): `19:34`,
//!   `19:34:56`, a fraction, `am`/`pm`;
//! - an optional zone after it (`date_zone_to_diff`): `Z`, `UTC`, `GMT`,
//!   `±h`, `±hh`, `±hhmm`, `±hh:mm` (also after `UTC`/`GMT`), or a name of
//!   `ext/date/zonetab.list` that blogs use (`EST`, `CEST`, `IST`…).
//!
//! No zone written: UTC (Jekyll takes the build machine's zone, or the
//! site's `timezone`). Text `Date._parse` would skip but this file does not
//! know is refused rather than guessed.

use crate::moved::hugo::dates::{go_layout, Fields};
use crate::post::PostDate;

/// The date forms, as Go layouts (read by [`go_layout`]): `1`, `2` and `15`
/// take one or two digits, names any case.
const DATES: &[&str] = &[
    "2006-1-2",
    "2006/1/2",
    "2/1/2006",
    "2-1-2006",
    "2006.1.2",
    "20060102",
    "January 2, 2006",
    "January 2 2006",
    "Jan 2, 2006",
    "Jan 2 2006",
    "2 January, 2006",
    "2 January 2006",
    "2 Jan, 2006",
    "2 Jan 2006",
];

/// Zone names of ruby/date `ext/date/zonetab.list`, with their offsets in seconds.
const ZONES: &[(&str, i32)] = &[
    ("z", 0),
    ("ut", 0),
    ("utc", 0),
    ("gmt", 0),
    ("wet", 0),
    ("est", -5 * 3600),
    ("edt", -4 * 3600),
    ("cst", -6 * 3600),
    ("cdt", -5 * 3600),
    ("mst", -7 * 3600),
    ("mdt", -6 * 3600),
    ("pst", -8 * 3600),
    ("pdt", -7 * 3600),
    ("akst", -9 * 3600),
    ("akdt", -8 * 3600),
    ("hst", -10 * 3600),
    ("art", -3 * 3600),
    ("brt", -3 * 3600),
    ("bst", 3600),
    ("cet", 3600),
    ("met", 3600),
    ("west", 3600),
    ("cest", 2 * 3600),
    ("eet", 2 * 3600),
    ("mest", 2 * 3600),
    ("sast", 2 * 3600),
    ("eest", 3 * 3600),
    ("msk", 3 * 3600),
    ("ist", 5 * 3600 + 1800),
    ("ict", 7 * 3600),
    ("wib", 7 * 3600),
    ("sgt", 8 * 3600),
    ("hkt", 8 * 3600),
    ("pht", 8 * 3600),
    ("awst", 8 * 3600),
    ("jst", 9 * 3600),
    ("kst", 9 * 3600),
    ("acst", 9 * 3600 + 1800),
    ("aest", 10 * 3600),
    ("aedt", 11 * 3600),
    ("nzst", 12 * 3600),
    ("nzdt", 13 * 3600),
];

/// A front matter date as Jekyll reads it; `None` when Jekyll would not accept it.
pub fn parse(text: &str) -> Option<PostDate> {
    let text = without_ordinals(text.trim());
    let text = without_weekday(&text);
    DATES.iter().find_map(|layout| {
        let mut fields = Fields::default();
        let rest = go_layout(layout, text, &mut fields)?;
        time_and_zone(rest, &mut fields)?;
        fields.post_date()
    })
}

/// Reads what follows the date: nothing, or a time and maybe a zone.
fn time_and_zone(rest: &str, fields: &mut Fields) -> Option<()> {
    if rest.trim().is_empty() {
        return Some(());
    }
    let rest = match rest.strip_prefix(['T', 't']) {
        Some(rest) => rest,
        None => {
            let trimmed = rest.trim_start_matches(',').trim_start();
            if trimmed.len() == rest.len() {
                return None; // `2012-01-0519:34`
            }
            trimmed
        }
    };
    let rest = ["15:04:05", "15:04"]
        .iter()
        .find_map(|layout| go_layout(layout, rest, fields))?
        .trim_start();
    let lower = rest.to_ascii_lowercase();
    let rest = match ["am", "a.m.", "pm", "p.m."]
        .iter()
        .find(|m| lower.starts_with(**m))
    {
        Some(meridian) => {
            if fields.hour == 0 || fields.hour > 12 {
                return None;
            }
            fields.hour = fields.hour % 12 + if meridian.starts_with('p') { 12 } else { 0 };
            rest[meridian.len()..].trim_start()
        }
        None => rest,
    };
    if !rest.is_empty() {
        fields.offset = zone(rest)?;
    }
    Some(())
}

/// A zone as ruby/date's `date_zone_to_diff` reads it (the forms above).
fn zone(text: &str) -> Option<i32> {
    let lower = text.to_ascii_lowercase();
    if let Some(&(_, offset)) = ZONES.iter().find(|(name, _)| *name == lower) {
        return Some(offset);
    }
    let numeric = ["utc", "gmt", "ut"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    let sign = match numeric.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let numeric = &numeric[1..];
    if !numeric.is_ascii() {
        return None;
    }
    let (hours, minutes) = match numeric.split_once(':') {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        Some(_) => return None,
        None if numeric.len() <= 2 => (numeric, "0"),
        None => numeric.split_at(numeric.len() - 2),
    };
    if hours.is_empty()
        || hours.len() > 2
        || !(hours.bytes().chain(minutes.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
    Some(sign * seconds)
}

/// `5th` → `5`, as `Date._parse` reads ordinal days.
fn without_ordinals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let suffix = ["st", "nd", "rd", "th"].iter().find(|s| {
            out.ends_with(|d: char| d.is_ascii_digit())
                && rest.get(..2).is_some_and(|h| h.eq_ignore_ascii_case(s))
                && !rest[2..].starts_with(|n: char| n.is_alphanumeric())
        });
        match suffix {
            Some(_) => rest = &rest[2..],
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The text after a leading weekday (`Thursday, `, `Thu `, `Thurs. `), as
/// `parse_day` drops it: a word starting with a day's three letters.
fn without_weekday(text: &str) -> &str {
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let word = text[..end].to_ascii_lowercase();
    if DAYS.iter().any(|d| word.starts_with(d)) {
        text[end..].trim_start_matches([',', '.']).trim_start()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (String, i64) {
        let date = parse(text).unwrap_or_else(|| panic!("{text} should parse"));
        (date.ymd, date.timestamp)
    }

    // 2012-01-05T19:34:00Z.
    const AT: i64 = 1_325_792_040;

    #[test]
    fn what_jekyll_writes() {
        // `jekyll new`'s welcome post: `date: 2025-01-29 18:15:32 +0530`.
        assert_eq!(
            ok("2025-01-29 18:15:32 +0530"),
            ("2025-01-29".into(), 1_738_154_732)
        );
        // Jekyll's docs (Front Matter, Posts): `YYYY-MM-DD HH:MM:SS +/-TTTT`,
        // hours, minutes, seconds and zone optional.
        assert_eq!(ok("2012-01-05"), ("2012-01-05".into(), 1_325_721_600));
        assert_eq!(ok("2012-01-05 19:34").1, AT);
        assert_eq!(ok("2012-01-05 19:34:56").1, AT + 56);
        assert_eq!(ok("2012-01-05 19:34:00 -05:00").1, AT + 5 * 3600);
        assert_eq!(ok("2012-01-05 19:34:00 -0500").1, AT + 5 * 3600);
    }

    #[test]
    fn yaml_timestamps() {
        // Psych's timestamp forms (the YAML 1.1 draft), then `Time#to_s`.
        assert_eq!(ok("2019-06-01T10:00:00Z").1, 1_559_383_200);
        assert_eq!(ok("2019-06-01t10:00:00.123Z").1, 1_559_383_200);
        assert_eq!(ok("2019-06-01T10:00:00.5+02:00").1, 1_559_383_200 - 7200);
        assert_eq!(
            ok("2001-12-14 21:59:43.10 -5"),
            ("2001-12-14".into(), 1_008_385_183)
        );
        assert_eq!(ok("2001-12-14 21:59:43 -0500").1, 1_008_385_183);
    }

    #[test]
    fn time_parse_forms() {
        // ruby/date `test/date/test_date_parse.rb` style inputs.
        assert_eq!(ok("2019-06-01 10:00:00 UTC").1, 1_559_383_200);
        assert_eq!(ok("2019-06-01 10:00:00 GMT+2").1, 1_559_383_200 - 7200);
        assert_eq!(ok("2019-06-01 10:00 EST").1, 1_559_383_200 + 5 * 3600);
        assert_eq!(ok("2019-06-01 10:00 cest").1, 1_559_383_200 - 2 * 3600);
        assert_eq!(ok("2012-1-5 7:34 pm").1, AT);
        assert_eq!(ok("2012-01-05 12:00 am").1, 1_325_721_600);
        assert_eq!(ok("January 5, 2012 19:34").1, AT);
        assert_eq!(ok("Thursday, January 5th, 2012 7:34 PM").1, AT);
        assert_eq!(ok("5 Jan 2012 19:34").1, AT);
        assert_eq!(ok("Thu, 05 Jan 2012 19:34:00 +0000").1, AT);
        assert_eq!(ok("2012/01/05 19:34").1, AT);
        assert_eq!(ok("05/01/2012").0, "2012-01-05"); // day first
        assert_eq!(ok("2012.01.05").0, "2012-01-05");
        assert_eq!(ok("20120105").0, "2012-01-05");
        assert_eq!(ok("2012-01-05T19:34:00+05:30").0, "2012-01-05");
    }

    #[test]
    fn ruby_date_own_cases() {
        // ruby/date `test/date/test_date_parse.rb`, those with a whole date.
        let at = 927_503_721; // 1999-05-23T23:55:21Z
        for (text, timestamp) in [
            ("1999-05-23 23:55:21", at),
            ("1999-05-23 23:55:21+0900", at - 9 * 3600),
            ("1999-05-23 23:55:21-0900", at + 9 * 3600),
            ("1999-05-23 23:55:21+09:00", at - 9 * 3600),
            ("1999-05-23T23:55:21-09:00", at + 9 * 3600),
            ("1999-05-23 23:55:21Z", at),
            ("1999-05-23T23:55:21Z", at),
        ] {
            assert_eq!(ok(text), ("1999-05-23".into(), timestamp), "{text}");
        }
        for (text, ymd) in [
            ("19990523", "1999-05-23"),
            ("23-05-1999", "1999-05-23"),
            ("October 25th 1999", "1999-10-25"),
            ("oCtoBer 25th 1999", "1999-10-25"),
            ("OCTOBER 25th 1999", "1999-10-25"),
            ("2/5/1999", "1999-05-02"),
            ("02/05/1999", "1999-05-02"),
            ("1990/01/12 04:00:00", "1990-01-12"),
        ] {
            assert_eq!(ok(text).0, ymd, "{text}");
        }
    }

    #[test]
    fn refused() {
        for text in [
            "",
            "soon",
            "2012-02-30",
            "2012-13-01",
            "2012-01-05 25:00",
            "2012-01-05 19:34 +0530 and more",
            "2012-01-0519:34",
            "19:34", // Time.parse would take today: no date for a post
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
