# pwd and resource: lookups and limits whose values depend on the machine are compared with
# each other, not printed; the errors of bad arguments are printed.
import pwd
import resource

root = pwd.getpwnam("root")
print(type(root).__name__, len(root), root.pw_uid, root.pw_name)
print(pwd.getpwuid(root.pw_uid) == root, root[5] == root.pw_dir)
print(any(entry.pw_name == "root" for entry in pwd.getpwall()))
for call in (lambda: pwd.getpwnam("no such user here"), lambda: pwd.getpwuid(2**40),
             lambda: pwd.getpwnam(1), lambda: pwd.struct_passwd(),
             lambda: pwd.struct_passwd((1, 2))):
    try:
        call()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, resource.RLIM_INFINITY, resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(type(usage).__name__, len(usage), usage.ru_utime >= 0, usage[2] == usage.ru_maxrss)
print(resource.getpagesize() > 0, resource.error is OSError)
for call in (lambda: resource.getrlimit(99), lambda: resource.getrlimit("x"),
             lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1,)),
             lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (10**30, 1)),
             lambda: resource.getrlimit(-1),
             lambda: resource.getrusage(5)):
    try:
        call()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
