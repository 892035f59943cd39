//! Moving in from Jekyll: its dates, heading ids, addresses, template syntax and
//! site configuration, each in its own file.

pub mod config;
pub mod dates;
pub mod ids;
pub mod permalinks;
pub mod shortcodes;
