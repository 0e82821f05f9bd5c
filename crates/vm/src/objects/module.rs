//! Module objects: a name and a namespace dict (`Obj::Module`). Attribute access on them is
//! `protocol/attr.rs`'s; importing them is `interp/import.rs`'s.

use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::{new_dict_obj, store_dict};

/// Creates a module object with a fresh namespace holding `__name__`.
pub fn new_module(name: &str) -> (Value, ObjRef) {
    let dict = new_dict_obj();
    store_dict(&dict, &Value::new_str("__name__"), Value::new_str(name));
    store_dict(&dict, &Value::new_str("__doc__"), Value::None);
    // What CPython's `ModuleType.__init__` sets.
    for attr in ["__package__", "__loader__", "__spec__"] {
        store_dict(&dict, &Value::new_str(attr), Value::None);
    }
    let module = Value::Obj(ObjRef::new(Obj::Module {
        name: name.to_string(),
        dict: dict.clone(),
    }));
    (module, dict)
}
