#!/usr/bin/env python3
"""Writes the generated part of the bad-input corpus (docs/robustness.md).

Cases too big for git (a 10 MB scalar, 100,000-deep nesting, 100,001
messages, a 33 MiB file), or that git cannot hold (a FIFO, a symlink loop, a
file without read permission, an empty directory), in the same format as
tests/robustness/corpus/: a directory per case with the catalog and its
`expected` file.  Usage: gen_corpus.py OUTDIR STAMP
"""
import os
import shutil
import stat
import sys

BASE = b'glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  hello: "Hello {name}"\n'
DE = b'glocal: 1\nlocale: de\nmessages:\n  hello: "Hallo {name}"\n'


def base_with(messages=b'  hello: "Hello {name}"\n', extra=b""):
    return b"glocal: 1\nlocale: base\nlanguage: en\n" + extra + b"messages:\n" + messages


class Case:
    def __init__(self, out, name, comment, expected):
        self.dir = os.path.join(out, name)
        os.makedirs(self.dir)
        lines = ["# " + comment] + (expected if isinstance(expected, list) else [expected])
        with open(os.path.join(self.dir, "expected"), "w") as f:
            f.write("\n".join(lines) + "\n")

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self


def generate(out):
    # ---- size and depth ----
    Case(out, "scalar-10mb", "a single 10 MB scalar: over the scalar limit (256 KiB)",
         "GLOCAL_ERR_LIMIT base.yaml:6:8").write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  big: "' + b"a" * (10 << 20) + b'"\n'))
    Case(out, "scalar-at-limit", "a scalar of exactly 256 KiB loads",
         "GLOCAL_OK").write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  big: "' + b"b" * (256 << 10) + b'"\n'))
    Case(out, "depth-brackets-100k", "100,000 nested `[`: parsing stops at level 17",
         "GLOCAL_ERR_LIMIT base.yaml:5:24").write(
        "base.yaml", base_with(b"  hello: " + b"[" * 100000 + b"]" * 100000 + b"\n"))
    Case(out, "depth-braces-100k", "100,000 nested `{`: parsing stops at level 17",
         "GLOCAL_ERR_LIMIT base.yaml:5:66").write(
        "base.yaml", base_with(b"  hello: " + b"{a: " * 100000 + b"}" * 100000 + b"\n"))
    Case(out, "depth-brackets-unclosed", "100,000 `[` never closed (a truncated file)",
         "GLOCAL_ERR_LIMIT base.yaml:5:24").write(
        "base.yaml", base_with(b"  hello: " + b"[" * 100000))
    Case(out, "depth-block-1000", "1,000 levels of block mappings",
         "GLOCAL_ERR_LIMIT base.yaml:20:33").write(
        "base.yaml", base_with(b"".join(b"  " * (i + 1) + b"k%d:\n" % i for i in range(1000))))
    # A sparse file: 33 MiB of NUL bytes that take no disk space.
    c = Case(out, "file-33mib", "a 33 MiB file: over the file-size limit, refused while reading",
             "GLOCAL_ERR_LIMIT base.yaml:1:1")
    with open(c.path("base.yaml"), "wb") as f:
        f.truncate(33 << 20)
    msgs = b"".join(b'  m%d: "x"\n' % i for i in range(100001))
    Case(out, "messages-100001", "100,001 messages in one bundle: over the limit of 100,000",
         "GLOCAL_ERR_LIMIT base.yaml:5:3").write("base.yaml", base_with(msgs))
    keys = []
    for f in ["", "formal", "informal", "honorific"]:
        for t in ["", "neutral", "warm", "direct", "playful", "empathetic"]:
            for ch in ["", "email", "sms", "chat", "whatsapp", "wechat", "line", "kakaotalk",
                       "push", "voice", "web"]:
                keys.append("+".join(x for x in (f, t, ch) if x) or "other")
    variants = b"".join(b'    %s: "v"\n' % k.encode() for k in keys[:257])
    Case(out, "variants-257", "257 variants of one message: over the limit of 256",
         "GLOCAL_ERR_LIMIT base.yaml:262:5").write(
        "base.yaml", base_with(b"  hello:\n" + variants))
    c = Case(out, "bundles-4097", "4,097 bundle files: over the limit of 4,096",
             "GLOCAL_ERR_LIMIT .:0:0")
    c.write("base.yaml", BASE)
    for i in range(4096):
        c.write("zz-%04d.yaml" % i, b"")
    term = b"t" * (200 << 10)
    Case(out, "output-1mib", "a term of 200 KiB written six times: the output limit (1 MiB) "
         "stops the format; the catalog opens",
         ["GLOCAL_OK", "format en big => !GLOCAL_ERR_LIMIT"]).write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  big: "{-t}{-t}{-t}{-t}{-t}{-t}"\n',
                               b"terms:\n  t: " + term + b"\n"))
    # The limit stops the writer at the first refused write: these took 1 to 8 GB
    # and seconds to minutes when the length was checked after the whole text.
    Case(out, "output-term-40000", "a term of 200 KiB written 40,000 times (a 470 KB bundle "
         "that lints clean, 8 GB of text): the writer stops at the output limit",
         ["GLOCAL_OK", "format en big => !GLOCAL_ERR_LIMIT",
          "format en plural #n=2 => !GLOCAL_ERR_LIMIT"]).write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  big: "' + b"{-t}" * 40000 + b'"\n'
                               b'  plural: "{n, plural, other {' + b"{-t}" * 40000 + b'}}"\n',
                               b"terms:\n  t: " + term + b"\n"))
    nest = 10000
    tmpl = b"{a,select,x{" * nest + b"deep" + b"}other{o}}" * nest
    Case(out, "template-select-10000", "10,000 nested selects: over the template nesting "
         "limit (10), refused before ICU parses it",
         "GLOCAL_ERR_LIMIT base.yaml:6:9").write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  deep: "' + tmpl + b'"\n'))
    tmpl = b"{n, plural, other {" * nest + b"#" + b"}}" * nest
    Case(out, "template-plural-10000", "10,000 nested plurals",
         "GLOCAL_ERR_LIMIT base.yaml:6:9").write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  deep: "' + tmpl + b'"\n'))
    Case(out, "template-braces-100k", "100,000 `{` in a template",
         "GLOCAL_ERR_SYNTAX base.yaml:6:9").write(
        "base.yaml", base_with(b'  hello: "Hello {name}"\n  deep: "' + b"{" * 100000 + b'"\n'))
    # Uses that cost a linear search each: 60,000 took 15 s before one
    # ICU argument served every use of the same term or argument.
    Case(out, "template-term-60000", "one term used 60,000 times in a plural branch",
         ["GLOCAL_OK", "format en t #n=1 => #60000"]).write(
        "base.yaml", base_with(b'  t: "{n, plural, other {' + b"{-b}" * 60000 + b'}}"\n',
                               b"terms:\n  b: B\n"))
    Case(out, "template-arg-60000", "one argument used 60,000 times in a plural branch",
         ["GLOCAL_OK", "format en t #n=1 a=x => #60000"]).write(
        "base.yaml", base_with(b'  t: "{n, plural, other {' + b"{a}" * 60000 + b'}}"\n'))
    args = b"".join(b"{a%d}" % i for i in range(34000))
    Case(out, "template-args-34000", "34,000 different arguments in one template (as many as "
         "256 KiB hold): found by hash, not by a scan each (that took 20 s)",
         ["GLOCAL_OK", "format en t => !GLOCAL_ERR_ARGUMENT"]).write(
        "base.yaml", base_with(b'  t: "' + args + b'"\n'))
    args = b"".join(b"{a%d}" % i for i in range(100000))
    Case(out, "scalar-over-limit-lint", "a 790 KB template of 100,000 arguments: over the "
         "scalar limit; lint reports it without compiling it (it took minutes)",
         "GLOCAL_ERR_LIMIT base.yaml:5:6").write("base.yaml", base_with(b'  t: "' + args + b'"\n'))
    aliases = b"".join(b"  a%d: &a%d x\n" % (i, i) for i in range(20000))
    Case(out, "anchors-20000", "20,000 anchors: refused at the first, libyaml's slow alias "
         "lookup never runs", "GLOCAL_ERR_SCHEMA base.yaml:5:7").write(
        "base.yaml", base_with(aliases))

    # Lists that grew by one copy per entry in the catalog's arena: 50,000
    # entries took about 20 GB before they grew by doubling.
    orphans = b"".join(b'  o%d: "x"\n' % i for i in range(50000))
    Case(out, "orphans-50000", "50,000 messages only a locale bundle defines (orphans: "
         "warnings); the catalog opens", ["GLOCAL_OK", "format de o49999 => !GLOCAL_ERR_NOT_FOUND",
                                          "format de hello name=Anna => Hello Anna"]).write(
        "base.yaml", BASE).write("de.yaml", b"glocal: 1\nlocale: de\nmessages:\n" + orphans)
    values = b",".join(b"v%d" % i for i in range(50000))
    Case(out, "axis-values-50000", "50,000 values added to the formality axis; the catalog opens",
         ["GLOCAL_OK", "format en hello name=Anna => Hello Anna"]).write(
        "base.yaml", base_with(extra=b"axes:\n  formality: [" + values + b"]\n"))

    terms = b"".join(b"  t%d: T\n" % i for i in range(30000))
    locked = b",".join(b"-t%d" % i for i in range(30000))
    Case(out, "locked-terms-30000", "30,000 locked terms, all overridden by a locale bundle "
         "(lint errors that do not stop the open); the lock is a flag, not a scan per term "
         "(lint took 10 s)", ["GLOCAL_OK", "lint locked de.yaml:30003:3",
                              "format de hello name=Anna => Hallo Anna"]).write(
        "base.yaml", base_with(extra=b"terms:\n" + terms + b"locked: [" + locked + b"]\n")).write(
        "de.yaml", b"glocal: 1\nlocale: de\nterms:\n" + terms +
        b'messages:\n  hello: "Hallo {name}"\n')

    # ---- parent chains ----
    far = b'  hello: "Hello {name}"\n  far: "Far {name}, from base"\n'
    for links, expected in ((32, ["GLOCAL_OK",
                                  "format en-chain32 far name=Anna => Far Anna, from en-chain00"]),
                            (33, ["GLOCAL_ERR_LIMIT en-chain33.yaml:3:9",
                                  "lint schema en-chain33.yaml:3:9"])):
        c = Case(out, f"parent-depth-{links}", f"{links} `parent:` links in a row (the limit is "
                 "32)", expected).write("base.yaml", base_with(far))
        for i in range(links + 1):
            c.write(f"en-chain{i:02d}.yaml", b"glocal: 1\nlocale: en-chain%02d\n" % i +
                    (b"parent: en-chain%02d\n" % (i - 1) if i else b"") + b"messages:\n" +
                    (b'  far: "Far {name}, from en-chain00"\n' if i == 0 else
                     b'  hello: "Hi {name}"\n'))

    # ---- files that are not regular files ----
    c = Case(out, "symlink-loop", "`de.yaml` is a symlink to itself",
             "GLOCAL_ERR_IO de.yaml:0:0").write("base.yaml", BASE)
    os.symlink("de.yaml", c.path("de.yaml"))
    c = Case(out, "symlink-loop-pair", "`de.yaml` and `fr.yaml` point at each other",
             "GLOCAL_ERR_IO de.yaml:0:0").write("base.yaml", BASE)
    os.symlink("fr.yaml", c.path("de.yaml"))
    os.symlink("de.yaml", c.path("fr.yaml"))
    c = Case(out, "symlink-dangling", "`de.yaml` is a symlink to nothing",
             "GLOCAL_ERR_IO de.yaml:0:0").write("base.yaml", BASE)
    os.symlink("missing/nowhere.yaml", c.path("de.yaml"))
    c = Case(out, "symlink-to-bundle", "`de.yaml` is a symlink to a bundle in a subdirectory, "
             "inside the catalog directory: followed; the catalog opens", ["GLOCAL_OK", "format de hello name=Anna => Hallo Anna"])
    c.write("base.yaml", BASE)
    os.makedirs(c.path("elsewhere"))
    c.write("elsewhere/de-bundle", DE)
    os.symlink("elsewhere/de-bundle", c.path("de.yaml"))
    # a bundle outside this catalog: the one symlink-to-bundle holds
    outside = "../symlink-to-bundle/elsewhere/de-bundle"
    c = Case(out, "symlink-outside", "`de.yaml` is a symlink to a bundle outside the catalog "
             "directory: refused by default, never read", "GLOCAL_ERR_IO de.yaml:0:0")
    c.write("base.yaml", BASE)
    os.symlink(outside, c.path("de.yaml"))
    c = Case(out, "symlink-outside-allowed", "the same with GLOCAL_LINKS_ANYWHERE: followed",
             ["GLOCAL_OK", "links anywhere", "format de hello name=Anna => Hallo Anna"])
    c.write("base.yaml", BASE)
    os.symlink(outside, c.path("de.yaml"))
    c = Case(out, "symlink-outside-through-inside", "`de.yaml` links to a link inside the "
             "directory that leaves it: refused (where the last link leads counts)",
             "GLOCAL_ERR_IO de.yaml:0:0")
    c.write("base.yaml", BASE)
    os.makedirs(c.path("sub"))
    os.symlink("../" + outside, c.path("sub/inner"))
    os.symlink("sub/inner", c.path("de.yaml"))
    c = Case(out, "symlink-to-dir", "`de.yaml` is a symlink to a directory: ignored like one",
             "GLOCAL_OK").write("base.yaml", BASE)
    os.symlink(".", c.path("de.yaml"))
    c = Case(out, "fifo", "`de.yaml` is a FIFO: refused at once, never read (a read would "
             "wait forever for a writer)", "GLOCAL_ERR_IO de.yaml:0:0").write("base.yaml", BASE)
    os.mkfifo(c.path("de.yaml"))
    c = Case(out, "dev-zero", "`de.yaml` is a symlink to /dev/zero, an endless device",
             "GLOCAL_ERR_IO de.yaml:0:0").write("base.yaml", BASE)
    os.symlink("/dev/zero", c.path("de.yaml"))
    c = Case(out, "unreadable-file", "`de.yaml` has mode 000 (root reads it anyway: the "
             "catalog opens)", ["GLOCAL_ERR_IO de.yaml:0:0", "root GLOCAL_OK"])
    c.write("base.yaml", BASE).write("de.yaml", DE)
    os.chmod(c.path("de.yaml"), 0)
    c = Case(out, "unreadable-base", "`base.yaml` has mode 000 (root reads it anyway)",
             ["GLOCAL_ERR_IO base.yaml:0:0", "root GLOCAL_OK"]).write("base.yaml", BASE)
    os.chmod(c.path("base.yaml"), 0)
    c = Case(out, "unreadable-dir", "the catalog directory cannot be listed, mode 111 (root "
             "lists it anyway)", ["GLOCAL_ERR_IO .:0:0", "root GLOCAL_OK"]).write("base.yaml", BASE)
    os.chmod(c.dir, 0o111)  # searchable, so that `expected` stays readable
    Case(out, "empty-dir", "an empty directory: no base.yaml", "GLOCAL_ERR_SCHEMA base.yaml:0:0")


def main():
    out, stamp = sys.argv[1], sys.argv[2]
    if os.path.isdir(out):
        for root, dirs, _ in os.walk(out):
            for d in dirs:
                os.chmod(os.path.join(root, d), stat.S_IRWXU)
        shutil.rmtree(out)
    os.makedirs(out)
    generate(out)
    with open(stamp, "w") as f:
        f.write("generated\n")


if __name__ == "__main__":
    main()
