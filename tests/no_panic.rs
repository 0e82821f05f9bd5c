//! Bad input never panics the front end: random text, Python-looking token soup, and every
//! truncation and random mutation of the test programs go through `compile_source` (and
//! `compile_source_mode` in each mode), which may return a `SyntaxError` but must not panic.
//! The same inputs reach the built-ins `compile`, `eval` and `exec` of an interpreter, which
//! may raise but must not panic.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;

fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        collect(&root.join("tests/programs"), &mut sources);
        collect(&root.join("programs"), &mut sources);
        assert!(sources.len() > 10, "test corpus not found");
        sources
    })
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(std::fs::read_to_string(&path).expect("readable program"));
        }
    }
}

fn compile(source: &str) {
    let _ = gilvm_compiler::compile_source(source, "<fuzz>");
}

/// `compile` in each mode of the built-in `compile()`.
fn compile_all_modes(source: &str) {
    for mode in [
        gilvm_compiler::Mode::Exec,
        gilvm_compiler::Mode::Eval,
        gilvm_compiler::Mode::Single,
    ] {
        let _ = gilvm_compiler::compile_source_mode(source, "<fuzz>", mode);
    }
}

/// One interpreter for the `eval`/`exec`/`compile` properties, with a helper that passes the
/// text to each built-in and swallows what they raise.
fn interpreter() -> &'static gilvm::Interpreter {
    static INTERP: OnceLock<gilvm::Interpreter> = OnceLock::new();
    INTERP.get_or_init(|| {
        let interp = gilvm::Interpreter::builder()
            .capture_output(Default::default())
            .build();
        interp
            .run(
                "def fuzz(codes):\n    s = ''.join(map(chr, codes))\n    n = 0\n    for mode in ('exec', 'eval', 'single'):\n        try:\n            compile(s, '<fuzz>', mode)\n            n += 1\n        except (SyntaxError, ValueError):\n            pass\n    for run in (eval, exec):\n        try:\n            run(compile(s, '<fuzz>', 'eval'), {})\n        except Exception:\n            pass\n    return n\n",
            )
            .expect("the fuzz helper compiles");
        interp
    })
}

/// `compile`, `eval` and `exec` of `source` inside the interpreter (only expressions run).
fn builtins_on(source: &str) {
    let codes: Vec<String> = source.chars().map(|c| (c as u32).to_string()).collect();
    let n: i64 = interpreter()
        .eval(&format!("fuzz([{}])", codes.join(", ")))
        .expect("fuzz() itself never raises");
    assert!((0..=3).contains(&n));
}

#[test]
fn eval_exec_and_compile_take_every_truncation_of_a_program() {
    let program = &corpus()[0];
    for (i, _) in program.char_indices().step_by(7) {
        builtins_on(&program[..i]);
    }
}

/// The tree of every fourth program (up to 4 KiB: a debug build's `ast.dump` is slow) through
/// `ast`: dumped, unparsed, compiled, and compiled again when scrambled (`ast_probe` in
/// `library_probe`).
#[test]
fn ast_of_programs_compiles_or_raises() {
    let small = corpus().iter().filter(|s| s.len() <= 4 * 1024);
    for source in small.step_by(4) {
        let outcome = library_probe("ast", source);
        assert!(
            !outcome.is_empty(),
            "ast probe returned nothing for {source:?}"
        );
    }
}

/// Every truncation of the programs up to 8 KiB; of a longer one (the deep-nesting programs
/// of `tests/programs/`, each a slow compile in a debug build) 8 spread over its length.
#[test]
fn every_truncation_of_every_program_compiles_or_errors() {
    const SHORT: usize = 8 * 1024;
    for source in corpus() {
        let len = source.len();
        let step = if len <= SHORT { 1 } else { len / 8 };
        for (i, _) in source.char_indices() {
            if i % step == 0 {
                compile(&source[..i]);
            }
        }
    }
}

