#![cfg(feature = "serde")]
//! serde values to and from Python objects (the `serde` feature, on by default).

use std::collections::BTreeMap;

use gilvm::{from_python, to_python, Bytes, Interpreter};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum Shape {
    Dot,
    Circle(f64),
    Rect { w: u32, h: u32 },
    Line(i32, i32),
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Scene {
    name: String,
    shapes: Vec<Shape>,
    origin: (i64, i64),
    meta: BTreeMap<String, Option<bool>>,
    blob: Bytes,
    big: u64,
    unit: (),
}

fn scene() -> Scene {
    Scene {
        name: "s".into(),
        shapes: vec![
            Shape::Dot,
            Shape::Circle(1.5),
            Shape::Rect { w: 2, h: 3 },
            Shape::Line(-1, 1),
        ],
        origin: (0, -5),
        meta: BTreeMap::from([("a".into(), Some(true)), ("b".into(), None)]),
        blob: Bytes(b"\x00hi".to_vec()),
        big: u64::MAX,
        unit: (),
    }
}

#[test]
fn serde_values_map_to_python_as_pythonize_does() {
    Interpreter::new().with_gil(|py| {
        let obj = to_python(py, &scene()).unwrap();
        assert_eq!(
            obj.repr().unwrap(),
            "{'name': 's', 'shapes': ['Dot', {'Circle': 1.5}, {'Rect': {'w': 2, 'h': 3}}, {'Line': (-1, 1)}], \
             'origin': (0, -5), 'meta': {'a': True, 'b': None}, 'blob': b'\\x00hi', 'big': 18446744073709551615, 'unit': None}"
        );
        let back: Scene = from_python(&obj).unwrap();
        assert_eq!(back, scene());
    });
}

#[test]
fn python_made_values_deserialize() {
    Interpreter::new().with_gil(|py| {
        let obj = py
            .eval("{'name': 'py', 'shapes': ['Dot', {'Line': [1, 2]}], 'origin': [1, 2], 'meta': {}, 'blob': [104, 105], 'big': 7, 'unit': None}")
            .unwrap();
        let scene: Scene = from_python(&obj).unwrap();
        assert_eq!(scene.shapes, vec![Shape::Dot, Shape::Line(1, 2)]);
        assert_eq!(scene.blob, Bytes(b"hi".to_vec()));
        assert_eq!(scene.origin, (1, 2));
    });
}

#[test]
fn mismatched_python_values_are_python_errors() {
    Interpreter::new().with_gil(|py| {
        let err = |src: &str| {
            from_python::<Scene>(&py.eval(src).unwrap())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("[]"),
            "TypeError: invalid type: 'list' object, expected a dict"
        );
        assert_eq!(err("{'name': 's'}"), "ValueError: missing field `shapes`");
        assert_eq!(
            err("{'name': 's', 'shapes': ['Square']}"),
            "ValueError: unknown variant `Square`, expected one of `Dot`, `Circle`, `Rect`, `Line`"
        );
        assert_eq!(
            from_python::<u8>(&py.eval("300").unwrap())
                .unwrap_err()
                .to_string(),
            "ValueError: invalid value: integer `300`, expected u8"
        );
        assert_eq!(
            from_python::<Vec<i64>>(&py.eval("object()").unwrap())
                .unwrap_err()
                .to_string(),
            "TypeError: invalid type: 'object' object, expected a list or tuple"
        );
    });
}
