//! Posts rendered in the browser, by blog-core's renderer running in a Web
//! Worker. The worker (and pulldown-cmark with it) loads the first time a post
//! is reached by client-side navigation: a visit that only reads prerendered
//! pages never downloads it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use blog_core::markdown::{RenderRequest, RenderResponse};
use futures_channel::oneshot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::api::{self, FetchError};

type Answer = Result<String, FetchError>;

#[derive(Default)]
struct State {
    ready: bool,
    /// Requests waiting for the worker to be ready.
    queued: Vec<JsValue>,
    /// Requests sent, by id, with where their answer goes.
    waiting: HashMap<u32, oneshot::Sender<Answer>>,
    next_id: u32,
}

struct Renderer {
    worker: Worker,
    state: Rc<RefCell<State>>,
}

thread_local! {
    static RENDERER: RefCell<Option<Renderer>> = const { RefCell::new(None) };
}

fn failure(detail: &str) -> FetchError {
    FetchError {
        what: "this post",
        detail: detail.to_string(),
    }
}

fn start(url: &str) -> Result<Renderer, FetchError> {
    let worker = Worker::new(url).map_err(|_| failure("the renderer could not start"))?;
    let state = Rc::new(RefCell::new(State::default()));
    let on_message = {
        let (state, worker) = (state.clone(), worker.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let mut state = state.borrow_mut();
            let data = ev.data();
            if data.is_null() {
                state.ready = true;
                for request in state.queued.drain(..) {
                    let _ = worker.post_message(&request);
                }
                return;
            }
            if let Ok(RenderResponse { id, html }) = api::read::<RenderResponse>(data) {
                if let Some(reply) = state.waiting.remove(&id) {
                    let _ = reply.send(Ok(html));
                }
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that fails to load fails every request; the next one starts it again.
    let on_error = {
        let state = state.clone();
        Closure::<dyn Fn(ErrorEvent)>::new(move |_: ErrorEvent| {
            for (_, reply) in state.borrow_mut().waiting.drain() {
                let _ = reply.send(Err(failure("the renderer could not be loaded")));
            }
            RENDERER.with(|r| r.borrow_mut().take());
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Renderer { worker, state })
}

/// Starts the worker at `url` ahead of need (a reader is about to open a post).
pub fn prepare(url: &str) {
    RENDERER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start(url).ok();
        }
    });
}

/// Starts the worker when the reader points at, or moves focus to, a link to
/// another post: by the click, it has usually loaded.
pub fn prepare_on_intent(worker: String, posts_path: String) {
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        let here = web_sys::window().and_then(|w| w.location().pathname().ok());
        if let Some(href) = link {
            let path = href.split(['#', '?']).next().unwrap_or("");
            if path.starts_with(&posts_path) && here.as_deref() != Some(path) {
                prepare(&worker);
            }
        }
    });
    if let Some(window) = web_sys::window() {
        for event in ["pointerover", "focusin"] {
            let _ =
                window.add_event_listener_with_callback(event, on_intent.as_ref().unchecked_ref());
        }
    }
    on_intent.forget();
}

/// The HTML of `request`'s body, rendered by the worker at `url` (started on first use).
pub async fn render(url: &str, mut request: RenderRequest) -> Answer {
    let answer = RENDERER.with(|cell| -> Result<oneshot::Receiver<Answer>, FetchError> {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(start(url)?);
        }
        let renderer = cell.as_ref().expect("started above");
        let mut state = renderer.state.borrow_mut();
        state.next_id = state.next_id.wrapping_add(1);
        request.id = state.next_id;
        let message = serde_wasm_bindgen::to_value(&request)
            .map_err(|_| failure("the post could not be sent to the renderer"))?;
        let (reply, answer) = oneshot::channel();
        state.waiting.insert(request.id, reply);
        if state.ready {
            let _ = renderer.worker.post_message(&message);
        } else {
            state.queued.push(message);
        }
        Ok(answer)
    })?;
    answer
        .await
        .unwrap_or_else(|_| Err(failure("the renderer stopped")))
}