/// Fragments that exercise the tokenizer's and parser's corners.
const PIECES: &[&str] = &[
    "def ",
    "class ",
    "lambda",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "    ",
    "\t",
    "\\\n",
    "'",
    "\"",
    "'''",
    "f'",
    "{x!r:>{w}}",
    "b'",
    "r'",
    "#",
    "0x",
    "1_0",
    "1e",
    ".5",
    "**",
    "//=",
    "->",
    "yield",
    "from",
    "import",
    "*",
    "=",
    ":=",
    "if",
    "else",
    "for",
    "in",
    "not",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "return",
    "global",
    "nonlocal",
    "x",
    "é",
    "\u{0}",
    ";",
    "match x:\n",
    "case ",
    "|",
    "_",
    "{**",
    "C(a=",
    " if ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_text_never_panics(source in "\\PC{0,80}") {
        compile(&source);
        compile_all_modes(&source);
    }

    #[test]
    fn eval_exec_and_compile_never_panic(pieces in proptest::collection::vec(0..PIECES.len(), 0..30)) {
        let source: String = pieces.into_iter().map(|i| PIECES[i]).collect();
        builtins_on(&source);
    }

    #[test]
    fn token_soup_never_panics(pieces in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let source: String = pieces.into_iter().map(|i| PIECES[i]).collect();
        compile(&source);
        compile_all_modes(&source);
    }

    #[test]
    fn mutated_programs_never_panic(
        program in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..PIECES.len(), any::<bool>()), 1..6),
    ) {
        let corpus = corpus();
        let mut source = corpus[program.index(corpus.len())].clone();
        for (at, piece, delete) in edits {
            let boundaries: Vec<usize> = source.char_indices().map(|(i, _)| i).chain([source.len()]).collect();
            let i = boundaries[at.index(boundaries.len())];
            if delete {
                if let Some(c) = source[i..].chars().next() {
                    source.replace_range(i..i + c.len_utf8(), "");
                }
            } else {
                source.insert_str(i, PIECES[piece]);
            }
        }
        compile(&source);
    }
}

