//! Code objects as bytes (`postcard` over the `serde` derives of [`crate::bytecode`]): the
//! vm's build script compiles its embedded standard library once, at build time, and an
//! import decodes the module's code instead of parsing and compiling its source.
//!
//! The bytes hold no file name: every code object of a module gets the one its importer
//! reports (`<frozen json>`), set by [`decode`].

use std::sync::Arc;

use crate::bytecode::{CodeObject, Constant};

/// The bytes of `code` and every code object nested in its constants.
pub fn encode(code: &CodeObject) -> Vec<u8> {
    postcard::to_allocvec(code).expect("a code object always serialises")
}

/// The code object [`encode`] wrote, each nested one named `filename`; `None` for bytes
/// that are not such a code object.
pub fn decode(bytes: &[u8], filename: &str) -> Option<Arc<CodeObject>> {
    let mut code: CodeObject = postcard::from_bytes(bytes).ok()?;
    set_filename(&mut code, &Arc::from(filename));
    Some(Arc::new(code))
}

/// The key of a source text in a table of frozen code (FNV-1a, 64 bits): the build script
/// and the importer both hash the text itself, so no table of file names can drift from the
/// modules' registry.
pub fn source_hash(source: &str) -> u64 {
    source.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn set_filename(code: &mut CodeObject, filename: &Arc<str>) {
    let mut work = vec![code];
    while let Some(code) = work.pop() {
        code.filename = filename.clone();
        for constant in code.constants.iter_mut() {
            if let Constant::Code(nested) = constant {
                work.push(Arc::make_mut(nested));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_gives_back_what_encode_took_with_the_new_name() {
        let source = "import sys\nclass C:\n    def f(self, x=1.5, *a, **k):\n        return [i ** 99 for i in (b'x', 'y', -3, 2 ** 70, 1j)]\n";
        let code = crate::compile_source(source, "<frozen m>").unwrap();
        let bytes = encode(&code);
        let back = decode(&bytes, "<frozen m>").unwrap();
        assert_eq!(*back, *code);
        let renamed = decode(&bytes, "<frozen n>").unwrap();
        let Some(Constant::Code(class_body)) = renamed
            .constants
            .iter()
            .find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("the class body is a constant");
        };
        assert_eq!(&*class_body.filename, "<frozen n>");
    }

    #[test]
    fn source_hash_tells_texts_apart() {
        assert_eq!(source_hash("a = 1\n"), source_hash("a = 1\n"));
        assert_ne!(source_hash("a = 1\n"), source_hash("a = 2\n"));
        assert_eq!(source_hash(""), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn bytes_that_are_not_a_code_object_decode_to_none() {
        assert!(decode(b"\xff\xff\xff", "<frozen m>").is_none());
        assert!(decode(b"", "<frozen m>").is_none());
    }
}
