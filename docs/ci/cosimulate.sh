#!/usr/bin/env bash
# Cosimulate a Verilog folder that oscnet generated, in any CI, without oscnet: the bit-exact Java
# model, the Verilator harness and the Icarus testbench each replay vectors.txt and must match it
# bit for bit. Needs a JDK (17+), verilator and iverilog on the PATH. Exit status 0 only when all
# three pass; build products go to DIR/build (ignore it in version control).
#
#   docs/ci/cosimulate.sh DIR [ICARUS_SAMPLES]
#
#   DIR             a folder written by `oscnet compile` (holds vectors.txt, NAME.f, tb/, model/)
#   ICARUS_SAMPLES  samples Icarus replays (default 1; it is about 1000 times slower than Verilator)
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/vectors.txt" ]; then
    echo "usage: $0 DIR [ICARUS_SAMPLES]  (DIR: a Verilog folder written by oscnet compile, with vectors.txt)" >&2
    exit 2
fi
dir="$1"
samples="${2:-1}"
cd "$dir"

filelist="$(ls -- *.f)"
name="${filelist%.f}"
model="$(find model -name '*.java' | head -n 1)"
class="${model#model/}"
class="${class%.java}"
class="${class//\//.}"
mkdir -p build

echo "== Java model ($class)"
javac -d build/java "$model"
java -cp build/java "$class" vectors.txt

echo "== Verilator (every vector)"
verilator --cc --exe --build -O2 -Mdir build/verilator --top-module "${name}_top" -f "$filelist" \
    "$PWD/tb/${name}_harness.cpp" -o "${name}_sim" > build/verilator.log
"build/verilator/${name}_sim" vectors.txt

echo "== Icarus ($samples samples)"
iverilog -g2005 -o "build/${name}_tb.vvp" -f "$filelist" "tb/${name}_tb.v"
icarus="$(vvp -n "build/${name}_tb.vvp" +vectors=vectors.txt +limit="$samples")"
echo "$icarus"
# vvp exits 0 whatever the testbench found; its last word is PASS or FAIL.
grep -q '^PASS' <<< "$icarus"
