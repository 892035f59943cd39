fn main() {
    // Panics go to the browser console with their message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    fault_lines::start();
}