/// One interpreter for the library-input properties below: `probe(kind, data)` feeds `data` to
/// `json.loads`, `re.compile`, `struct.unpack`, the `idna` codec, `lzma.decompress` or
/// pyexpat's `Parse` (whole, byte by byte, in threes, then `ElementTree.fromstring`) and
/// returns the exception's class name (or "ok"); a panic anywhere fails the test.
fn library_probe(kind: &str, data: &str) -> String {
    static INTERP: OnceLock<gilvm::Interpreter> = OnceLock::new();
    let interp = INTERP.get_or_init(|| {
        let interp = gilvm::Interpreter::new();
        interp
            .run(concat!(
                "import ast, json, lzma, re, struct\n",
                // Imported here, not by the first probe: two tests' threads importing a
                // module at once could see it half made.
                "import pyexpat, xml.etree.ElementTree, xml.parsers.expat\n",
                "def probe(kind, data):\n",
                "    try:\n",
                "        if kind == 'json':\n",
                "            json.loads(data)\n",
                "        elif kind == 'ast':\n",
                "            return ast_probe(data)\n",
                "        elif kind == 'idna':\n",
                "            data.encode('idna')\n",
                "            (b'xn--' + data.encode()).decode('idna')\n",
                "        elif kind == 'lzma':\n",
                "            raw = data.encode()\n",
                "            for blob in (raw, b'\\xfd7zXZ\\x00' + raw, b']\\x00\\x00\\x80\\x00' + raw):\n",
                "                try:\n",
                "                    lzma.decompress(blob)\n",
                "                except lzma.LZMAError:\n",
                "                    pass\n",
                "        elif kind == 're':\n",
                "            re.compile(data).search('abc aab 123 xyz ' + data)\n",
                "        elif kind == 'xml':\n",
                "            xml_probe(data)\n",
                "        elif kind == 'surrogates':\n",
                "            surrogates(data)\n",
                "        else:\n",
                "            fmt, _, raw = data.partition('|')\n",
                "            struct.unpack(fmt, raw.encode())\n",
                "    except Exception as e:\n",
                "        return type(e).__name__\n",
                "    return 'ok'\n",
                "def xml_probe(data):\n",
                "    from xml.parsers import expat\n",
                "    import xml.etree.ElementTree as ET\n",
                "    raw = data.encode()\n",
                "    for step in (max(len(raw), 1), 1, 3):\n",
                "        p = expat.ParserCreate(namespace_separator='}' if step == 3 else None)\n",
                "        p.buffer_text = step == 1\n",
                "        p.ordered_attributes = step == 3\n",
                "        for name in pyexpat._HANDLERS:\n",
                "            setattr(p, name, lambda *a: p.CurrentColumnNumber)\n",
                "        if step == 3:\n",
                "            p.CharacterDataHandler = None\n",
                "        try:\n",
                "            for i in range(0, len(raw), step):\n",
                "                p.Parse(raw[i:i + step], False)\n",
                "            p.Parse(b'', True)\n",
                "        except expat.ExpatError as e:\n",
                "            assert e.lineno >= 1 and e.offset >= 0, e\n",
                "    try:\n",
                "        ET.fromstring(data)\n",
                "    except ET.ParseError:\n",
                "        pass\n",
                // Every third character becomes a lone surrogate; the str goes through the
                // codecs and the methods, and what must round-trip does.
                "def surrogates(data):\n",
                "    s = ''.join(chr(0xD800 + ord(c) % 0x800) if ord(c) % 3 == 0 else c for c in data)\n",
                "    raw = s.encode('utf-8', 'surrogatepass')\n",
                "    assert raw.decode('utf-8', 'surrogatepass') == s\n",
                "    assert raw.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape') == raw\n",
                "    for h in ('strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape'):\n",
                "        for codec in ('utf-8', 'ascii', 'latin-1'):\n",
                "            try:\n",
                "                s.encode(codec, h)\n",
                "                raw.decode(codec, h)\n",
                "            except UnicodeError:\n",
                "                pass\n",
                "    assert len(s) == len(data) and ''.join(s[i] for i in range(len(s))) == s\n",
                "    assert eval(repr(s)) == s and len(json.loads(json.dumps(s))) <= len(s)\n",
                "    assert s[::-1][::-1] == s and hash(s[:]) == hash(s)\n",
                "    for i in range(len(s)):\n",
                "        assert s.find(s[i]) <= i and s[i] in s and s.count(s[i]) >= 1\n",
                "        assert s[i].join(s.split(s[i])) == s and s.replace(s[i], s[i]) == s\n",
                "        assert s[:i] + s[i:] == s and (s[:i] < s) == (i < len(s) and s[:i] != s)\n",
                "        s.upper(), s.strip(s[i]), s.partition(s[i]), s.center(i + 3, s[i]), repr(s)\n",
                // The tree of `data` dumped, unparsed and compiled; then again with its
                // positions scrambled (negative, zero, ends before starts) and fields of
                // the wrong types, which compile must refuse with an exception.
                "def ast_probe(data):\n",
                "    try:\n",
                "        ast.literal_eval(data)\n",
                "    except Exception:\n",
                "        pass\n",
                "    tree = ast.parse(data)\n",
                "    ast.dump(tree, include_attributes=True)\n",
                "    ast.unparse(tree)\n",
                "    compile(tree, '<probe>', 'exec')\n",
                "    for i, node in enumerate(ast.walk(tree)):\n",
                "        if 'lineno' in node._attributes:\n",
                "            node.lineno, node.col_offset = i % 5 - 1, -i\n",
                "            node.end_lineno, node.end_col_offset = 0, i * 1000003\n",
                "    try:\n",
                "        compile(tree, '<probe>', 'exec')\n",
                "    except (SyntaxError, ValueError, TypeError):\n",
                "        pass\n",
                "    for i, node in enumerate(ast.walk(tree)):\n",
                "        if node._fields:\n",
                "            setattr(node, node._fields[i % len(node._fields)], [None, 1, node][i % 3])\n",
                "    compile(tree, '<probe>', 'exec')\n",
                "    return 'ok'\n",
            ))
            .expect("probe defined");
        interp
    });
    interp
        .with_gil(|py| -> gilvm::PyResult<String> {
            py.eval("probe")?.call1((kind, data))?.extract()
        })
        .expect("probe ran")
}

const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "d83d",
    "\\n",
    "1",
    "-",
    "0",
    ".",
    "e",
    "E",
    "+",
    "null",
    "true",
    "false",
    "NaN",
    "Infinity",
    " ",
    "\n",
    "\"k\"",
    "é",
    "\u{1F600}",
    "\u{1}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn json_loads_never_panics(pieces in proptest::collection::vec(0..JSON_PIECES.len(), 0..40)) {
        let doc: String = pieces.into_iter().map(|i| JSON_PIECES[i]).collect();
        let outcome = library_probe("json", &doc);
        prop_assert!(outcome == "ok" || outcome == "JSONDecodeError" || outcome == "RecursionError", "{doc:?}: {outcome}");
    }

    #[test]
    fn json_loads_random_text_never_panics(doc in "\\PC{0,40}") {
        let outcome = library_probe("json", &doc);
        prop_assert!(outcome == "ok" || outcome == "JSONDecodeError", "{doc:?}: {outcome}");
    }
}

