<#include "../verilog/header.ftl">
// Verilator harness: runs the vectors file through ${name}_top and compares, bit for bit, the
// class, the latency, a digest of every free phase after every step, and the phases of the first
// steps of sample 0. Prints "PASS n samples", or each mismatch and "FAIL"; exit 1 on failure.
// Run it in the folder that holds mem/ (the $readmemh files):
//   verilator --cc --exe --build -O3 --top-module ${name}_top rtl/*.v tb/${name}_harness.cpp -o ${name}_sim
//   obj_dir/${name}_sim vectors.txt [limit]
// Build with -DOSCNET_TRACE and --trace-fst to dump waveforms of sample 0 (third argument: file).
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "V${name}_top.h"
#include "V${name}_top___024root.h"
#include "verilated.h"
#ifdef OSCNET_TRACE
#include "verilated_fst_c.h"
#endif

namespace {

constexpr int kFree = ${free};
constexpr int kInputs = ${inputs};
constexpr int kOutputs = ${outputs};
constexpr int kPhaseBits = ${phaseBits};

<#include "harness_bits.ftl">

}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "vectors.txt";
    std::ifstream in(path);
    if (!in) {
        std::printf("FAIL cannot open %s\n", path);
        return 1;
    }
    long samples, trace_steps, free_units, inputs, outputs;
    in >> samples >> trace_steps >> free_units >> inputs >> outputs;
    if (!in || free_units != kFree || inputs != kInputs || outputs != kOutputs) {
        std::printf("FAIL %s does not describe ${name}\n", path);
        return 1;
    }
    std::vector<uint64_t> trace(trace_steps * kFree);
    for (auto& v : trace) in >> v;
    long limit = argc > 2 ? std::stol(argv[2]) : samples;
    if (limit < 0 || limit > samples) limit = samples;

    auto context = std::make_unique<VerilatedContext>();
    auto top = std::make_unique<V${name}_top>(context.get());
#ifdef OSCNET_TRACE
    std::unique_ptr<VerilatedFstC> dump;
    if (argc > 3) {
        context->traceEverOn(true);
        dump = std::make_unique<VerilatedFstC>();
        top->trace(dump.get(), 99);
        dump->open(argv[3]);
    }
#endif
    uint64_t time = 0;
    auto tick = [&]() {
        top->clk = 0;
        top->eval();
        top->clk = 1;
        top->eval();
#ifdef OSCNET_TRACE
        if (dump && time < 4000000) dump->dump(time);
#endif
        time += 10;
    };

    top->rst = 1;
    top->in_valid = 0;
    top->out_ready = 0;
    tick();
    tick();
    top->rst = 0;
    long errors = 0;
    auto mismatch = [&](long sample, const char* signal, uint64_t expected, uint64_t got) {
        if (++errors <= 10) {
            std::printf("MISMATCH sample %ld %s: expected %llu, got %llu\n", sample, signal,
                        static_cast<unsigned long long>(expected), static_cast<unsigned long long>(got));
        }
    };
    for (long s = 0; s < limit && errors <= 20; ++s) {
        for (int i = 0; i < kInputs; ++i) {
            uint64_t value;
            in >> value;
            put(top->in_phases, i * kPhaseBits, kPhaseBits, value);
        }
        uint64_t expected_class, expected_latency;
        std::string digest_hex;
        in >> expected_class >> digest_hex >> expected_latency;
        uint32_t expected_digest = static_cast<uint32_t>(std::stoul(digest_hex, nullptr, 16));
        while (!top->in_ready) tick();
        top->in_valid = 1;
        tick();
        top->in_valid = 0;
        long cycles = 0;
        long commits = 0;
        uint32_t digest = 0;
        while (!top->out_valid) {
            if (top->rootp->${name}_top__DOT__commit) {
                uint64_t phase = field(top->rootp->${name}_top__DOT__commit_phase, 0, kPhaseBits);
                digest = digest * 31U + static_cast<uint32_t>(phase);
                if (s == 0 && commits < trace_steps * kFree && phase != trace[commits]) {
                    std::printf("MISMATCH sample 0 step %ld unit %ld phase: expected %llu, got %llu\n",
                                commits / kFree, commits % kFree, static_cast<unsigned long long>(trace[commits]),
                                static_cast<unsigned long long>(phase));
                    ++errors;
                }
                ++commits;
            }
            tick();
            ++cycles;
        }
        if (top->out_class != expected_class) mismatch(s, "out_class", expected_class, top->out_class);
        if (digest != expected_digest) mismatch(s, "phase digest", expected_digest, digest);
        if (static_cast<uint64_t>(cycles) != expected_latency) mismatch(s, "latency", expected_latency, cycles);
        top->out_ready = 1;
        tick();
        top->out_ready = 0;
    }
    top->final();
#ifdef OSCNET_TRACE
    if (dump) dump->close();
#endif
    if (errors == 0) {
        std::printf("PASS %ld samples\n", limit);
        return 0;
    }
    std::printf("FAIL %ld mismatches\n", errors);
    return 1;
}
