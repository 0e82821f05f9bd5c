//! The eval loop. `run_frame` drives a stack of heap frames: Python→Python calls switch the
//! current frame without recursing on the Rust stack. `execute` runs one frame's instructions
//! until it calls, returns, yields or raises; each opcode arm is small, anything non-trivial
//! lives in a helper module.

use std::rc::Rc;

use gilvm_compiler::bytecode::{unpack_pair, BinaryOperator, Comparison, Instruction as I};

use crate::interp::build_values as build;
use crate::interp::exceptions;
use crate::interp::frame::{Block, BlockKind, Frame};
use crate::interp::gc;
use crate::interp::import;
use crate::interp::matching;
use crate::interp::names;
use crate::interp::thread_state::ThreadState;
use crate::interp::{coroutine, generator};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;
use crate::objects::str::concat as strcat;
use crate::protocol::attr;
use crate::protocol::attr_cache;
use crate::protocol::call;
use crate::protocol::class;
use crate::protocol::iter;
use crate::protocol::ops;
use crate::protocol::subscript as subscr;

/// How a frame run by [`run_frame`] ended.
pub enum FrameExit {
    Return(Value),
    /// A generator frame suspended at `yield`.
    Yield(Value, Box<Frame>),
}

/// How `execute` left the entry frame of its run.
enum Exit {
    Return(Value),
    Yield(Value),
}

/// Runs `frame` (and everything it calls) to completion or suspension. `throw` raises an
/// exception at the frame's current instruction first (`generator.throw`).
pub fn run_frame(
    ts: &mut ThreadState,
    frame: Box<Frame>,
    throw: Option<ObjRef>,
) -> PyResult<FrameExit> {
    ts.enter_native()?;
    let result = run_frames(ts, frame, throw);
    ts.leave_native();
    result
}

fn run_frames(
    ts: &mut ThreadState,
    frame: Box<Frame>,
    throw: Option<ObjRef>,
) -> PyResult<FrameExit> {
    ts.enter()?;
    let entry = ts.frames.len();
    let mut f = frame;
    let mut pending = throw;
    loop {
        let exc = match pending.take() {
            Some(exc) => exc,
            None => match execute(ts, &mut f, entry) {
                Ok(Exit::Return(v)) => {
                    ts.recycle_frame(f);
                    return Ok(FrameExit::Return(v));
                }
                Ok(Exit::Yield(v)) => return Ok(FrameExit::Yield(v, f)),
                Err(exc) => exc,
            },
        };
        exceptions::record_raise(ts, &f, &exc);
        if unwind_to_handler(ts, &mut f, &exc) {
            continue;
        }
        ts.leave();
        if ts.frames.len() == entry {
            ts.recycle_frame(f);
            return Err(exc);
        }
        let caller = ts.frames.pop().expect("caller frame above entry");
        let done = std::mem::replace(&mut f, caller);
        let resumed_by_for = done.resumed_by_for;
        ts.recycle_frame(done);
        pending = Some(if resumed_by_for {
            generator::raise_in_place(ts, &f, exc)
        } else {
            exc
        });
    }
}

/// Pops blocks until a handler is found (then jumps to it) or none is left.
#[inline(never)]
fn unwind_to_handler(ts: &mut ThreadState, f: &mut Frame, exc: &ObjRef) -> bool {
    while let Some(block) = f.blocks.pop() {
        f.slots.truncate(block.depth);
        match block.kind {
            BlockKind::Handler => {
                let previous = std::mem::replace(&mut ts.handled, Value::Obj(exc.clone()));
                f.blocks.push(Block {
                    kind: BlockKind::ExceptHandler { previous },
                    handler: block.handler,
                    depth: block.depth,
                });
                f.push(Value::Obj(exc.clone()));
                f.ip = block.handler as usize;
                return true;
            }
            BlockKind::ExceptHandler { previous } => ts.handled = previous,
        }
    }
    false
}

