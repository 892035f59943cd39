//! The renderer worker: answers each [`RenderRequest`] posted to it with the
//! body's HTML, rendered by blog-core exactly as the prerenderer renders it.
//! The app starts it the first time it renders a post in the browser, and
//! sends requests once the worker's first message (`null`: ready) arrives.

use blog_core::markdown::RenderRequest;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let answer = serde_wasm_bindgen::from_value::<RenderRequest>(ev.data())
            .map_err(|e| JsValue::from_str(&format!("not a render request: {e}")))
            .and_then(|request| {
                serde_wasm_bindgen::to_value(&request.render()).map_err(JsValue::from)
            });
        match answer {
            Ok(message) => {
                let _ = reply_to.post_message(&message);
            }
            Err(error) => web_sys_log(&error),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before a handler is set are lost: say when it is.
    let _ = scope.post_message(&JsValue::NULL);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn web_sys_log(value: &JsValue);
}