const XML_PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<a",
    "<b:c",
    "</a>",
    "</b:c>",
    " x='1'",
    " y=\"&amp;\"",
    "&",
    ";",
    "&#",
    "x",
    "65",
    "&lt;",
    "&e;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "<?xml version='1.0'?>",
    "<?xml version='1.0' encoding='latin-1'?>",
    "<!DOCTYPE a [<!ENTITY e 'v&e;'>]>",
    "<!DOCTYPE",
    "<!ENTITY",
    " SYSTEM 's'",
    "[",
    "]",
    "'",
    "\"",
    "=",
    " ",
    "\n",
    "\r",
    "é",
    "\u{1F600}",
    "\u{1}",
    " xmlns='u'",
    " xmlns:b='v'",
    "%",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn xml_parse_never_panics(pieces in proptest::collection::vec(0..XML_PIECES.len(), 0..30)) {
        let doc: String = pieces.into_iter().map(|i| XML_PIECES[i]).collect();
        let outcome = library_probe("xml", &doc);
        prop_assert!(outcome == "ok", "{doc:?}: {outcome}");
    }

    #[test]
    fn xml_parse_random_text_never_panics(doc in "\\PC{0,40}") {
        let outcome = library_probe("xml", &doc);
        prop_assert!(outcome == "ok", "{doc:?}: {outcome}");
    }
}

const RE_PIECES: &[&str] = &[
    "(", ")", "(?:", "(?P<n>", "(?P=n)", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?i)", "(?#c)",
    "(?(1)", "[", "]", "[^", "-", "\\", "\\1", "\\2", "\\d", "\\w", "\\s", "\\b", "\\Z", "\\A",
    "\\x4", "\\u00e9", "\\0", "*", "+", "?", "*?", "++", "{", "}", "{2,", "{,3}", "{3,1}", "|",
    "^", "$", ".", "a", "b", "é", "#", " ",
];

const STRUCT_PIECES: &[&str] = &[
    "@",
    "=",
    "<",
    ">",
    "!",
    "b",
    "B",
    "h",
    "H",
    "i",
    "I",
    "l",
    "L",
    "q",
    "Q",
    "n",
    "N",
    "P",
    "e",
    "f",
    "d",
    "s",
    "p",
    "x",
    "c",
    "?",
    "0",
    "1",
    "3",
    "99999999999999999999",
    " ",
    "z",
    "|",
    "\u{0}",
    "abcdefgh",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn re_compile_never_panics(pieces in proptest::collection::vec(0..RE_PIECES.len(), 0..24)) {
        let pattern: String = pieces.into_iter().map(|i| RE_PIECES[i]).collect();
        let outcome = library_probe("re", &pattern);
        prop_assert!(outcome == "ok" || outcome == "error", "{pattern:?}: {outcome}");
    }

    #[test]
    fn re_random_text_never_panics(pattern in "\\PC{0,30}") {
        let outcome = library_probe("re", &pattern);
        prop_assert!(outcome == "ok" || outcome == "error", "{pattern:?}: {outcome}");
    }

    #[test]
    fn strs_with_lone_surrogates_never_panic(data in "\\PC{0,24}") {
        let outcome = library_probe("surrogates", &data);
        prop_assert!(outcome == "ok", "{data:?}: {outcome}");
    }

    #[test]
    fn idna_codec_never_panics(text in "\\PC{0,24}") {
        let outcome = library_probe("idna", &text);
        let expected = ["ok", "UnicodeError", "UnicodeDecodeError"];
        prop_assert!(expected.contains(&outcome.as_str()), "{text:?}: {outcome}");
    }

    #[test]
    fn lzma_decompress_never_panics(text in "\\PC{0,40}") {
        let outcome = library_probe("lzma", &text);
        prop_assert!(outcome == "ok", "{text:?}: {outcome}");
    }

    #[test]
    fn struct_unpack_never_panics(pieces in proptest::collection::vec(0..STRUCT_PIECES.len(), 0..16)) {
        let input: String = pieces.into_iter().map(|i| STRUCT_PIECES[i]).collect();
        let outcome = library_probe("struct", &input);
        prop_assert!(outcome == "ok" || outcome == "error", "{input:?}: {outcome}");
    }

    #[test]
    fn ast_parse_and_compile_of_trees_never_panic(pieces in proptest::collection::vec(0..PIECES.len(), 0..30)) {
        let source: String = pieces.into_iter().map(|i| PIECES[i]).collect();
        library_probe("ast", &source);
    }
}
