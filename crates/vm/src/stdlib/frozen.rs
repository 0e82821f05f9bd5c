//! The embedded standard library compiled at build time (`crates/vm/build.rs`): an import
//! of an embedded module decodes its code objects instead of compiling its source.

use std::sync::Arc;

use gilvm_compiler::bytecode::CodeObject;
use gilvm_compiler::frozen::{decode, source_hash};

/// `(hash of the source, its length in bytes, start, end of its code in [`CODE`])`, sorted
/// by hash.
static INDEX: &[(u64, usize, usize, usize)] =
    include!(concat!(env!("OUT_DIR"), "/frozen_stdlib.rs"));

static CODE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen_stdlib.bin"));

/// The code of `source` as the build compiled it, its code objects named `filename`; `None`
/// for a text the build did not see.
pub fn code(source: &str, filename: &str) -> Option<Arc<CodeObject>> {
    let hash = source_hash(source);
    let at = INDEX.binary_search_by_key(&hash, |entry| entry.0).ok()?;
    let (_, len, start, end) = INDEX[at];
    if len != source.len() {
        return None;
    }
    decode(&CODE[start..end], filename)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedded_module_decodes_to_what_compiling_it_gives() {
        let source = include_str!("json/json.py");
        let frozen = code(source, "<frozen json>").expect("json.py is in the table");
        let compiled = gilvm_compiler::compile_source(source, "<frozen json>").unwrap();
        assert_eq!(*frozen, *compiled);
    }

    #[test]
    fn a_text_the_build_did_not_see_is_not_found() {
        assert!(code("x = 1\n", "<frozen x>").is_none());
    }
}