/// Runs instructions, switching frames in place on Python calls and returns; only leaves on
/// an exception, or when the entry frame (the `entry`-th) returns or yields.
fn execute(ts: &mut ThreadState, current: &mut Box<Frame>, entry: usize) -> PyResult<Exit> {
    // The running frame's code, held apart from the frame so that the loop can read it while
    // it changes the frame. Kept across a switch to a frame of the same code (recursion): no
    // count updates then.
    let mut code = current.code.clone();
    'frames: loop {
        // One indirection less on every frame access than going through the box.
        let f: &mut Frame = current;
        if !Rc::ptr_eq(&code, &f.code) {
            code = f.code.clone();
        }
        let instructions = &code.instructions[..];
        let mut ip = f.ip;
        loop {
            let Some(&instruction) = instructions.get(ip) else {
                return Err(ts.new_exc(ExcKind::SystemError, "instruction pointer out of range"));
            };
            ip += 1;
            // Kept in sync for tracebacks and frame switches; the loop reads the local copy.
            f.ip = ip;
            match instruction {
                I::Nop => {}
                I::PrintExpr => {
                    let value = f.pop();
                    display(ts, value)?;
                }
                I::PopTop => {
                    f.pop();
                }
                I::RotTwo => {
                    let n = f.slots.len();
                    f.slots.swap(n - 1, n - 2);
                }
                I::RotThree => {
                    let top = f.pop();
                    let n = f.slots.len();
                    f.slots.insert(n - 2, top);
                }
                I::RotFour => {
                    let top = f.pop();
                    let n = f.slots.len();
                    f.slots.insert(n - 3, top);
                }
                I::DupTop => {
                    let v = f.top().clone();
                    f.push(v);
                }
                I::Swap(n) => {
                    let top = f.slots.len() - 1;
                    f.slots.swap(top, top + 1 - n as usize);
                }
                I::MatchSequence => {
                    let r = matching::is_sequence(ts, f.top());
                    f.push(Value::Bool(r));
                }
                I::MatchMapping => {
                    let r = matching::is_mapping(ts, f.top());
                    f.push(Value::Bool(r));
                }
                I::GetLen => {
                    let n = crate::protocol::sequence::len_of(ts, f.top())?;
                    f.push(Value::Int(n as i64));
                }
                I::MatchKeys => {
                    let values = matching::match_keys(ts, f.peek(1), f.peek(0))?;
                    f.push(values);
                }
                I::MatchClass(nargs) => {
                    let names = f.pop();
                    let cls = f.pop();
                    let subject = f.pop();
                    let attrs = matching::match_class(ts, &subject, &cls, &names, nargs as usize)?;
                    f.push(attrs);
                }
                I::CopyDictWithoutKeys => {
                    let keys = f.pop();
                    let subject = f.pop();
                    let rest = matching::dict_without_keys(ts, &subject, &keys)?;
                    f.push(rest);
                }
                I::DupTopTwo => {
                    let a = f.peek(1).clone();
                    let b = f.peek(0).clone();
                    f.push(a);
                    f.push(b);
                }
                I::LoadConst(i) => {
                    let v = code.consts[i as usize].clone();
                    f.push(v);
                }
                // A local the compiler proved bound (`LoadFastCheck` for the others).
                I::LoadFast(i) => {
                    debug_assert!(!f.local(i as usize).is_null(), "unproven LoadFast");
                    f.push_local(i as usize);
                }
                I::LoadFastCheck(i) => {
                    let local = i as usize;
                    if f.local(local).is_null() {
                        return Err(names::unbound_local(ts, &code, i));
                    }
                    f.push_local(local);
                }
                I::StoreFast(i) => {
                    let v = f.pop();
                    f.set_local(i as usize, v);
                }
                // Superinstructions, made of proven loads only (see `LoadFast`).
                I::LoadFastLoadFast(pair) => {
                    let (a, b) = unpack_pair(pair);
                    f.push_local(a as usize);
                    f.push_local(b as usize);
                    ip += 1;
                }
                I::LoadFastLoadConst(pair) => {
                    let (a, c) = unpack_pair(pair);
                    f.push_local(a as usize);
                    f.push(code.consts[c as usize].clone());
                    ip += 1;
                }
                I::StoreFastLoadFast(pair) => {
                    let (a, b) = unpack_pair(pair);
                    let v = f.pop();
                    f.set_local(a as usize, v);
                    f.push_local(b as usize);
                    ip += 1;
                }
                I::DeleteFast(i) => {
                    if f.slots[i as usize].is_null() {
                        return Err(names::unbound_local(ts, &code, i));
                    }
                    f.slots[i as usize] = Value::Null;
                    gc::after_release(ts);
                }
                I::LoadDeref(i) => {
                    let v = names::load_deref(ts, f, i)?;
                    f.push(v);
                }
                I::StoreDeref(i) => {
                    let v = f.pop();
                    names::store_deref(f, i, v);
                }
                I::DeleteDeref(i) => {
                    names::load_deref(ts, f, i)?;
                    names::store_deref(f, i, Value::Null);
                }
                I::LoadClosure(i) => {
                    let cell = f.cells[i as usize].clone();
                    f.push(Value::Obj(cell));
                }
                I::LoadClassDeref(i) => {
                    let v = names::load_class_deref(ts, f, i)?;
                    f.push(v);
                }
                I::LoadGlobal(i) => {
                    names::push_global(ts, f, &code, i as usize)?;
                }
                I::StoreGlobal(i) => {
                    let v = f.pop();
                    names::store_global(f, &code, i as usize, v);
                    gc::after_release(ts);
                }
                I::DeleteGlobal(i) => {
                    names::delete_global(ts, f, &code.names[i as usize])?;
                    gc::after_release(ts);
                }
                I::LoadName(i) => {
                    let v = names::load_name(ts, f, &code.names[i as usize])?;
                    f.push(v);
                }
                I::StoreName(i) => {
                    let v = f.pop();
                    names::store_name(ts, f, &code.names[i as usize], v)?;
                    gc::after_release(ts);
                }
                I::DeleteName(i) => {
                    names::delete_name(ts, f, &code.names[i as usize])?;
                    gc::after_release(ts);
                }
                I::LoadAttr(i) => {
                    let obj = f.pop();
                    let site = &code.load_sites[i as usize];
                    let v = attr_cache::load_attr(ts, site, &obj, &code.names[i as usize])?;
                    f.push(v);
                }
                I::StoreAttr(i) => {
                    let obj = f.pop();
                    let v = f.pop();
                    let site = &code.store_sites[i as usize];
                    attr_cache::store_attr(ts, site, &obj, &code.names[i as usize], v)?;
                }
                I::DeleteAttr(i) => {
                    let obj = f.pop();
                    attr::del_attr(ts, &obj, &code.names[i as usize])?;
                }
                I::LoadMethod(i) => {
                    let obj = f.pop();
                    let site = &code.method_sites[i as usize];
                    let (meth, this) =
                        attr_cache::load_method(ts, site, obj, &code.names[i as usize])?;
                    f.push(meth);
                    f.push(this);
                }
                I::CallMethod(n) => {
                    let n = n as usize;
                    let self_index = f.slots.len() - n - 1;
                    let nargs = if f.slots[self_index].is_null() {
                        f.slots.remove(self_index);
                        n
                    } else {
                        n + 1
                    };
                    if let Some(callee) = call::call_positional(ts, f, nargs)? {
                        ts.frames.push(std::mem::replace(current, callee));
                        continue 'frames;
                    }
                }
                I::BinarySubscr => {
                    let index = f.pop();
                    let container = f.pop();
                    let v = match subscr::get_item_fast(&container, &index) {
                        Some(v) => v,
                        None => subscr::get_item(ts, &container, &index)?,
                    };
                    f.push(v);
                }
                I::StoreSubscr => {
                    let index = f.pop();
                    let container = f.pop();
                    let v = f.pop();
                    if let Err(v) = subscr::set_item_fast(&container, &index, v) {
                        subscr::set_item(ts, &container, index, v)?;
                    }
                }
                I::DeleteSubscr => {
                    let index = f.pop();
                    let container = f.pop();
                    subscr::del_item(ts, &container, &index)?;
                }
                I::BuildSlice(n) => {
                    if build::fused_slice(ts, f, n as usize, instructions.get(ip))? {
                        ip += 1;
                        continue;
                    }
                    let step = if n == 3 { f.pop() } else { Value::None };
                    let stop = f.pop();
                    let start = f.pop();
                    f.push(Value::Obj(ObjRef::new(Obj::Slice { start, stop, step })));
                }
                I::UnaryNegative => {
                    let v = f.pop();
                    let r = match v {
                        Value::Int(i) if i != i64::MIN => Value::Int(-i),
                        _ => ops::unary_negative(ts, &v)?,
                    };
                    f.push(r);
                }
                I::UnaryPositive => {
                    let v = f.pop();
                    let r = ops::unary_positive(ts, &v)?;
                    f.push(r);
                }
                I::UnaryInvert => {
                    let v = f.pop();
                    let r = ops::unary_invert(ts, &v)?;
                    f.push(r);
                }
                I::UnaryNot => {
                    let v = f.pop();
                    let t = ops::truthy(ts, &v)?;
                    f.push(Value::Bool(!t));
                }
                I::BinaryOp(op) => {
                    if binary_fast_path(op, f, &code, instructions.get(ip)) {
                        continue;
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let r = ops::binary_op(ts, op, &a, &b)?;
                    f.push(r);
                }
                I::InplaceOp(op) => {
                    if binary_fast_path(op, f, &code, instructions.get(ip)) {
                        continue;
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let r = ops::inplace_op(ts, op, &a, &b)?;
                    f.push(r);
                }
                I::CompareOp(op) => {
                    let n = f.slots.len();
                    let fast = match (&f.slots[n - 2], &f.slots[n - 1]) {
                        (Value::Int(x), Value::Int(y)) => Some(compare_numbers(op, *x, *y)),
                        (Value::Float(x), Value::Float(y)) => Some(compare_numbers(op, *x, *y)),
                        _ => None,
                    };
                    if let Some(truth) = fast {
                        f.drop_top();
                        f.drop_top();
                        // Fused with a following conditional jump: no bool is pushed.
                        match instructions.get(ip) {
                            Some(I::PopJumpIfFalse(target)) => {
                                ip = if truth { ip + 1 } else { *target as usize };
                            }
                            Some(I::PopJumpIfTrue(target)) => {
                                ip = if truth { *target as usize } else { ip + 1 };
                            }
                            _ => f.push(Value::Bool(truth)),
                        }
                        continue;
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let r = ops::compare(ts, op, &a, &b)?;
                    f.push(r);
                }
                I::IsOp(negate) => {
                    let b = f.pop();
                    let a = f.pop();
                    f.push(Value::Bool(a.is(&b) != negate));
                }
                I::ContainsOp(negate) => {
                    let container = f.pop();
                    let item = f.pop();
                    let r = ops::contains(ts, &container, &item)?;
                    f.push(Value::Bool(r != negate));
                }
                I::Jump(target) => {
                    if (target as usize) < ip {
                        ts.check_eval_breaker()?;
                    }
                    ip = target as usize;
                }
                I::PopJumpIfFalse(target) => {
                    let v = f.pop();
                    if !fast_truthy(ts, &v)? {
                        ip = target as usize;
                    }
                }
                I::PopJumpIfTrue(target) => {
                    let v = f.pop();
                    if fast_truthy(ts, &v)? {
                        ip = target as usize;
                    }
                }
                I::JumpIfFalseOrPop(target) => {
                    if !fast_truthy(ts, f.top())? {
                        ip = target as usize;
                    } else {
                        f.pop();
                    }
                }
                I::JumpIfTrueOrPop(target) => {
                    if fast_truthy(ts, f.top())? {
                        ip = target as usize;
                    } else {
                        f.pop();
                    }
                }
                I::GetIter => {
                    let v = f.pop();
                    let it = iter::get_iter(ts, &v)?;
                    f.push(it);
                }
                // Fused with an `UnpackSequence(2)` (`for i, x in enumerate(xs)`): no tuple. An
                // arm of its own, though it repeats the plain arm's generator and `next_value`
                // paths: folded into that arm as a test, nqueens and fannkuch ran 8-10% slower
                // (release, 2026-12-01).
                I::ForIter(target) if instructions.get(ip) == Some(&I::UnpackSequence(2)) => {
                    match iter::next_pair(f.top()) {
                        Some(Some((a, b))) => {
                            ip += 1 + build::unpack_items_into(f, &[a, b], &instructions[ip + 1..]);
                        }
                        Some(None) => {
                            f.pop();
                            ip = target as usize;
                        }
                        None => {
                            if let Some(gen_frame) = generator::resume_in_place(ts, f.top())? {
                                ts.frames.push(std::mem::replace(current, gen_frame));
                                continue 'frames;
                            }
                            match iter::next_value(ts, f.top())? {
                                Some(v) => f.push(v),
                                None => {
                                    f.pop();
                                    ip = target as usize;
                                }
                            }
                        }
                    }
                }
                I::ForIter(target) => {
                    if let Some(gen_frame) = generator::resume_in_place(ts, f.top())? {
                        ts.frames.push(std::mem::replace(current, gen_frame));
                        continue 'frames;
                    }
                    match iter::next_value(ts, f.top())? {
                        // Fused with the loop variable's store (alone or as the first half of
                        // a pair, whose second instruction then runs next).
                        Some(v) => match instructions.get(ip) {
                            Some(&I::StoreFast(i)) => {
                                f.set_local(i as usize, v);
                                ip += 1;
                            }
                            Some(&I::StoreFastLoadFast(pair)) => {
                                f.set_local(unpack_pair(pair).0 as usize, v);
                                ip += 1;
                            }
                            _ => f.push(v),
                        },
                        None => {
                            f.pop();
                            ip = target as usize;
                        }
                    }
                }
                I::MakeFunction(flags) => {
                    let func = build::make_function(ts, f, flags)?;
                    f.push(func);
                }
                I::Call(n) => {
                    if let Some(callee) = call::call_positional(ts, f, n as usize)? {
                        ts.frames.push(std::mem::replace(current, callee));
                        continue 'frames;
                    }
                }
                I::CallKw(n) => {
                    let kwnames = f.pop();
                    if let Some(callee) = call::call_kw_from_stack(ts, f, n as usize, &kwnames)? {
                        ts.frames.push(std::mem::replace(current, callee));
                        continue 'frames;
                    }
                }
                I::CallFunctionEx(flags) => {
                    if let Some(callee) = call::call_ex_from_stack(ts, f, flags & 1 != 0)? {
                        ts.frames.push(std::mem::replace(current, callee));
                        continue 'frames;
                    }
                }
                I::ReturnValue => {
                    let v = f.pop();
                    ts.leave();
                    if ts.frames.len() == entry {
                        return Ok(Exit::Return(v));
                    }
                    let caller = ts.frames.pop().expect("caller frame above entry");
                    let done = std::mem::replace(current, caller);
                    let runs_init = done.runs_init;
                    let resumed_by_for = done.resumed_by_for;
                    ts.recycle_frame(done);
                    if runs_init {
                        // The instance is already on the caller's stack.
                        class::init_returned(ts, &v)?;
                    } else if resumed_by_for {
                        generator::return_in_place(current);
                    } else {
                        current.push(v);
                    }
                    continue 'frames;
                }
                I::LoadBuildClass => {
                    let v = names::load_builtin(ts, "__build_class__")?;
                    f.push(v);
                }
                I::BuildTuple(n) => {
                    let items = f.pop_n(n as usize);
                    f.push(Value::new_tuple(items));
                }
                I::BuildList(n) => {
                    let items = f.pop_n(n as usize);
                    f.push(Value::new_list(items));
                }
                I::BuildSet(n) => {
                    let items = f.pop_n(n as usize);
                    let set = build::new_set(ts, items, false)?;
                    f.push(set);
                }
                I::BuildMap(n) => {
                    let items = f.pop_n(2 * n as usize);
                    let d = build::build_map(ts, items)?;
                    f.push(d);
                }
                I::BuildString(n) => build::build_string(ts, f, n as usize)?,
                I::FormatValue(flags) => build::format_value(ts, f, flags)?,
                I::ListAppend(i) => {
                    let v = f.pop();
                    build::list_append(ts, f.peek(i as usize - 1), v)?;
                }
                I::SetAdd(i) => {
                    let v = f.pop();
                    build::set_add(ts, f.peek(i as usize - 1), v)?;
                }
                I::MapAdd(i) => {
                    let v = f.pop();
                    let k = f.pop();
                    build::map_add(ts, f.peek(i as usize - 1), k, v)?;
                }
                I::ListExtend(i) => {
                    let v = f.pop();
                    let target = f.peek(i as usize - 1).clone();
                    build::list_extend(ts, &target, &v)?;
                }
                I::SetUpdate(i) => {
                    let v = f.pop();
                    let target = f.peek(i as usize - 1).clone();
                    build::set_update(ts, &target, &v)?;
                }
                I::DictUpdate(i) | I::DictMerge(i) => {
                    let v = f.pop();
                    let target = f.peek(i as usize - 1).clone();
                    let merge = matches!(instruction, I::DictMerge(_));
                    let updated = if merge {
                        build::dict_update(ts, &target, &v, true)
                    } else {
                        build::dict_display_update(ts, &target, &v)
                    };
                    match updated {
                        // A call's kwargs dict: the callee is below it and the args tuple.
                        Err(e) if merge => {
                            let callee = f.peek(i as usize + 1).clone();
                            return Err(call::name_kwargs_error(ts, &callee, e));
                        }
                        other => other?,
                    }
                }
                I::ListToTuple => {
                    let v = f.pop();
                    f.push(build::list_to_tuple(&v));
                }
                I::UnpackSequence(n) => {
                    let v = f.pop();
                    ip += build::unpack_sequence(ts, f, &v, n as usize, &instructions[ip..])?;
                }
                I::UnpackEx(n) => {
                    let v = f.pop();
                    build::unpack_ex(ts, f, &v, (n & 0xff) as usize, (n >> 8) as usize)?;
                }
                I::SetupFinally(handler) => f.blocks.push(Block {
                    kind: BlockKind::Handler,
                    handler,
                    depth: f.slots.len(),
                }),
                I::PopBlock => {
                    f.blocks.pop();
                }
                I::PopExcept => {
                    if let Some(Block {
                        kind: BlockKind::ExceptHandler { previous },
                        ..
                    }) = f.blocks.pop()
                    {
                        ts.handled = previous;
                    }
                }
                I::JumpIfNotExcMatch(target) => {
                    let class = f.pop();
                    if !exceptions::exc_match(ts, f.top(), &class)? {
                        ip = target as usize;
                    }
                }
                I::Reraise => {
                    let exc = f.pop();
                    return Err(exceptions::reraise(ts, exc));
                }
                I::RaiseVarargs(n) => return Err(exceptions::raise(ts, f, n)?),
                I::SetupWith(handler) => {
                    let mgr = f.pop();
                    let (exit, entered) = exceptions::enter_with(ts, &mgr)?;
                    f.push(exit);
                    f.blocks.push(Block {
                        kind: BlockKind::Handler,
                        handler,
                        depth: f.slots.len(),
                    });
                    f.push(entered);
                }
                I::WithExceptStart => {
                    let exc = f.peek(0).clone();
                    let exit = f.peek(1).clone();
                    let r = exceptions::call_exit(ts, &exit, &exc)?;
                    f.push(r);
                }
                I::LoadAssertionError => {
                    let class = ts.exc_class(ExcKind::AssertionError).clone();
                    f.push(Value::Obj(class));
                }
                I::ImportName(i) => {
                    let fromlist = f.pop();
                    let level = f.pop();
                    let m = import::import_name(
                        ts,
                        &f.globals,
                        &code.names[i as usize],
                        &fromlist,
                        &level,
                    )?;
                    f.push(m);
                }
                I::ImportFrom(i) => {
                    let v = import::import_from(ts, f.top(), &code.names[i as usize])?;
                    f.push(v);
                }
                I::ImportStar => {
                    let module = f.pop();
                    import::import_star(ts, f, &module)?;
                }
                I::YieldValue => {
                    let v = f.pop();
                    ts.leave();
                    if ts.frames.len() == entry {
                        return Ok(Exit::Yield(v));
                    }
                    yield_to_for(ts, current, v);
                    continue 'frames;
                }
                I::GetYieldFromIter => {
                    let v = f.pop();
                    let it = generator::yield_from_iter(ts, &v)?;
                    f.push(it);
                }
                I::GetAwaitable(context) => {
                    let v = f.pop();
                    f.push(coroutine::get_awaitable(ts, &v, context)?);
                }
                I::GetAiter => {
                    let v = f.pop();
                    f.push(coroutine::get_aiter(ts, &v)?);
                }
                I::GetAnext => {
                    let awaitable = coroutine::get_anext(ts, f.top())?;
                    f.push(awaitable);
                }
                I::EndAsyncFor => {
                    let exc = f.pop();
                    if !coroutine::ends_async_for(ts, &exc) {
                        return Err(exceptions::reraise(ts, exc));
                    }
                    if let Some(Block {
                        kind: BlockKind::ExceptHandler { previous },
                        ..
                    }) = f.blocks.pop()
                    {
                        ts.handled = previous;
                    }
                    f.pop();
                }
                I::SetupAsyncWith(handler) => {
                    let entered = f.pop();
                    f.blocks.push(Block {
                        kind: BlockKind::Handler,
                        handler,
                        depth: f.slots.len(),
                    });
                    f.push(entered);
                }
                I::BeforeAsyncWith => {
                    let mgr = f.pop();
                    let (exit, entered) = coroutine::before_async_with(ts, &mgr)?;
                    f.push(exit);
                    f.push(entered);
                }
                I::YieldFrom => {
                    let sent = f.pop();
                    match generator::yield_from_step(ts, f.top(), sent)? {
                        generator::Step::Yielded(v) => {
                            f.ip -= 1;
                            ts.leave();
                            if ts.frames.len() == entry {
                                return Ok(Exit::Yield(v));
                            }
                            yield_to_for(ts, current, v);
                            continue 'frames;
                        }
                        generator::Step::Done(v) => {
                            f.pop();
                            f.push(v);
                        }
                    }
                }
            }
        }
    }
}

/// A generator frame above the entry frame yields: it is one a `for` loop resumed in place
/// (generator functions are never called in place), so it goes back into its generator and
/// the loop's frame, below it, runs on with `v`.
fn yield_to_for(ts: &mut ThreadState, current: &mut Box<Frame>, v: Value) {
    let consumer = ts
        .frames
        .pop()
        .expect("the for loop's frame below a resumed generator");
    let gen_frame = std::mem::replace(current, consumer);
    debug_assert!(
        gen_frame.resumed_by_for,
        "a generator frame yields above its entry"
    );
    generator::yield_in_place(current, gen_frame, v);
}

/// The fast paths `BinaryOp` and `InplaceOp` share, done in place on the stack: small-int
/// and float arithmetic, then str concatenation for `+`. False (touching nothing) when none
/// applies.
#[inline(always)]
fn binary_fast_path(op: BinaryOperator, f: &mut Frame, code: &CodeInfo, next: Option<&I>) -> bool {
    let result = match small_int_op(op, &f.slots) {
        Some(r) => Value::Int(r),
        None => match float_op(op, &f.slots) {
            Some(r) => Value::Float(r),
            None => return op == BinaryOperator::Add && strcat::concat_top(f, code, next),
        },
    };
    f.drop_top();
    if let Some(top) = f.slots.last_mut() {
        *top = result;
    }
    true
}

/// `a op b` for `+ - * / **` on top of `slots` when one is a float and the other a float or a
/// small int (converted as CPython's float operations convert it), except division by zero.
#[inline(always)]
fn float_op(op: BinaryOperator, slots: &[Value]) -> Option<f64> {
    let n = slots.len();
    let (a, b) = match (slots.get(n.wrapping_sub(2))?, slots.get(n - 1)?) {
        (Value::Float(a), Value::Float(b)) => (*a, *b),
        (Value::Float(a), Value::Int(b)) => (*a, *b as f64),
        (Value::Int(a), Value::Float(b)) => (*a as f64, *b),
        _ => return None,
    };
    match op {
        BinaryOperator::Add => Some(a + b),
        BinaryOperator::Subtract => Some(a - b),
        BinaryOperator::Multiply => Some(a * b),
        BinaryOperator::TrueDivide if b != 0.0 => Some(a / b),
        // A positive base to a finite power, finite: libm's `pow`, as CPython's `float_pow`
        // (whose other cases raise or return a complex).
        BinaryOperator::Power if a > 0.0 && b.is_finite() => {
            Some(a.powf(b)).filter(|r| r.is_finite())
        }
        _ => None,
    }
}

/// `a op b` for two small ints on top of `slots` when the result is a small int too.
#[inline(always)]
fn small_int_op(op: BinaryOperator, slots: &[Value]) -> Option<i64> {
    let n = slots.len();
    let (Value::Int(a), Value::Int(b)) = (slots.get(n.wrapping_sub(2))?, slots.get(n - 1)?) else {
        return None;
    };
    let (a, b) = (*a, *b);
    match op {
        BinaryOperator::Add => a.checked_add(b),
        BinaryOperator::Subtract => a.checked_sub(b),
        BinaryOperator::Multiply => a.checked_mul(b),
        BinaryOperator::And => Some(a & b),
        BinaryOperator::Or => Some(a | b),
        BinaryOperator::Xor => Some(a ^ b),
        // Negative counts raise and big left shifts leave the small ints: the general path.
        BinaryOperator::RightShift if b >= 0 => Some(a >> b.min(63)),
        BinaryOperator::LeftShift if (0..63).contains(&b) => {
            let r = a << b;
            (r >> b == a).then_some(r)
        }
        // Python's floor division and modulo: rounded towards minus infinity, the remainder
        // taking the divisor's sign. Division by zero (and MIN / -1) go the general way.
        BinaryOperator::FloorDivide => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            })
        }
        BinaryOperator::Remainder => {
            let r = a.checked_rem(b)?;
            Some(if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            })
        }
        _ => None,
    }
}

/// `x op y` for two ints or two floats. Floats compare as IEEE does, as Python's do: every
/// comparison with a NaN is false but `!=`.
#[inline(always)]
fn compare_numbers<T: PartialOrd>(op: Comparison, x: T, y: T) -> bool {
    match op {
        Comparison::Less => x < y,
        Comparison::LessEqual => x <= y,
        Comparison::Equal => x == y,
        Comparison::NotEqual => x != y,
        Comparison::Greater => x > y,
        Comparison::GreaterEqual => x >= y,
    }
}

#[inline(always)]
fn fast_truthy(ts: &mut ThreadState, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::None => Ok(false),
        Value::Int(i) => Ok(*i != 0),
        _ => ops::truthy(ts, v),
    }
}

/// `PrintExpr`: `sys.displayhook(value)`.
fn display(ts: &mut ThreadState, value: Value) -> PyResult<()> {
    let sys = import::import_module(ts, "sys")?;
    let hook = crate::protocol::attr::get_attr(ts, &sys, &Value::new_str("displayhook"))
        .map_err(|_| ts.new_exc(ExcKind::RuntimeError, "lost sys.displayhook"))?;
    crate::protocol::call::call_value(ts, &hook, &[value], &[])?;
    Ok(())
}
