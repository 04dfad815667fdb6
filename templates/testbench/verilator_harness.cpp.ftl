<#include "../verilog/header.ftl">
// Verilator harness: runs the vectors file through ${name}_top and compares, bit for bit, the
// class, the sync bits, the latency, a digest of every phase after every step, and the phases
// of the first steps of sample 0. Prints "PASS n samples", or each mismatch and "FAIL"; exit 1 on failure.
//   verilator --cc --exe --build -O2 --top-module ${name}_top ../rtl/*.v ${name}_harness.cpp -o ${name}_sim
//   obj_dir/${name}_sim ../vectors.txt [limit]
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

constexpr int kOscillators = ${oscillators};
constexpr int kFeatures = ${features};
constexpr int kPairs = ${pairCount};
constexpr int kPhaseBits = ${phaseBits};
constexpr int kInputBits = ${inputBits};

<#include "harness_bits.ftl">

}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "vectors.txt";
    std::ifstream in(path);
    if (!in) {
        std::printf("FAIL cannot open %s\n", path);
        return 1;
    }
    long samples, trace_steps, oscillators, features, pairs;
    in >> samples >> trace_steps >> oscillators >> features >> pairs;
    if (!in || oscillators != kOscillators || features != kFeatures || pairs != kPairs) {
        std::printf("FAIL %s does not describe ${name}\n", path);
        return 1;
    }
    std::vector<uint64_t> trace(trace_steps * kOscillators);
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
    auto mismatch = [&](long sample, long cycle, const char* signal, uint64_t expected, uint64_t got) {
        if (++errors <= 10) {
            std::printf("MISMATCH sample %ld cycle %ld %s: expected %llu, got %llu\n", sample, cycle, signal,
                        static_cast<unsigned long long>(expected), static_cast<unsigned long long>(got));
        }
    };
    for (long s = 0; s < limit && errors <= 20; ++s) {
        for (int p = 0; p < kFeatures; ++p) {
            long long value;
            in >> value;
            put(top->in_features, p * kInputBits, kInputBits, static_cast<uint64_t>(value));
        }
        uint64_t expected_class, expected_sync, expected_latency;
        std::string digest_hex;
        in >> expected_class >> expected_sync >> digest_hex >> expected_latency;
        uint32_t expected_digest = static_cast<uint32_t>(std::stoul(digest_hex, nullptr, 16));
        while (!top->in_ready) tick();
        top->in_valid = 1;
        tick();
        top->in_valid = 0;
        long cycles = 0;
        long step = 0;
        uint32_t digest = 0;
        while (!top->out_valid) {
            bool step_end = top->rootp->${name}_top__DOT__step_end;
            tick();
            ++cycles;
            if (step_end) {
                for (int i = 0; i < kOscillators; ++i) {
                    uint64_t phase = field(top->rootp->${name}_top__DOT__all_phases, i * kPhaseBits, kPhaseBits);
                    digest = digest * 31U + static_cast<uint32_t>(phase);
                    if (s == 0 && step < trace_steps && phase != trace[step * kOscillators + i]) {
                        std::printf("MISMATCH sample 0 step %ld oscillator %d phase: expected %llu, got %llu\n", step, i,
                                    static_cast<unsigned long long>(trace[step * kOscillators + i]),
                                    static_cast<unsigned long long>(phase));
                        ++errors;
                    }
                }
                ++step;
            }
        }
        if (top->out_class != expected_class) mismatch(s, cycles, "out_class", expected_class, top->out_class);
        if (top->out_sync != expected_sync) mismatch(s, cycles, "out_sync", expected_sync, top->out_sync);
        if (digest != expected_digest) mismatch(s, cycles, "phase digest", expected_digest, digest);
        if (static_cast<uint64_t>(cycles) != expected_latency) mismatch(s, cycles, "latency", expected_latency, cycles);
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
