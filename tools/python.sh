#!/bin/sh
# The interpreter `make` builds .venv with: the first that can make a venv (ensurepip) and
# compile the loaders (Python.h). Debian's own python3.11 comes first: Debian's optimised build,
# libpython linked into the executable, ran `policykg extract` ~15 % faster than pyenv's default
# source build of 3.11 on the same machine (bench/results/extract_interpreters.txt).
for candidate in /usr/bin/python3.11 python3.11 python3; do
    path=$(command -v "$candidate") || continue
    "$path" -c 'import ensurepip, os, sys, sysconfig
sys.exit(sys.version_info[:2] != (3, 11)
         or not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
        2>/dev/null && { echo "$path"; exit 0; }
done
# None complete: the first Python found (make install then says what is missing).
command -v python3.11 || command -v python3
