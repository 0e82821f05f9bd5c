"""Richards: Martin Richards' operating-system simulation (an idle task, a worker, two packet
handlers and two devices passing packets through a priority scheduler). Written for gilvm's
benchmark suite; `--small` runs a short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
KIND_DEVICE = 1000
KIND_WORK = 1001
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class IdleState:
    def __init__(self, count):
        self.control = 1
        self.count = count


class WorkerState:
    def __init__(self):
        self.destination = HANDLER_A
        self.count = 0


class HandlerState:
    def __init__(self):
        self.work_in = None
        self.device_in = None


class DeviceState:
    def __init__(self):
        self.pending = None


class Task:
    def __init__(self, system, ident, priority, queue, pending, waiting, state):
        self.system = system
        self.link = system.tasks
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending
        self.waiting = waiting
        self.holding = False
        self.state = state
        system.tasks = self
        system.table[ident] = self

    def held_or_suspended(self):
        return self.holding or (not self.pending and self.waiting)

    def waiting_with_packet(self):
        return self.pending and self.waiting and not self.holding

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.append_to(self.queue)
        return current

    def run(self):
        if self.waiting_with_packet():
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.holding = False
            self.pending = self.queue is not None
        else:
            packet = None
        return self.step(packet)

    # Operations a task performs on the system while it runs.
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.system.table[ident]
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.system.table[packet.ident]
        self.system.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return target.add_packet(packet, self)


class IdleTask(Task):
    def step(self, packet):
        state = self.state
        state.count -= 1
        if state.count == 0:
            return self.hold()
        if state.control & 1 == 0:
            state.control >>= 1
            return self.release(DEVICE_A)
        state.control = (state.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def step(self, packet):
        if packet is None:
            return self.wait()
        state = self.state
        if state.destination == HANDLER_A:
            state.destination = HANDLER_B
        else:
            state.destination = HANDLER_A
        packet.ident = state.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            state.count += 1
            if state.count > 26:
                state.count = 1
            packet.data[i] = 64 + state.count
        return self.send(packet)


class HandlerTask(Task):
    def step(self, packet):
        state = self.state
        if packet is not None:
            if packet.kind == KIND_WORK:
                state.work_in = packet.append_to(state.work_in)
            else:
                state.device_in = packet.append_to(state.device_in)
        work = state.work_in
        if work is not None:
            index = work.datum
            if index >= BUFFER_SIZE:
                state.work_in = work.link
                return self.send(work)
            device = state.device_in
            if device is not None:
                state.device_in = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def step(self, packet):
        state = self.state
        if packet is None:
            packet = state.pending
            if packet is None:
                return self.wait()
            state.pending = None
            return self.send(packet)
        state.pending = packet
        return self.hold()


class System:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.queue_count = 0
        self.hold_count = 0

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.held_or_suspended():
                task = task.link
            else:
                task = task.run()


def run_once(idle_count):
    system = System()
    IdleTask(system, IDLE, 1, None, False, False, IdleState(idle_count))
    work = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
    WorkerTask(system, WORKER, 1000, work, True, True, WorkerState())
    devices = Packet(Packet(Packet(None, DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE)
    HandlerTask(system, HANDLER_A, 2000, devices, True, True, HandlerState())
    devices = Packet(Packet(Packet(None, DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE)
    HandlerTask(system, HANDLER_B, 3000, devices, True, True, HandlerState())
    DeviceTask(system, DEVICE_A, 4000, None, False, True, DeviceState())
    DeviceTask(system, DEVICE_B, 5000, None, False, True, DeviceState())
    system.schedule()
    return system.queue_count, system.hold_count


def main():
    rounds = 1 if SMALL else 8
    idle_count = 1000 if SMALL else 10000
    total = 0
    for _ in range(rounds):
        queued, held = run_once(idle_count)
        total += queued + held
    print("richards: queued", queued, "held", held, "total", total)


main()
