rtl/versicolor_sine_rom.v
rtl/versicolor_multiply.v
rtl/versicolor_encoder.v
rtl/versicolor_lane.v
rtl/versicolor_lfsr.v
rtl/versicolor_controller.v
rtl/versicolor_decision.v
rtl/versicolor_top.v
