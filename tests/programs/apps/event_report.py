"""A small command-line tool: summarises a JSON event log between two dates.

Run with fixed argument lists (the corpus runs programs without arguments); the last run
has a bad date, so the tool exits with argparse's usage error (status 2).
"""
import argparse
import datetime as dt
import json
import logging
import os
import sys

log = logging.getLogger('events')

EVENTS = [
    {'when': '2024-03-01T09:15:00', 'user': 'ann', 'kind': 'login'},
    {'when': '2024-03-01T17:40:12', 'user': 'ann', 'kind': 'logout'},
    {'when': '2024-03-02T08:05:30', 'user': 'bob', 'kind': 'login'},
    {'when': '2024-03-03T23:59:59', 'user': 'bob', 'kind': 'error', 'detail': 'disk full'},
    {'when': '2024-03-05T12:00:00', 'user': 'cy', 'kind': 'login'},
    {'when': 'not a date', 'user': 'zed', 'kind': 'login'},
]


def iso_date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'not a date: {text!r}')


def build_parser():
    parser = argparse.ArgumentParser(
        prog='event-report',
        description='Summarise the events of a JSON log between two dates.')
    parser.add_argument('logfile', help='JSON file with a list of events')
    parser.add_argument('--since', type=iso_date, default=dt.date(2024, 1, 1),
                        help='first day (default: %(default)s)')
    parser.add_argument('--until', type=iso_date, help='last day (default: no limit)')
    parser.add_argument('--kind', action='append', choices=['login', 'logout', 'error'],
                        help='only these kinds (repeatable)')
    parser.add_argument('-v', '--verbose', action='count', default=0)
    parser.add_argument('--format', choices=['text', 'json'], default='text')
    return parser


def load(path):
    with open(path) as f:
        events = json.load(f)
    good = []
    for number, event in enumerate(events, 1):
        try:
            event['when'] = dt.datetime.fromisoformat(event['when'])
        except ValueError as e:
            log.warning('event %d skipped: %s', number, e)
            continue
        good.append(event)
    log.info('loaded %d of %d events', len(good), len(events))
    return good


def report(ns):
    events = load(ns.logfile)
    chosen = [e for e in events
              if e['when'].date() >= ns.since
              and (ns.until is None or e['when'].date() <= ns.until)
              and (not ns.kind or e['kind'] in ns.kind)]
    log.debug('%d events chosen', len(chosen))
    by_day = {}
    for e in chosen:
        by_day.setdefault(e['when'].date(), []).append(e)
    if ns.format == 'json':
        out = {day.isoformat(): [{'time': e['when'].strftime('%H:%M'), 'user': e['user'],
                                  'kind': e['kind']} for e in day_events]
               for day, day_events in sorted(by_day.items())}
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    for day, day_events in sorted(by_day.items()):
        print(day.strftime('%A %d %B %Y'))
        for e in day_events:
            extra = f" ({e['detail']})" if 'detail' in e else ''
            print(f"  {e['when']:%H:%M:%S}  {e['user']:<4} {e['kind']}{extra}")
    if chosen:
        span = chosen[-1]['when'] - chosen[0]['when']
        print(f'{len(chosen)} events over {span} ({span.total_seconds() / 3600:.1f} hours)')
    errors = sum(e['kind'] == 'error' for e in chosen)
    if errors:
        log.error('%d error event(s) in range', errors)
    return 1 if errors else 0


def main(argv):
    ns = build_parser().parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(ns.verbose, 2)]
    logging.basicConfig(stream=sys.stdout, level=level, force=True,
                        format='%(levelname)-7s %(name)s: %(message)s')
    return report(ns)


if __name__ == '__main__':
    os.environ['COLUMNS'] = '80'
    path = 'event_report_test.json'
    with open(path, 'w') as f:
        json.dump(EVENTS, f)
    try:
        for argv in ([path],
                     [path, '--since', '2024-03-02', '-vv'],
                     [path, '--kind', 'login', '--kind', 'logout', '--until', '2024-03-02',
                      '--format', 'json', '-v']):
            print('$ event-report', ' '.join(argv))
            print('status', main(argv))
        print('$ event-report --help')
        try:
            main(['--help'])
        except SystemExit as e:
            print('status', e.code)
        sys.stdout.flush()
        main([path, '--since', 'yesterday'])
    finally:
        os.remove(path)
