rtl/virginica_sine.v
rtl/virginica_encoder.v
rtl/virginica_lane.v
rtl/virginica_lfsr.v
rtl/virginica_controller.v
rtl/virginica_decision.v
rtl/virginica_top.v
