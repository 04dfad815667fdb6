<#include "../verilog/header.ftl">
// Icarus Verilog testbench: runs the vectors file through ${name}_top and compares, bit for bit,
// the class, the latency, a digest of every free phase after every step, and the phases of the
// first ${traceStepsHint} steps of sample 0, with !== (an unknown bit x is a mismatch). Prints "PASS n
// samples" or each mismatch and "FAIL".
// Run it in the folder that holds mem/ (the $readmemh files):
//   iverilog -g2005 -o tb.vvp rtl/*.v tb/${name}_tb.v && vvp tb.vvp +vectors=vectors.txt [+limit=N] [+trace=dump.vcd]
`timescale 1ns / 1ps
module ${name}_tb;
    localparam integer P = ${phaseBits};
    localparam integer N = ${free};
    localparam integer NI = ${inputs};

    reg clk = 1'b0;
    reg rst = 1'b1;
    reg in_valid = 1'b0;
    reg out_ready = 1'b0;
    reg [NI * P - 1:0] in_phases = {NI * P{1'b0}};
    wire in_ready, out_valid;
    wire [${classBits - 1}:0] out_class;

    ${name}_top dut (.clk(clk), .rst(rst), .in_valid(in_valid), .in_ready(in_ready), .in_phases(in_phases),
        .out_valid(out_valid), .out_ready(out_ready), .out_class(out_class));

    always #5 clk = ~clk;

    integer fd, status, samples, trace_steps, free_units, input_count, output_count, limit;
    integer s, i, t, value, errors, expected_class, expected_latency, cycles, commits;
    reg [31:0] expected_digest, digest;
    reg [P - 1:0] phase;
    reg was_commit;
    integer trace [0:${traceStepsHint * free - 1}];
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
        status = $fscanf(fd, "%d %d %d %d %d", samples, trace_steps, free_units, input_count, output_count);
        if (status != 5 || free_units != N || input_count != NI || output_count != ${outputs} || trace_steps > ${traceStepsHint}) begin
            $display("FAIL %0s does not describe ${name} (%0d free units, %0d inputs)", vectors_path, free_units, input_count);
            $finish;
        end
        for (t = 0; t < trace_steps * N; t = t + 1) status = $fscanf(fd, "%d", trace[t]);
        if (limit < 0 || limit > samples) limit = samples;

        repeat (2) @(posedge clk);
        rst = 1'b0;
        for (s = 0; s < limit; s = s + 1) begin
            for (i = 0; i < NI; i = i + 1) begin
                status = $fscanf(fd, "%d", value);
                in_phases[i * P +: P] = value[P - 1:0];
            end
            status = $fscanf(fd, "%d %h %d", expected_class, expected_digest, expected_latency);
            while (!in_ready) @(posedge clk);
            #1 in_valid = 1'b1;
            @(posedge clk);
            #1 in_valid = 1'b0;
            cycles = 0;
            commits = 0;
            digest = 32'd0;
            while (!out_valid) begin
                was_commit = dut.commit;
                phase = dut.commit_phase;
                @(posedge clk);
                #1 cycles = cycles + 1;
                if (was_commit) begin
                    digest = digest * 32'd31 + phase;
                    if (s == 0 && commits < trace_steps * N && phase !== trace[commits][P - 1:0]) begin
                        $display("MISMATCH sample 0 step %0d unit %0d phase: expected %0d, got %0d",
                            commits / N, commits % N, trace[commits], phase);
                        errors = errors + 1;
                    end
                    commits = commits + 1;
                end
            end
            if (out_class !== expected_class[${classBits - 1}:0]) begin
                $display("MISMATCH sample %0d out_class: expected %0d, got %0d", s, expected_class, out_class);
                errors = errors + 1;
            end
            if (digest !== expected_digest) begin
                $display("MISMATCH sample %0d phase digest over %0d commits: expected %h, got %h", s, commits, expected_digest, digest);
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
