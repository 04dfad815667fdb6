<#include "../verilog/header.ftl">
// Icarus Verilog testbench: runs the vectors file through ${name}_top and compares, bit for bit,
// the class, the sync bits, the latency, a digest of every phase after every step, and the
// phases of the first ${traceStepsHint} steps of sample 0, with !== (an unknown bit x is a mismatch, so the
// same bench can run a gate-level netlist). Prints "PASS n samples" or each mismatch and "FAIL".
//   iverilog -g2005 -o tb.vvp ${name}_tb.v ../rtl/*.v && vvp tb.vvp +vectors=../vectors.txt [+limit=N] [+trace=dump.vcd]
`timescale 1ns / 1ps
module ${name}_tb;
    localparam integer P = ${phaseBits};
    localparam integer N = ${oscillators};
    localparam integer F = ${features};
    localparam integer I = ${inputBits};

    reg clk = 1'b0;
    reg rst = 1'b1;
    reg in_valid = 1'b0;
    reg out_ready = 1'b0;
    reg [F * I - 1:0] in_features = {F * I{1'b0}};
    wire in_ready, out_valid;
    wire [${classBits - 1}:0] out_class;
    wire [${pairCount - 1}:0] out_sync;

    ${name}_top dut (.clk(clk), .rst(rst), .in_valid(in_valid), .in_ready(in_ready), .in_features(in_features),
        .out_valid(out_valid), .out_ready(out_ready), .out_class(out_class), .out_sync(out_sync));

    always #5 clk = ~clk;

    integer fd, status, samples, trace_steps, oscillators, feature_count, pair_count, limit;
    integer s, p, i, t, value, errors, expected_class, expected_sync, expected_latency, cycles, step;
    reg [31:0] expected_digest, digest;
    reg [P - 1:0] phase;
    reg was_step_end;
    integer trace [0:${traceStepsHint * oscillators - 1}];
    reg [1023:0] vectors_path, dump_path;

    initial begin
        errors = 0;
        if (!$value$plusargs("vectors=%s", vectors_path)) vectors_path = "vectors.txt";
        if (!$value$plusargs("limit=%d", limit)) limit = -1;
        if ($value$plusargs("trace=%s", dump_path)) begin
            $dumpfile(dump_path);
            $dumpvars(0, ${name}_tb);
        end
        fd = $fopen(vectors_path, "r");
        if (fd == 0) begin
            $display("FAIL cannot open %0s", vectors_path);
            $finish;
        end
        status = $fscanf(fd, "%d %d %d %d %d", samples, trace_steps, oscillators, feature_count, pair_count);
        if (status != 5 || oscillators != N || feature_count != F || pair_count != ${pairCount} || trace_steps > ${traceStepsHint}) begin
            $display("FAIL %0s does not describe ${name} (%0d oscillators, %0d features)", vectors_path, oscillators, feature_count);
            $finish;
        end
        for (t = 0; t < trace_steps * N; t = t + 1) status = $fscanf(fd, "%d", trace[t]);
        if (limit < 0 || limit > samples) limit = samples;

        repeat (2) @(posedge clk);
        rst = 1'b0;
        for (s = 0; s < limit; s = s + 1) begin
            for (p = 0; p < F; p = p + 1) begin
                status = $fscanf(fd, "%d", value);
                in_features[p * I +: I] = value[I - 1:0];
            end
            status = $fscanf(fd, "%d %d %h %d", expected_class, expected_sync, expected_digest, expected_latency);
            while (!in_ready) @(posedge clk);
            #1 in_valid = 1'b1;
            @(posedge clk);
            #1 in_valid = 1'b0;
            cycles = 0;
            step = 0;
            digest = 32'd0;
            while (!out_valid) begin
                was_step_end = dut.step_end;
                @(posedge clk);
                #1 cycles = cycles + 1;
                if (was_step_end) begin
                    for (i = 0; i < N; i = i + 1) begin
                        phase = dut.all_phases[i * P +: P];
                        digest = digest * 32'd31 + phase;
                        if (s == 0 && step < trace_steps && phase !== trace[step * N + i][P - 1:0]) begin
                            $display("MISMATCH sample 0 step %0d oscillator %0d phase: expected %0d, got %0d",
                                step, i, trace[step * N + i], phase);
                            errors = errors + 1;
                        end
                    end
                    step = step + 1;
                end
            end
            if (out_class !== expected_class[${classBits - 1}:0]) begin
                $display("MISMATCH sample %0d cycle %0d out_class: expected %0d, got %0d", s, cycles, expected_class, out_class);
                errors = errors + 1;
            end
            if (out_sync !== expected_sync[${pairCount - 1}:0]) begin
                $display("MISMATCH sample %0d cycle %0d out_sync: expected %0d, got %0d", s, cycles, expected_sync, out_sync);
                errors = errors + 1;
            end
            if (digest !== expected_digest) begin
                $display("MISMATCH sample %0d phase digest over %0d steps: expected %h, got %h", s, step, expected_digest, digest);
                errors = errors + 1;
            end
            if (cycles !== expected_latency) begin
                $display("MISMATCH sample %0d latency: expected %0d cycles, got %0d", s, expected_latency, cycles);
                errors = errors + 1;
            end
            #1 out_ready = 1'b1;
            @(posedge clk);
            #1 out_ready = 1'b0;
            if (errors > 20) begin
                $display("FAIL %0d mismatches, stopped at sample %0d", errors, s);
                $finish;
            end
        end
        if (errors == 0) $display("PASS %0d samples", limit);
        else $display("FAIL %0d mismatches", errors);
        $finish;
    end
endmodule
