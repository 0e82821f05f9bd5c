//! A native module written in Rust, imported by a script: typed arguments, keyword arguments,
//! errors raised as Python exceptions, and a panic caught at the boundary.
//! `cargo run --example native_module`

use gilvm::{Interpreter, NativeModule, PyErr, PyResult};

fn text_module() -> NativeModule {
    NativeModule::new("textkit")
        .function("word_count", |_py, args| {
            let text: String = args.arg(0)?;
            Ok(text.split_whitespace().count())
        })
        .function("repeat", |_py, args| {
            let word: String = args.arg(0)?;
            let times: i64 = args.kwarg("times")?.unwrap_or(2);
            if times < 0 {
                return Err(PyErr::value_error("times must be >= 0"));
            }
            Ok(vec![word; times as usize].join(" "))
        })
        .function("explode", |_py, _args| -> PyResult<()> {
            panic!("this native function always panics")
        })
        .constant("VERSION", "1.0")
}

const SCRIPT: &str = r#"
import textkit
print("textkit", textkit.VERSION)
print(textkit.word_count("the quick brown fox"))
print(textkit.repeat("ha", times=3))
try:
    textkit.repeat("ha", times=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    textkit.explode()
except RuntimeError as e:
    print("RuntimeError:", e)
"#;

fn main() -> PyResult<()> {
    let interp = Interpreter::new();
    interp.add_module(text_module())?;
    interp.run(SCRIPT)
}
