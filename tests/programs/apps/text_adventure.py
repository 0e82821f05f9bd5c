ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}},
    "library": {"desc": "shelves of books", "exits": {"south": "hall"}, "item": "key"},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "locked": "down"},
    "cellar": {"desc": "the treasure room", "exits": {}},
}


class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.state = "playing"
        self.moves = 0

    def handle(self, command):
        verb, _, noun = command.partition(" ")
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            return f"I don't know how to {verb!r}."
        self.moves += 1
        return handler(noun)

    def do_look(self, _):
        room = ROOMS[self.room]
        exits = ", ".join(sorted(room["exits"])) or "none"
        extra = f" You see a {room['item']}." if "item" in room else ""
        return f"You are in {room['desc']}. Exits: {exits}.{extra}"

    def do_go(self, direction):
        room = ROOMS[self.room]
        if direction not in room["exits"]:
            return "You can't go that way."
        if room.get("locked") == direction and "key" not in self.inventory:
            return "The way is locked."
        self.room = room["exits"][direction]
        if self.room == "cellar":
            self.state = "won"
        return self.do_look("")

    def do_take(self, item):
        room = ROOMS[self.room]
        if room.get("item") != item:
            return f"There is no {item} here."
        self.inventory.append(room.pop("item"))
        return f"Taken: {item}."

    def do_inventory(self, _):
        return "You carry: " + (", ".join(self.inventory) or "nothing")


game = Game()
script = ["look", "go east", "go down", "dance", "go west", "go north", "take sword", "take key", "inventory", "go south", "go east", "go down"]
for command in script:
    print(f"> {command}\n{game.handle(command)}")
    if game.state != "playing":
        break
print("state:", game.state, "moves:", game.moves)
