rtl/setosa_sine.v
rtl/setosa_encoder.v
rtl/setosa_lane.v
rtl/setosa_lfsr.v
rtl/setosa_controller.v
rtl/setosa_decision.v
rtl/setosa_top.v
