//! The search worker: answers each [`SearchRequest`] posted to it with what
//! the listing shows ([`Found`]), computed by blog-core's engine. It fetches
//! only what a query needs (the index's meta once, the shards of the query's
//! words, the fragments of the results shown) and keeps everything it fetched,
//! so typing on loads little or nothing more. Requests run one at a time; one
//! that arrives while another runs waits, replaced by any newer one (a reader
//! typing fast gets the last query answered, not every keystroke).
//!
//! Index files are gzipped by the build; they are decompressed here with the
//! browser's `DecompressionStream`, whatever the host does (a host that
//! already decoded them delivers them plain: both are read).

use std::cell::RefCell;
use std::collections::HashMap;

use blog_core::search::engine::{Engine, IndexFile};
use blog_core::search::index::{Fragment, SearchMeta};
use blog_core::search::{Found, Passage, Query, SearchRequest, SearchResponse};
use js_sys::{Array, Promise, Uint8Array};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, DedicatedWorkerGlobalScope, MessageEvent, ReadableStream, ReadableWritablePair, Response,
    WritableStream,
};

#[derive(Default)]
struct State {
    /// The index folder the engine was loaded from.
    index: String,
    engine: Option<Engine>,
    fragments: HashMap<u32, Passage>,
    busy: bool,
    waiting: Option<SearchRequest>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn main() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let request = match serde_wasm_bindgen::from_value::<SearchRequest>(ev.data()) {
            Ok(request) => request,
            Err(e) => return log(&format!("not a search request: {e}").into()),
        };
        let start = STATE.with(|s| {
            let mut s = s.borrow_mut();
            if s.busy {
                s.waiting = Some(request.clone());
                false
            } else {
                s.busy = true;
                true
            }
        });
        if start {
            wasm_bindgen_futures::spawn_local(serve(request));
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before a handler is set are lost: say when it is.
    let _ = scope().post_message(&JsValue::NULL);
}

/// Answers `request`, then whichever request came in meanwhile.
async fn serve(mut request: SearchRequest) {
    loop {
        let found = answer(&request).await;
        let response = SearchResponse {
            id: request.id,
            found,
        };
        match serde_wasm_bindgen::to_value(&response) {
            Ok(message) => {
                let _ = scope().post_message(&message);
            }
            Err(e) => log(&format!("the answer could not be sent: {e}").into()),
        }
        let next = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let next = s.waiting.take();
            s.busy = next.is_some();
            next
        });
        match next {
            Some(next) => request = next,
            None => return,
        }
    }
}

async fn answer(request: &SearchRequest) -> Result<Found, String> {
    let query = Query::parse(&request.query);
    // The engine leaves the state while it loads (one request runs at a time).
    let mut engine = match STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.index != request.index {
            s.engine = None;
            s.fragments.clear();
        }
        s.engine.take()
    }) {
        Some(engine) => engine,
        None => {
            let meta: SearchMeta =
                read_json(&fetch_bytes(&file_url(&request.index, "meta.bin")).await?)?;
            Engine::new(meta)?
        }
    };
    let loaded = load(&mut engine, &request.index, &query).await;
    let outcome = engine.search(&query, request.category.as_deref());
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.index = request.index.clone();
        s.engine = Some(engine);
    });
    loaded?;

    let missing: Vec<u32> = STATE.with(|s| {
        let s = s.borrow();
        outcome
            .hits
            .iter()
            .take(request.limit)
            .map(|h| h.doc)
            .filter(|d| !s.fragments.contains_key(d))
            .collect()
    });
    let urls: Vec<String> = missing
        .iter()
        .map(|d| file_url(&request.index, &format!("d{d}.bin")))
        .collect();
    for (doc, data) in missing.iter().zip(fetch_all(&urls).await?) {
        let passage = Passage::new(read_json::<Fragment>(&data)?);
        STATE.with(|s| s.borrow_mut().fragments.insert(*doc, passage));
    }
    Ok(STATE.with(|s| {
        let s = s.borrow();
        Found {
            query: request.query.clone(),
            ..Found::of(&outcome, request.limit, |d| s.fragments.get(&d))
        }
    }))
}

/// Loads the vocabulary buckets, then the shards, that `query` needs (which
/// shards depends on the typo candidates the buckets hold).
async fn load(engine: &mut Engine, index: &str, query: &Query) -> Result<(), String> {
    for step in 0..2 {
        let wanted = if step == 0 {
            engine.vocab_wanted(query)
        } else {
            engine.shards_wanted(query)
        };
        let urls: Vec<String> = wanted
            .iter()
            .map(|f| file_url(index, &name_of(f)))
            .collect();
        for (file, data) in wanted.iter().zip(fetch_all(&urls).await?) {
            engine.add(file, data)?;
        }
    }
    Ok(())
}

fn name_of(file: &IndexFile) -> String {
    match file {
        IndexFile::Shard(i) => format!("s{i}.bin"),
        IndexFile::Vocab(key) => format!("v{key}.bin"),
    }
}

fn file_url(index: &str, name: &str) -> String {
    format!("{}/{name}", index.trim_end_matches('/'))
}

fn read_json<T: DeserializeOwned>(data: &[u8]) -> Result<T, String> {
    let damaged = |e: String| format!("the search index is damaged ({e})");
    let text = std::str::from_utf8(data).map_err(|e| damaged(e.to_string()))?;
    let value = js_sys::JSON::parse(text).map_err(|_| damaged("not JSON".into()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| damaged(e.to_string()))
}

/// Every URL's content, fetched at once.
async fn fetch_all(urls: &[String]) -> Result<Vec<Vec<u8>>, String> {
    // The requests start together; their answers are then read in turn.
    let started: Vec<Promise> = urls.iter().map(|u| scope().fetch_with_str(u)).collect();
    let mut out = Vec::with_capacity(urls.len());
    for promise in started {
        out.push(read_response(JsFuture::from(promise).await).await?);
    }
    Ok(out)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    read_response(JsFuture::from(scope().fetch_with_str(url)).await).await
}

async fn read_response(response: Result<JsValue, JsValue>) -> Result<Vec<u8>, String> {
    let response: Response = response
        .map_err(|_| "the network request failed".to_string())?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let unreadable = |_| "the response could not be read".to_string();
    let buffer = JsFuture::from(response.array_buffer().map_err(unreadable)?)
        .await
        .map_err(unreadable)?;
    let bytes = Uint8Array::new(&buffer);
    if bytes.length() < 2 || bytes.get_index(0) != 0x1f || bytes.get_index(1) != 0x8b {
        return Ok(bytes.to_vec());
    }
    gunzip(&bytes)
        .await
        .map_err(|_| "the search index could not be decompressed".to_string())
}

async fn gunzip(bytes: &Uint8Array) -> Result<Vec<u8>, JsValue> {
    let stream = DecompressionStream::new("gzip")?;
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(bytes))?;
    let plain = blob.stream().pipe_through(&ReadableWritablePair::new(
        &stream.readable(),
        &stream.writable(),
    ));
    let response = Response::new_with_opt_readable_stream(Some(&plain))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn log(value: &JsValue);

    // web-sys has it only behind its unstable-API flag.
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}
