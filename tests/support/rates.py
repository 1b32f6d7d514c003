"""How many events fell in a window of time, as a server counts what it was sent."""


def in_window(times, start, end):
    """The events of `times` (seconds) in [start, end)."""
    return sum(1 for t in times if start <= t < end)


def most_in_one_second(times):
    """The most events in any sliding window of one second."""
    times = sorted(times)
    most, first = 0, 0
    for last, moment in enumerate(times):
        while moment - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most
