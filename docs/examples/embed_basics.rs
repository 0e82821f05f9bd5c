//! Embedding basics: run code, evaluate expressions, convert values, catch exceptions.
//! `cargo run --example embed_basics`

use gilvm::{Interpreter, PyResult};

fn main() -> PyResult<()> {
    let interp = Interpreter::new();
    interp.run("def greet(name):\n    return f'hello, {name}!'")?;
    let text: String = interp.eval("greet('embedder')")?;
    println!("{text}");

    interp.with_gil(|py| -> PyResult<()> {
        let squares = py.eval("{n: n * n for n in range(5)}")?;
        println!("squares = {squares}");
        let total: i64 = py
            .eval("sum")?
            .call1((squares.call_method0("values")?,))?
            .extract()?;
        println!("sum of squares = {total}");
        if let Err(err) = py.run("1 / 0") {
            println!("caught {}: {}", err.type_name(), err.message());
        }
        Ok(())
    })
}
