# A fork server for the real AWS CLI v2 (Debian's awscli, /usr/bin/aws's own code), so tests that
# run thousands of AWS CLI commands do not pay its half-second import each time. The parent imports
# awscli and parses the service models once; for each command it forks, and the child runs the
# CLI's own entry (awscli.clidriver.create_clidriver().main) with the caller's argv, environment,
# working directory and standard streams (passed over the socket), exactly as /usr/bin/aws does.
# Usage: python3 server.py SOCKET_PATH (ready once SOCKET_PATH exists); client.py is the caller.
import array
import json
import os
import signal
import socket
import sys

import awscli.clidriver

WARM_SERVICES = ('ec2', 'sts', 'ssm', 'kms', 's3', 's3api', 'iam', 'autoscaling')


def warm_loader():
    driver = awscli.clidriver.create_clidriver()
    session = driver.session
    for name in WARM_SERVICES:
        for load in (session.get_service_model, session.get_waiter_model, session.get_paginator_model):
            try:
                load(name)
            except Exception:  # a service without waiters or paginators
                pass
    return session.get_component('data_loader')


def receive(conn):
    fds = array.array('i')
    data, ancdata, _flags, _addr = conn.recvmsg(1 << 20, socket.CMSG_LEN(3 * fds.itemsize))
    for level, kind, payload in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - (len(payload) % fds.itemsize)])
    return json.loads(data.decode()), list(fds)


def run_child(conn, loader):
    request, fds = receive(conn)
    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update(request['env'])
    os.chdir(request['cwd'])
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 255
    try:
        driver = awscli.clidriver.create_clidriver()
        driver.session.register_component('data_loader', loader)
        code = driver.main(request['argv'])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        conn.sendall(str(code).encode())
        os._exit(0)


def main(path):
    loader = warm_loader()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path + '.tmp')
    server.listen(64)
    os.rename(path + '.tmp', path)
    sys.stdout.flush()
    while True:
        conn, _ = server.accept()
        if os.fork() == 0:
            server.close()
            run_child(conn, loader)
        conn.close()


if __name__ == '__main__':
    main(sys.argv[1])
