//! Template syntax in post bodies, as the three generators share it: finding
//! `{{< … >}}`, `{{% … %}}`, `{% … %}` and `{{ … }}` outside code.

use crate::moved::Translated;

/// A body of a blog that names no generator: nothing translated (stub).
pub fn plain(body: &str) -> Translated {
    Translated {
        text: body.to_string(),
        unsupported: Vec::new(),
    }
}
