def money(n):
    return f"${n:.2f}"
