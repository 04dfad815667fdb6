rtl/xor_xy_sine.v
rtl/xor_xy_lfsr.v
rtl/xor_xy_top.v
