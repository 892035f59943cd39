//! Messages about content, in the form `path:line: field: what is wrong (expected …)`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the author knows it, e.g. `content/2026-03-16-x.md`.
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// The front-matter field (or `front matter`, `link`, `slug`...).
    pub field: String,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &str, line: usize, field: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_string(),
            line,
            field: field.to_string(),
            message: message.into(),
        }
    }

    pub fn warning(path: &str, line: usize, field: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(path, line, field, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same message as a warning.
    pub fn into_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// What kind of problem it is, for the count of warnings by kind: the
    /// field, or "unknown field" for every field that is not used.
    pub fn kind(&self) -> &str {
        if self.message.starts_with("unknown field") {
            "unknown field"
        } else {
            &self.field
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(
            f,
            "{}:{}: {prefix}{}: {}",
            self.path, self.line, self.field, self.message
        )
    }
}

/// Sorts diagnostics by file, then line, then field, errors before warnings.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.severity, a.field.as_str()).cmp(&(
            b.path.as_str(),
            b.line,
            b.severity,
            b.field.as_str(),
        ))
    });
}
