//! Web Workers the app asks questions of: the markdown renderer and search.
//!
//! A worker starts on first use (or ahead of it, with [`prepare`]), says it is
//! ready with a first message (`null`), and answers each request with a
//! message carrying the request's `id`. Requests made before it is ready
//! wait; a worker that fails to load fails what waits, and the next request
//! starts it again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::api::{self, FetchError};
use crate::components::search_box::SEARCH_INPUT_ID;

type Answer = Result<JsValue, FetchError>;

#[derive(Default)]
struct State {
    ready: bool,
    /// Requests waiting for the worker to be ready.
    queued: Vec<JsValue>,
    /// Requests sent, by id, with where their answer goes.
    waiting: HashMap<u32, oneshot::Sender<Answer>>,
    next_id: u32,
}

struct Client {
    worker: Worker,
    state: Rc<RefCell<State>>,
}

thread_local! {
    /// The workers started, by script URL.
    static WORKERS: RefCell<HashMap<String, Client>> = RefCell::new(HashMap::new());
}

fn failure(what: &'static str, detail: &str) -> FetchError {
    FetchError::new(what, detail)
}

fn start(url: &str, what: &'static str) -> Result<Client, FetchError> {
    let worker = Worker::new(url).map_err(|_| failure(what, "its worker could not start"))?;
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
            let id = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|id| id.as_f64());
            if let Some(reply) = id.and_then(|id| state.waiting.remove(&(id as u32))) {
                let _ = reply.send(Ok(data));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = {
        let (state, url) = (state.clone(), url.to_string());
        Closure::<dyn Fn(ErrorEvent)>::new(move |_: ErrorEvent| {
            for (_, reply) in state.borrow_mut().waiting.drain() {
                let _ = reply.send(Err(failure(what, "its worker could not be loaded")));
            }
            WORKERS.with(|w| w.borrow_mut().remove(&url));
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client { worker, state })
}

/// Starts the worker at `url` ahead of need.
pub fn prepare(url: &str, what: &'static str) {
    WORKERS.with(|workers| {
        let mut workers = workers.borrow_mut();
        if !workers.contains_key(url) {
            if let Ok(client) = start(url, what) {
                workers.insert(url.to_string(), client);
            }
        }
    });
}

/// Asks the worker at `url` (started on first use) `request`, whose `id` is
/// set here; `what` names the work in messages ("this post", "the search").
pub async fn ask<Q: Serialize, A: DeserializeOwned>(
    url: &str,
    what: &'static str,
    request: &Q,
) -> Result<A, FetchError> {
    let answer = WORKERS.with(|workers| -> Result<oneshot::Receiver<Answer>, FetchError> {
        let mut workers = workers.borrow_mut();
        if !workers.contains_key(url) {
            workers.insert(url.to_string(), start(url, what)?);
        }
        let client = &workers[url];
        let mut state = client.state.borrow_mut();
        state.next_id = state.next_id.wrapping_add(1);
        let id = state.next_id;
        let message = serde_wasm_bindgen::to_value(request)
            .map_err(|_| failure(what, "the request could not be sent"))?;
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
        let (reply, answer) = oneshot::channel();
        state.waiting.insert(id, reply);
        if state.ready {
            let _ = client.worker.post_message(&message);
        } else {
            state.queued.push(message);
        }
        Ok(answer)
    })?;
    let data = answer
        .await
        .unwrap_or_else(|_| Err(failure(what, "its worker stopped")))?;
    api::read(data).map_err(|e| failure(what, &format!("its answer is not valid ({e})")))
}

/// Starts workers when the reader shows intent: the renderer at `renderer`
/// when they point at, or move focus to, a link to another post (a link under
/// `posts_path`; by the click, it has usually loaded), and the search at
/// `searcher` when they point at the search field or it gets focus, so that
/// its code loads before the first key.
pub fn prepare_on_intent(renderer: String, posts_path: String, searcher: String) {
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.id() == SEARCH_INPUT_ID {
            prepare(&searcher, crate::state::SEARCH);
            return;
        }
        let link = target
            .closest("a[href]")
            .ok()
            .flatten()
            .and_then(|a| a.get_attribute("href"));
        let here = web_sys::window().and_then(|w| w.location().pathname().ok());
        if let Some(href) = link {
            let path = href.split(['#', '?']).next().unwrap_or("");
            if path.starts_with(&posts_path) && here.as_deref() != Some(path) {
                prepare(&renderer, crate::renderer::WHAT);
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
