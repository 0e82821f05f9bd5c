//! The typed embedding API: typed native functions (`gilvm::function!`), a Rust struct as a
//! Python class (`PyClass`, `gilvm::method!`), a host-defined exception class, typed handles
//! (`Py<PyList>`) and serde values, all used from one script.
//! `cargo run --example typed_api`

use std::collections::HashMap;

use gilvm::{Interpreter, Methods, NativeModule, Py, PyClass, PyErr, PyList, PyResult};
use serde::{Deserialize, Serialize};

gilvm::create_exception!(inventory, OutOfStock, "LookupError");

/// A stock of items, kept in Rust, used from Python as `inventory.Stock`.
struct Stock {
    items: HashMap<String, u32>,
}

impl PyClass for Stock {
    const NAME: &'static str = "Stock";
    const MODULE: &'static str = "inventory";

    fn methods(m: &mut Methods<Self>) {
        m.constructor(
            gilvm::function!(fn new(items: HashMap<String, u32> = HashMap::new()) -> Stock {
                Stock { items }
            }),
        );
        m.method(
            gilvm::method!(fn add(this: &mut Stock, name: String, count: u32 = 1) -> u32 {
                let total = this.items.entry(name).or_insert(0);
                *total += count;
                *total
            }),
        );
        m.method(
            gilvm::method!(fn take(this: &mut Stock, name: &str, count: u32 = 1) -> PyResult<u32> {
                match this.items.get_mut(name) {
                    Some(total) if *total >= count => {
                        *total -= count;
                        Ok(*total)
                    }
                    _ => Err(PyErr::of::<OutOfStock>(format!("not enough {name}"))),
                }
            }),
        );
        m.method(gilvm::method!(
            fn __len__(this: &Stock) -> usize {
                this.items.values().filter(|n| **n > 0).count()
            }
        ));
        m.method(gilvm::method!(
            fn __repr__(this: &Stock) -> String {
                let mut names: Vec<_> =
                    this.items.iter().map(|(k, v)| format!("{k}={v}")).collect();
                names.sort();
                format!("Stock({})", names.join(", "))
            }
        ));
        m.getter("total", |s: &Stock| s.items.values().sum::<u32>());
    }
}

#[derive(Serialize, Deserialize, Debug)]
struct Order {
    item: String,
    count: u32,
    rush: bool,
}

fn inventory() -> NativeModule {
    NativeModule::new("inventory")
        .add_class::<Stock>()
        .add_function(gilvm::function!(fn price(item: &str, count: u32 = 1, discount: Option<f64> = None) -> PyResult<f64> {
            let unit = match item {
                "apple" => 0.5,
                "pear" => 0.75,
                _ => return Err(PyErr::value_error(format!("unknown item {item:?}"))),
            };
            Ok(unit * f64::from(count) * (1.0 - discount.unwrap_or(0.0)))
        }))
        .add_function(gilvm::function!(fn read_config(path: &str) -> Result<String, std::io::Error> {
            std::fs::read_to_string(path)
        }))
}

const SCRIPT: &str = r#"
from inventory import Stock, OutOfStock, price, read_config
stock = Stock({"apple": 3})
stock.add("pear", count=2)
print(stock, len(stock), stock.total)
print("price:", price("pear", 2), price("apple", count=4, discount=0.5))
for call in (lambda: stock.take("apple", 5), lambda: price("apple", "two"), lambda: price(),
             lambda: read_config("/no/such/config")):
    try:
        call()
    except (OutOfStock, TypeError, OSError) as e:
        print(type(e).__name__ + ":", e)

class Warehouse(Stock):
    def restock(self):
        return self.add("apple", 10)

w = Warehouse()
print("warehouse:", w.restock(), isinstance(w, Stock))
orders.append({"item": "apple", "count": 2, "rush": False})
"#;

fn main() -> PyResult<()> {
    let interp = Interpreter::new();
    interp.add_module(inventory())?;
    interp.with_gil(|py| -> PyResult<()> {
        // Make `inventory.OutOfStock` importable before the script runs.
        <OutOfStock as gilvm::PyTypeInfo>::type_object(py)?;
        // A typed handle the host keeps: the script appends to it.
        let orders: Py<PyList> = PyList::empty(py).unbind();
        let first = gilvm::to_python(
            py,
            &Order {
                item: "pear".into(),
                count: 1,
                rush: true,
            },
        )?;
        orders.bind(py).append(first)?;
        py.import("builtins")?.setattr("orders", &orders)?;
        py.run(SCRIPT)?;
        let orders: Vec<Order> = gilvm::from_python(&orders.bind(py).into_any())?;
        println!("orders from Rust: {orders:?}");
        Ok(())
    })
}
