//! Deep nests reached from Python code are freed without deep native recursion: each program
//! builds a chain 200,000 levels deep and deletes it, on a host thread whose 4 MiB stack a
//! recursive drop of that chain would overflow (several native frames per level).
//! `Interpreter::run` executes on the calling thread, so the small stack is the one used.

fn run_on_small_stack(source: &'static str) -> String {
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(move || {
            let interp = gilvm::Interpreter::new();
            interp.run(source).expect("the program runs");
            interp.eval::<String>("result").expect("it sets `result`")
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow")
}

#[test]
fn deep_generator_chain() {
    let src = "def g(prev):\n    yield prev\nx = None\nfor i in range(200000):\n    x = g(x)\ndel x\nresult = 'ok'\n";
    assert_eq!(run_on_small_stack(src), "ok");
}

#[test]
fn deep_closure_chain() {
    let src = "def make(prev):\n    return lambda: prev\nf = None\nfor i in range(200000):\n    f = make(f)\nalive = f()()() is not None\ndel f\nresult = f'{alive} ok'\n";
    assert_eq!(run_on_small_stack(src), "True ok");
}

#[test]
fn deep_instances_and_lists() {
    let src = "class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nx = None\nfor i in range(200000):\n    x = Node([x, i])\nlast = x.nxt[1]\nx = None\nresult = f'{last} ok'\n";
    assert_eq!(run_on_small_stack(src), "199999 ok");
}

#[test]
fn deep_bound_methods() {
    let src = "class C:\n    def __init__(self, m):\n        self.m = m\n    def f(self):\n        return self.m\nx = None\nfor i in range(200000):\n    x = C(x).f\nalive = x() is not None\ndel x\nresult = f'{alive} ok'\n";
    assert_eq!(run_on_small_stack(src), "True ok");
}

#[test]
fn deep_lists_tuples_and_dicts() {
    let src = "x = None\nfor i in range(200000):\n    x = [x]\nx = None\nfor i in range(200000):\n    x = (x,)\nx = None\nfor i in range(200000):\n    x = {'k': x}\nx = None\nresult = 'ok'\n";
    assert_eq!(run_on_small_stack(src), "ok");
}
