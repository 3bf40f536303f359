#!/usr/bin/env python3
"""include/glocal.h compiles alone as C99, C11 and C++11, pedantic and
warning-free, and a program that references every function it declares
links against libglocal and runs.  Linking the C++ build proves the
extern "C" guard: without it every name would be mangled and missing.

usage: check_header.py INCLUDE_DIR SHARED_LIB   (CC and CXX from the environment)
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_symbols  # noqa: E402

ALLOWED_INCLUDES = {'stddef.h', 'stdint.h', 'stdbool.h'}

PROGRAM = '''\
#include <glocal.h>
#include <glocal.h> /* the include guard holds */
#include <stdio.h>
#include <string.h>

typedef void (*any_function)(void);

/* Every function glocal.h declares, %(count)d of them. */
static const any_function every_function[] = {
%(entries)s
};

int main(void)
{
    size_t i, n = sizeof every_function / sizeof every_function[0];
    glocal_status s = GLOCAL_OK;
    glocal_isolation iso = GLOCAL_ISOLATE_AUTO;
    glocal_severity sev = GLOCAL_SEVERITY_ERROR;
    for (i = 0; i < n; i++)
        if (every_function[i] == NULL)
            return 1;
    if (strcmp(glocal_version(), GLOCAL_VERSION_STRING) != 0) {
        fprintf(stderr, "glocal_version() is %%s, the header says %%s\\n", glocal_version(),
                GLOCAL_VERSION_STRING);
        return 1;
    }
    if (glocal_version_number() != GLOCAL_VERSION_NUMBER ||
        GLOCAL_VERSION_NUMBER != GLOCAL_VERSION_MAJOR * 10000 + GLOCAL_VERSION_MINOR * 100 +
                                     GLOCAL_VERSION_PATCH) {
        fprintf(stderr, "glocal_version_number() is %%d, the header says %%d\\n",
                glocal_version_number(), GLOCAL_VERSION_NUMBER);
        return 1;
    }
    printf("%%u functions, glocal %%s, %%s %%d %%d\\n", (unsigned)n, glocal_version(),
           glocal_status_name(s), (int)iso, (int)sev);
    return 0;
}
'''

LANGS = [
    ('c99', 'CC', ['-x', 'c', '-std=c99', '-Wstrict-prototypes', '-Wmissing-prototypes']),
    ('c11', 'CC', ['-x', 'c', '-std=c11', '-Wstrict-prototypes', '-Wmissing-prototypes']),
    ('c++11', 'CXX', ['-x', 'c++', '-std=c++11']),
]
WARN = ['-pedantic', '-Wall', '-Wextra', '-Werror']


def main(incdir, shared):
    header = os.path.join(incdir, 'glocal.h')
    funcs, _ = check_symbols.header_functions(header)
    ok = not check_symbols.failures
    for msg in check_symbols.failures:
        print('FAIL: ' + msg)
    with open(header, encoding='utf-8') as f:
        includes = re.findall(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', f.read(), re.M)
    bad = sorted(set(includes) - ALLOWED_INCLUDES)
    if bad:
        print('FAIL: glocal.h includes %s; only %s may cross the public header'
              % (', '.join(bad), ', '.join(sorted(ALLOWED_INCLUDES))))
        ok = False
    if not funcs:
        print('FAIL: no function found in glocal.h')
        return 1
    libdir = os.path.dirname(os.path.abspath(shared))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'every_function.c')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(PROGRAM % {
                'count': len(funcs),
                'entries': '\n'.join('    (any_function)%s,' % n for n in sorted(funcs))})
        for lang, var, flags in LANGS:
            compiler = shlex.split(os.environ.get(var, 'cc' if var == 'CC' else 'c++'))
            exe = os.path.join(tmp, 'every_function_' + lang.replace('+', 'x'))
            cmd = compiler + flags + WARN + ['-I', incdir, src, '-o', exe,
                                             '-L', libdir, '-Wl,-rpath,' + libdir, '-lglocal']
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                print('FAIL: %s: %s\n%s%s' % (lang, ' '.join(cmd), res.stdout, res.stderr))
                ok = False
                continue
            run = subprocess.run([exe], capture_output=True, text=True)
            if run.returncode != 0:
                print('FAIL: %s program exited %d\n%s%s' % (lang, run.returncode, run.stdout,
                                                           run.stderr))
                ok = False
                continue
            print('%-6s ok: %s' % (lang, run.stdout.strip()))
    return 0 if check_windows(header) and ok else 1


# The export macro on Windows: importing (a program), exporting (building
# glocal) and static; clang's own headers make a freestanding check possible
# without a Windows SDK.
WINDOWS_MODES = [('dllimport', []), ('dllexport', ['-DGLOCAL_BUILDING']),
                 ('static', ['-DGLOCAL_STATIC'])]


def check_windows(header):
    clang = shutil.which('clang')
    if not clang:
        print('FAIL: clang is needed to compile-check the Windows export macro')
        return False
    ok = True
    for mode, defs in WINDOWS_MODES:
        base = [clang, '-target', 'x86_64-w64-mingw32', '-ffreestanding', '-x', 'c',
                '-std=c99'] + defs
        pre = subprocess.run(base + ['-E', '-P', header], capture_output=True, text=True)
        chk = subprocess.run(base + ['-fsyntax-only'] + WARN + [header], capture_output=True,
                             text=True)
        marks = re.findall(r'\b(dllimport|dllexport)\b', pre.stdout)
        got = set(marks) == ({mode} if mode != 'static' else set())
        if pre.returncode or chk.returncode or not got:
            print('FAIL: windows %s: %s%s' % (mode, pre.stderr, chk.stderr))
            ok = False
        else:
            print('%-6s ok: windows, %s' % ('win', mode))
    return ok


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
