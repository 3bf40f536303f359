#!/usr/bin/env python3
"""The exported symbols are exactly the functions of include/glocal.h.

usage: check_symbols.py HEADER MAP SHARED_LIB STATIC_LIB PROJECT_VERSION

Checks, and reports every failure (not just the first):
 - every function the header declares carries GLOCAL_API and a doc comment
   with `@since X.Y`;
 - the version macros equal the project version in meson.build;
 - lib/glocal.map exports exactly those functions, each node GLOCAL_X.Y;
 - `nm -D --defined-only` of the shared library lists exactly those
   functions (no C++, ICU, libstdc++ or internal symbol), each in the
   version node named by its @since, plus the version node symbols;
 - the SONAME is libglocal.so.<major> and the file is libglocal.so.<version>;
 - the static library defines the same functions, and every other global
   symbol in it is hidden (only weak std:: template instances may not be).
"""
import os
import re
import subprocess
import sys

failures = []


def fail(msg):
    failures.append(msg)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def header_functions(path):
    """{name: since} for every function declared in the header."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    # Comments out, but remember which comment ends where.
    comments = [(m.end(), m.group(0)) for m in re.finditer(r'/\*.*?\*/', text, re.S)]
    code = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
    code = re.sub(r'//[^\n]*', '', code)
    code = re.sub(r'^[ \t]*#[^\n]*(\\\n[^\n]*)*', lambda m: ' ' * len(m.group(0)), code,
                  flags=re.M)
    funcs = {}
    for m in re.finditer(r'\b(glocal_\w+)\s*\(', code):
        name = m.group(1)
        # The statement this call-like name belongs to starts after the
        # previous ';', '{', '}' (or at the start).
        start = max(code.rfind(c, 0, m.start()) for c in ';{}') + 1
        stmt = code[start:m.start()]
        lead = len(stmt) - len(stmt.lstrip())
        if not re.match(r'\s*GLOCAL_API\b', stmt):
            fail('%s: declared without GLOCAL_API (or used outside a declaration)' % name)
        if name in funcs:
            fail('%s: declared twice' % name)
        decl_at = start + lead
        doc = [c for end, c in comments if end <= decl_at and not code[end:decl_at].strip()]
        since = None
        if not doc:
            fail('%s: no doc comment directly above the declaration' % name)
        else:
            s = re.search(r'@since\s+(\d+\.\d+)', doc[-1])
            if s:
                since = s.group(1)
            else:
                fail('%s: its doc comment has no "@since X.Y"' % name)
        funcs[name] = since
    macros = dict(re.findall(r'^\s*#\s*define\s+(GLOCAL_VERSION_\w+)\s+(\S+)', text, re.M))
    return funcs, macros


def map_symbols(path):
    """{name: node} from the version script."""
    with open(path, encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    syms = {}
    for node, body in re.findall(r'(\w[\w.]*)\s*\{(.*?)\}\s*[\w.]*\s*;', text, re.S):
        if not re.fullmatch(r'GLOCAL_\d+\.\d+', node):
            fail('glocal.map: version node %s is not named GLOCAL_X.Y' % node)
        section = None
        for item in re.findall(r'[^;]+', body):
            item = item.strip()
            m = re.match(r'(global|local)\s*:\s*(.*)', item, re.S)
            if m:
                section, item = m.group(1), m.group(2).strip()
            if not item:
                continue
            if section == 'global':
                if not re.fullmatch(r'glocal_\w+', item):
                    fail('glocal.map: %s exports "%s", not a plain glocal_ name' % (node, item))
                syms[item] = node
            elif item != '*':
                fail('glocal.map: %s: unexpected local entry "%s"' % (node, item))
    return syms


def demangle(names):
    if not names:
        return []
    return run('c++filt', *names).splitlines()


def main(header, mapfile, shared, static, version):
    funcs, macros = header_functions(header)
    if not funcs:
        fail('no function found in ' + header)
    api = set(funcs)

    major, minor, patch = version.split('.')
    want = {'GLOCAL_VERSION_MAJOR': major, 'GLOCAL_VERSION_MINOR': minor,
            'GLOCAL_VERSION_PATCH': patch, 'GLOCAL_VERSION_STRING': '"%s"' % version}
    for k, v in want.items():
        if macros.get(k) != v:
            fail('glocal.h: %s is %s, meson.build says %s' % (k, macros.get(k), v))
    for name, since in sorted(funcs.items()):
        if since and tuple(map(int, since.split('.'))) > (int(major), int(minor)):
            fail('%s: @since %s is newer than the project version %s' % (name, since, version))

    mapped = map_symbols(mapfile)
    for s in sorted(api - set(mapped)):
        fail('glocal.map: %s is declared in glocal.h but not exported' % s)
    for s in sorted(set(mapped) - api):
        fail('glocal.map: %s is exported but not declared in glocal.h' % s)

    # The shared library, as the dynamic linker sees it.
    exported = {}
    nodes = set()
    for line in run('nm', '-D', '--defined-only', shared).splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, sym = parts[1], parts[2]
        if kind == 'A' and re.fullmatch(r'GLOCAL_\d+\.\d+', sym):
            nodes.add(sym)
            continue
        name, _, ver = sym.partition('@')
        exported[name] = ver.lstrip('@')
    extra = sorted(set(exported) - api)
    if extra:
        cxx = [n for n in extra if n.startswith('_Z')]
        icu = [n for n in extra if re.search(r'icu|^u[a-z]*_|_\d\d$', n)]
        fail('%s exports %d symbol(s) not in glocal.h (%d C++, %d ICU-looking): %s'
             % (os.path.basename(shared), len(extra), len(cxx), len(icu),
                ', '.join(demangle(extra[:20]))))
    for s in sorted(api - set(exported)):
        fail('%s does not export %s' % (os.path.basename(shared), s))
    for name, ver in sorted(exported.items()):
        if name not in api:
            continue
        if not ver:
            fail('%s is exported without a symbol version' % name)
        elif funcs[name] and ver != 'GLOCAL_' + funcs[name]:
            fail('%s is in version node %s but documented @since %s'
                 % (name, ver, funcs[name]))
        if name in mapped and ver and mapped[name] != ver:
            fail('%s: glocal.map puts it in %s, the library in %s' % (name, mapped[name], ver))
    for n in sorted(set(mapped.values()) - nodes):
        fail('%s defines no version node %s' % (os.path.basename(shared), n))

    dyn = run('readelf', '-d', '-W', shared)
    m = re.search(r'\(SONAME\)\s+Library soname: \[([^\]]+)\]', dyn)
    soname = m.group(1) if m else None
    if soname != 'libglocal.so.' + major:
        fail('SONAME is %s, expected libglocal.so.%s' % (soname, major))
    real = os.path.basename(os.path.realpath(shared))
    if real != 'libglocal.so.' + version:
        fail('the shared library is %s, expected libglocal.so.%s' % (real, version))

    # The static library: same API; everything else hidden.
    static_api = set()
    for line in run('readelf', '-s', '-W', static).splitlines():
        f = line.split()
        if len(f) < 8 or f[4] not in ('GLOBAL', 'WEAK') or f[6] == 'UND':
            continue
        bind, vis, name = f[4], f[5], f[7]
        if name in api:
            static_api.add(name)
            if vis != 'DEFAULT':
                fail('libglocal.a: %s has visibility %s' % (name, vis))
        elif vis == 'DEFAULT':
            # libstdc++'s headers force default visibility on their
            # templates; weak instances of them merge harmlessly.
            if not (bind == 'WEAK' and re.match(r'_ZN?K?(St|9__gnu_cxx)', name)):
                fail('libglocal.a: %s %s is global with default visibility'
                     % (bind.lower(), demangle([name])[0]))
    for s in sorted(api - static_api):
        fail('libglocal.a does not define %s' % s)

    print('%d functions in glocal.h; %d exported by %s (SONAME %s, nodes %s); '
          '%d defined by %s' % (len(api), len(exported), os.path.basename(shared), soname,
                                ', '.join(sorted(nodes)), len(static_api),
                                os.path.basename(static)))
    if failures:
        print('\n'.join('FAIL: ' + f for f in failures))
        return 1
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
