//! Template syntax in post bodies, as the three generators share it: finding
//! `{{< … >}}`, `{{% … %}}`, `{% … %}` and `{{ … }}` outside code.
