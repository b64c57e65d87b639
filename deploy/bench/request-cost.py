#!/usr/bin/env python3
"""CPU per request, per process, of one kind of call at a fixed rate, against the running local system.

Start the system first (deploy/local/start.sh). Then, for example:

  deploy/bench/request-cost.py --path '/api/analytics/dashboards/home?from=2026-12-07&to=2026-12-07' --rate 100
  deploy/bench/request-cost.py --orders --rate 200 --port 8081

It measures each process's CPU (user + system, from /proc) while idle, under the load, and idle again, and prints
the CPU per request above the mean of the two idle spells, with the answers' p50 and p99. The load is a few
keep-alive connections each sending at its share of the rate (a request is not sent before the one before it on its
connection answered, so a rate the system cannot answer is not reached: the printed rate is what was sent).
Orders are two-field sample orders of the generated shop's customers and products (ids 1..N).
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse
import urllib.request

PROCESSES = [('database', 'org.h2.tools.Server'), ('kafka', 'kafka.Kafka'), ('keycloak', 'keycloak'),
             ('analytics', 'analytics-service/target'), ('prediction', 'prediction-service/target'),
             ('segmentation', 'segmentation-service/target'), ('recommender', 'recommender-service/target')]
TICKS = os.sysconf('SC_CLK_TCK')


def token(issuer, user, password):
    form = urllib.parse.urlencode({'grant_type': 'password', 'client_id': 'commerce-cli', 'username': user,
                                   'password': password}).encode()
    return json.load(urllib.request.urlopen(issuer + '/protocol/openid-connect/token', form))['access_token']


def processes(gateway_port):
    found = {}
    keys = PROCESSES + [('gateway', 'Gateway.java %d' % gateway_port)]
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            command = open('/proc/%s/cmdline' % pid).read().replace('\0', ' ')
        except OSError:
            continue
        for name, key in keys:
            if 'java' in command and key in command and name not in found:
                found[name] = pid
    return found


def cpu_seconds(pids):
    seconds = {}
    for name, pid in pids.items():
        fields = open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()
        seconds[name] = (int(fields[11]) + int(fields[12])) / TICKS
    return seconds


def cores_used(pids, action, seconds):
    before, started = cpu_seconds(pids), time.time()
    sent = action(seconds)
    elapsed = time.time() - started
    after = cpu_seconds(pids)
    return {name: (after[name] - before[name]) / elapsed for name in pids}, sent / elapsed


def load(args, bearer, latencies):
    customers, products = args.customers, args.products

    def run(seconds):
        sent = [0] * args.connections
        stop = time.time() + seconds
        period = args.connections / args.rate

        def connection(index):
            client = http.client.HTTPConnection('localhost', args.port, timeout=60)
            due = time.time() + index * period / args.connections
            n = index
            while time.time() < stop:
                wait = due - time.time()
                if wait > 0:
                    time.sleep(wait)
                asked = time.time()
                if args.orders:
                    body = ('{"customerId":%d,"lines":[{"productId":%d,"quantity":1}],'
                            '"payment":{"method":"credit_card","status":"succeeded"}}') % (
                        1 + n * 7919 % customers, 1 + n * 104729 % products)
                    client.request('POST', '/api/analytics/orders', body=body,
                                   headers={'Authorization': bearer, 'Content-Type': 'application/json'})
                else:
                    client.request('GET', args.path, headers={'Authorization': bearer})
                answer = client.getresponse()
                answer.read()
                if answer.status not in (200, 201):
                    raise SystemExit('%s answered %d' % ('POST orders' if args.orders else args.path, answer.status))
                latencies.append(time.time() - asked)
                sent[index] += 1
                n += args.connections
                due += period

        threads = [threading.Thread(target=connection, args=(i,)) for i in range(args.connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(sent)

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument('--path', help='GET this path (with its query)')
    what.add_argument('--orders', action='store_true', help='POST sample orders')
    parser.add_argument('--rate', type=float, default=100, help='requests per second (default 100)')
    parser.add_argument('--seconds', type=float, default=30, help='length of the measured load (default 30)')
    parser.add_argument('--idle-seconds', type=float, default=15, help='length of each idle spell (default 15)')
    parser.add_argument('--warm-seconds', type=float, default=30, help='load before measuring, for the JIT (default 30)')
    parser.add_argument('--connections', type=int, default=8, help='keep-alive connections (default 8)')
    parser.add_argument('--port', type=int, default=8080, help='the gateway (8080, default) or a service port')
    parser.add_argument('--customers', type=int, default=1500, help='customer ids 1..N for orders (default 1500)')
    parser.add_argument('--products', type=int, default=1100, help='product ids 1..N for orders (default 1100)')
    parser.add_argument('--issuer', default='http://localhost:8180/realms/commerce-insight')
    parser.add_argument('--user', default='admin-demo')
    parser.add_argument('--password', default='demo-admin-demo')
    args = parser.parse_args()

    bearer = 'Bearer ' + token(args.issuer, args.user, args.password)
    pids = processes(args.port)
    latencies = []
    run = load(args, bearer, latencies)
    run(args.warm_seconds)
    latencies.clear()
    idle_before, _ = cores_used(pids, lambda s: time.sleep(s) or 0, args.idle_seconds)
    loaded, rate = cores_used(pids, run, args.seconds)
    idle_after, _ = cores_used(pids, lambda s: time.sleep(s) or 0, args.idle_seconds)

    names = sorted(pids)
    print('%s at %.0f requests/s for %.0f s (%d connections to port %d)' % (
        'POST orders' if args.orders else 'GET ' + args.path, rate, args.seconds, args.connections, args.port))
    print('  cores used, idle / loaded: ' + ', '.join(
        '%s %.3f / %.3f' % (n, (idle_before[n] + idle_after[n]) / 2, loaded[n]) for n in names))
    above = {n: (loaded[n] - (idle_before[n] + idle_after[n]) / 2) * 1000 / rate for n in names}
    print('  CPU ms per request above idle: ' + ', '.join('%s %.2f' % (n, above[n]) for n in names)
          + ', total %.2f' % sum(above.values()))
    latencies.sort()
    print('  answer p50 %.1f ms, p99 %.1f ms (n=%d)' % (latencies[len(latencies) // 2] * 1000,
                                                     latencies[int(len(latencies) * 0.99)] * 1000, len(latencies)))


if __name__ == '__main__':
    main()
